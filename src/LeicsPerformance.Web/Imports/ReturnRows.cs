using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Reads the rows of a returns file (docs/csv-format.md) into <see cref="ReturnLine"/>s resolved against the catalogue
/// (indicator code, period and frequency, area, value and unit, status, target, quartile, marker, direction,
/// comparator group, limits, one row per indicator, area and period), naming by row and column everything that cannot
/// be taken. Writes nothing; <see cref="ReturnCheck"/> compares the lines with what is held, <see cref="ReturnWriter"/>
/// writes them.
/// </summary>
/// <param name="homeAreaCode">The area a row without an area_code is for: the council the app reports on (Reporting:HomeAreaCode).</param>
public sealed class ReturnRows(PerformanceDbContext db, string homeAreaCode)
{
    public static readonly string[] RequiredColumns = ["indicator_code", "period", "value"];

    /// <summary>Reads and checks every row of the table, adding a problem for each thing wrong; returns the rows with none.</summary>
    public async Task<List<ReturnLine>> ReadAsync(CsvTable table, ProblemList problems, CancellationToken ct)
    {
        var fileName = table.FileName;
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, StringComparer.OrdinalIgnoreCase, ct);
        var areas = await db.Areas.AsNoTracking().ToListAsync(ct);
        var areaByKey = areas.GroupBy(a => a.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var area in areas)
        {
            areaByKey.TryAdd(area.Name, area);
            if (area.OnsCode is { } ons)
            {
                areaByKey.TryAdd(ons, area);
            }
        }

        var groups = (await db.ComparatorGroups.AsNoTracking().Select(g => g.Code).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var lines = new List<ReturnLine>();
        var seen = new Dictionary<(int, int, string), int>();
        foreach (var row in table.Rows)
        {
            if (ReadLine(table, row, indicators, areaByKey, groups, problems) is not { } line)
            {
                continue;
            }

            var key = (line.IndicatorId, line.AreaId, line.Period.Code);
            if (seen.TryGetValue(key, out var firstRow))
            {
                problems.Add(new(fileName, row.RowNumber, "indicator_code", row["indicator_code"],
                    $"A second value for {line.IndicatorCode}, {line.AreaName}, {line.Period.Label}: row {firstRow} already gives one. Keep one row per indicator, area and period."));
                continue;
            }

            seen[key] = row.RowNumber;
            lines.Add(line);
        }

        return lines;
    }

    private ReturnLine? ReadLine(
        CsvTable table,
        CsvRow row,
        Dictionary<string, Indicator> indicators,
        Dictionary<string, Area> areas,
        HashSet<string> groups,
        ProblemList problems)
    {
        var before = problems.Count;
        void Problem(string column, string message) => problems.Add(new(table.FileName, row.RowNumber, column, row[column], message));

        var code = row["indicator_code"];
        indicators.TryGetValue(code, out var indicator);
        if (code.Length == 0)
        {
            Problem("indicator_code", "The indicator code is blank.");
        }
        else if (indicator is null)
        {
            Problem("indicator_code", $"'{code}' is not an indicator code in the catalogue. Download a template to see the codes.");
        }

        ReportingPeriod.TryParse(row["period"], out var period);
        if (row["period"].Length == 0)
        {
            Problem("period", "The period is blank: write it like 2017/18, Q1 2021/22, 2017 or 31/03/2018.");
        }
        else if (period is null)
        {
            Problem("period", $"'{row["period"]}' is not a period from {ReportingPeriod.MinYear} to {ReportingPeriod.MaxYear}: write it like 2017/18, Q1 2021/22, 2017 or 31/03/2018.");
        }
        else if (indicator is not null && !indicator.Frequency.Fits(period))
        {
            Problem("period", $"{indicator.Code} is reported {indicator.Frequency.ToCode()}, but '{row["period"]}' is {(period.Kind == PeriodKind.FinancialQuarter ? "a quarter" : "not a quarter")}.");
        }

        var areaText = row["area_code"].Length > 0 ? row["area_code"] : homeAreaCode;
        if (!areas.TryGetValue(areaText, out var area))
        {
            Problem("area_code", $"'{areaText}' is not an area code or name the app holds.");
        }

        var statusGiven = ValueStatusText.TryParse(row["status"], out var status);
        if (!statusGiven)
        {
            Problem("status", $"'{row["status"]}' is not a status: use provisional, awaited, not available, not comparable or suppressed (or leave it blank).");
        }

        decimal? number = null;
        var note = string.Empty;
        if (!PrintedValue.TryParse(row["value"], out var printed, out var valueError))
        {
            Problem("value", valueError);
        }
        else
        {
            number = printed.Number;
            note = printed.Note is { } n ? $"Data is for {n}" : string.Empty;
            if (printed.Number is null && status == ValueStatus.Published)
            {
                status = printed.Status;
            }
            else if (printed.Status == ValueStatus.Provisional)
            {
                status = ValueStatus.Provisional;
            }

            if (number is null && status.HasNumber() && status != ValueStatus.NotComparable)
            {
                Problem("value", $"The status is {status.ToCode()}, which needs a number in the value column.");
            }

            if (number is not null && status is ValueStatus.Awaited or ValueStatus.NotAvailable or ValueStatus.Suppressed)
            {
                Problem("status", $"The status is {status.ToCode()}, but the value column has a number ({row["value"]}): clear one of them.");
            }

            if (indicator is not null && number is { } v)
            {
                if (indicator.Unit == Unit.Percent && printed.HasCurrencySign)
                {
                    Problem("value", $"{indicator.Code} is a percentage, but '{row["value"]}' is in pounds.");
                }
                else if (indicator.Unit == Unit.Currency && printed.HasPercentSign)
                {
                    Problem("value", $"{indicator.Code} is in pounds, but '{row["value"]}' is a percentage.");
                }
                else if (indicator.Unit == Unit.Percent && indicator.PercentBounded && (v > 100m || v < -100m) && !indicator.Title.Contains("change", StringComparison.OrdinalIgnoreCase))
                {
                    Problem("value", $"{indicator.Code} is a percentage, and {row["value"]} is more than 100%. (If this measure can exceed 100%, the catalogue must say so: percent_bounded = no.)");
                }
                else if (indicator.Unit == Unit.Count && v < 0)
                {
                    Problem("value", $"{indicator.Code} is a count, which cannot be negative.");
                }
            }
        }

        AssessmentInput? assessment = null;
        var quartileText = row["quartile"];
        var directionText = row["direction"];
        var groupText = row["comparator_group"];
        if (!ReportedQuartile.TryParse(quartileText, out var quartile))
        {
            Problem("quartile", $"'{quartileText}' is not a quartile: write 1st, 2nd, 3rd, 4th, a range such as 1st/2nd, or leave it blank.");
        }

        var markerText = row["marker"];
        if (!Markers.TryParse(markerText, out var marker))
        {
            Problem("marker", $"'{markerText}' is not a marker: use ✓ (exceptional performance), ● (performance issue), none, or leave it blank.");
        }

        if (!DirectionText.TryParse(directionText, out var direction))
        {
            Problem("direction", $"'{directionText}' is not a direction of travel: use improved, no real change, worse, not determined (or ↑ → ↓), or leave it blank.");
        }

        if (groupText.Length > 0 && !groups.Contains(groupText))
        {
            Problem("comparator_group", $"'{groupText}' is not a comparator group the app holds.");
        }

        var target = row["target"];
        var commentary = row["commentary"];
        // "32.4% (2021)" under the 2021/22 column is stored as 2021's figure; the 2021/22 assessment says it shows it.
        var valuePeriod = printed is { NotePeriod: { } own } && period is not null && own.Code != period.Code
                          && indicator is not null && indicator.Frequency.Fits(own)
            ? own
            : period;
        var elsewhere = valuePeriod is not null && period is not null && valuePeriod.Code != period.Code;
        if (target.Length > 0 || commentary.Length > 0 || quartileText.Length > 0 || direction is not null || groupText.Length > 0 || marker is not null || elsewhere)
        {
            assessment = new AssessmentInput(
                target.Length > 0 ? target : null,
                commentary.Length > 0 ? commentary : null,
                direction,
                quartile,
                quartileText.Length > 0,
                groupText.Length > 0 ? groupText : null,
                marker);
        }

        var limits = ReadLimits(row, Problem);

        if (problems.Count > before)
        {
            return null;
        }

        var format = indicator!.Format();
        return new ReturnLine(row.RowNumber, indicator!.Id, indicator.Code, indicator.Title, format, area!.Id, area.Name, valuePeriod!, number, status, row["value"], note, assessment, elsewhere ? period : null, limits);
    }

    /// <summary>The optional numerator, denominator and 95% confidence limit columns (plain numbers).</summary>
    private static ValueLimits? ReadLimits(CsvRow row, Action<string, string> problem)
    {
        decimal? Number(string column)
        {
            var text = row[column];
            if (text.Length == 0)
            {
                return null;
            }

            if (decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            problem(column, $"'{text}' is not a number: write it like 1234.5, or leave it blank.");
            return null;
        }

        var limits = new ValueLimits(Number("numerator"), Number("denominator"), Number("lower"), Number("upper"));
        if (limits.Lower is { } lo && limits.Upper is { } hi && lo > hi)
        {
            problem("lower", $"The lower confidence limit {row["lower"]} is above the upper one {row["upper"]}.");
        }

        return limits is { Numerator: null, Denominator: null, Lower: null, Upper: null } ? null : limits;
    }
}

using System.Globalization;
using LeicsPerformance.Domain.Areas;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// The indicator page's trend: every period held for the home area across the measure's line, with each period's
/// target, England's value and the comparator group's median, the chart drawn from them, and the sentence that reads it.
/// </summary>
public sealed class IndicatorTrends(PerformanceDbContext db, IndicatorSeries series, LineageQueries lineage)
{
    private static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Every period held for the home area, oldest first, with the target reported for each and, where held, England's
    /// value and the median of the comparator group <paramref name="groupCode"/> (the group's version for each period).
    /// </summary>
    public async Task<IndicatorTrend> TrendAsync(IndicatorDetails details, ReportingPeriod? selected, CancellationToken ct = default, string? groupCode = null)
    {
        // The measure's whole line: periods held only by an earlier edition's indicator it continues come from that one.
        var values = await series.HomeValuesAsync(details.Id, await lineage.LineAsync(details.Id, ct), ct);
        var targets = await db.Assessments.AsNoTracking()
            .Where(a => a.IndicatorId == details.Id && a.TargetText != string.Empty)
            .ToDictionaryAsync(a => a.PeriodId, a => a.TargetText, ct);
        var (england, medians, groupName) = await ComparisonsAsync(details, values.Select(v => (v.PeriodId, v.Period)).ToList(), groupCode, ct);

        var format = details.Format;
        var rows = values.Select(v =>
        {
            var targetText = targets.GetValueOrDefault(v.PeriodId) ?? string.Empty;
            var target = Target.Parse(targetText);
            var e = england.TryGetValue(v.PeriodId, out var ev) ? ev : (decimal?)null;
            var (m, n) = medians.TryGetValue(v.PeriodId, out var mv) ? mv : (null, 0);
            return new TrendRow(
                v.Period.Code,
                v.Period.Label,
                v.Status.HasNumber() ? v.Value : null,
                v.Status,
                Wording.Value(v.Format, v.Value, v.Status, v.AsPrinted),
                v.NoteWithOrigin,
                targetText,
                target?.LineValue,
                target is null ? string.Empty : target.Describe(format),
                e,
                e is { } ed ? format.Format(ed) : string.Empty,
                m,
                m is { } md ? format.Format(md) : string.Empty,
                n,
                v.Earlier?.Code,
                v.DefinitionsBack);
        }).ToList();

        // The chart draws one target line: the selected period's, else the latest numeric one.
        var lineFrom = rows.FirstOrDefault(r => r.PeriodCode == selected?.Code && r.TargetLine is not null)
                       ?? rows.LastOrDefault(r => r.TargetLine is not null);
        var hasEngland = rows.Any(r => r.England is not null);
        var hasMedian = groupName is not null && rows.Any(r => r.Median is not null);
        var comparisons = new List<TrendChartSeries>();
        if (hasEngland)
        {
            comparisons.Add(new TrendChartSeries("England", rows.Select(r => new TrendChartPoint(r.PeriodLabel, r.England, r.EnglandDisplay)).ToList()));
        }

        if (hasMedian)
        {
            comparisons.Add(new TrendChartSeries($"Median of {IndicatorText.GroupNoun(groupName!)}", rows.Select(r => new TrendChartPoint(r.PeriodLabel, r.Median, r.MedianDisplay)).ToList()));
        }

        var fromZero = StartsAtZero(format.Unit);
        var chart = new TrendChartData(
            $"{details.Title.TrimEnd('.', ' ')}, {details.HomeAreaName}",
            IndicatorText.UnitLabel(format),
            // A figure under an earlier definition is in the table, not on the line: it would draw a change that is not one.
            rows.Select(r => new TrendChartPoint(r.PeriodLabel, r.DefinitionsBack == 0 ? r.Value : null, r.Display)).ToList(),
            lineFrom?.TargetLine,
            lineFrom is null ? null : $"Target {lineFrom.TargetDisplay} ({lineFrom.PeriodLabel})",
            details.HomeAreaName,
            comparisons.Count > 0 ? comparisons : null,
            fromZero);
        var axisNote = fromZero
            ? null
            : "The chart's value axis does not start at zero: this measure (" + IndicatorText.UnitLabel(format).Trim() + ") moves little beside its size, and from zero the changes between years would not show. Read the figures in the table.";
        return new IndicatorTrend(rows, TrendSummary(details, rows), chart, hasEngland, hasMedian ? groupName : null, axisNote);
    }

    /// <summary>Counts, percentages and rates are charted from zero, so a line's height is honest about its size.</summary>
    public static bool StartsAtZero(Unit unit) => unit is Unit.Count or Unit.Percent or Unit.Rate;

    /// <summary>
    /// England's value per period, and per period the median of the comparator group's members holding a value in
    /// the group's version for that period (with how many it is the median of).
    /// </summary>
    private async Task<(Dictionary<int, decimal> England, Dictionary<int, (decimal? Median, int Of)> Medians, string? GroupName)> ComparisonsAsync(
        IndicatorDetails details, IReadOnlyList<(int PeriodId, ReportingPeriod Period)> periods, string? groupCode, CancellationToken ct)
    {
        var england = new Dictionary<int, decimal>();
        var medians = new Dictionary<int, (decimal?, int)>();
        if (periods.Count == 0)
        {
            return (england, medians, null);
        }

        var periodIds = periods.Select(p => p.PeriodId).ToArray();
        var all = await db.Values.AsNoTracking()
            .Where(v => v.IndicatorId == details.Id && periodIds.Contains(v.PeriodId) && v.Value != null
                        && ValueStatusText.Ranked.Contains(v.Status))
            .Select(v => new { v.PeriodId, v.AreaId, AreaCode = v.Area.Code, Value = v.Value!.Value })
            .ToListAsync(ct);
        foreach (var v in all.Where(v => v.AreaCode == IndicatorSeries.EnglandAreaCode))
        {
            england[v.PeriodId] = v.Value;
        }

        if (groupCode is null)
        {
            return (england, medians, null);
        }

        var versions = await db.ComparatorGroups.AsNoTracking().Where(g => g.Code == groupCode).Include(g => g.Members).ToListAsync(ct);
        if (versions.Count == 0)
        {
            return (england, medians, null);
        }

        var byPeriod = all.ToLookup(v => v.PeriodId);
        foreach (var (periodId, period) in periods)
        {
            var year = ComparatorGroups.VersionFor(versions.Select(g => g.Year), period);
            var members = versions.First(g => g.Year == year).Members.Select(m => m.AreaId).ToHashSet();
            var inGroup = byPeriod[periodId].Where(v => members.Contains(v.AreaId)).Select(v => v.Value).ToList();
            if (inGroup.Count >= QuartilePosition.MinimumGroupSize)
            {
                medians[periodId] = (QuartilePosition.Median(inGroup), inGroup.Count);
            }
        }

        return (england, medians, versions[^1].Name);
    }

    /// <summary>
    /// "From 2016/17 to 2017/18 the value rose from 3.6% to 3.7%; lower is better, so this is a deterioration."
    /// The verdict uses the indicator's own no-real-change rule, as the direction of travel does.
    /// </summary>
    public static string TrendSummary(IndicatorDetails details, IReadOnlyList<TrendRow> rows)
    {
        // Figures under an earlier definition are listed but never compared with the current definition's.
        var earlierDefinition = rows.Where(r => r.Value is not null && r.DefinitionsBack > 0).ToList();
        var numbers = rows.Where(r => r.Value is not null && r.DefinitionsBack == 0).ToList();
        if (earlierDefinition.Count > 0)
        {
            var codes = string.Join(" and ", earlierDefinition.Select(r => r.PrintedAs).Distinct());
            var before = $"The definition changed since {codes}, so its figures ({earlierDefinition[0].PeriodLabel} to {earlierDefinition[^1].PeriodLabel}) are listed but not compared with later ones.";
            return numbers.Count == 0 ? before : before + " " + TrendSummary(details, rows.Where(r => r.DefinitionsBack == 0).ToList());
        }

        if (numbers.Count == 0)
        {
            return rows.Count == 0
                ? $"No values are held for {details.HomeAreaName}."
                : $"No figures are held for {details.HomeAreaName}, only states such as \"{rows[^1].Display}\".";
        }

        if (numbers.Count == 1)
        {
            return $"Only one figure is held: {numbers[0].Display} for {numbers[0].PeriodLabel}, so there is no trend yet.";
        }

        var text = Step(details, numbers[0], numbers[^1]);
        if (numbers.Count > 2)
        {
            var latest = Step(details, numbers[^2], numbers[^1]);
            text += " Most recently, " + char.ToLower(latest[0], UK) + latest[1..];
        }

        return text;
    }

    private static string Step(IndicatorDetails details, TrendRow from, TrendRow to)
    {
        var format = details.Format;
        var a = from.Value!.Value;
        var b = to.Value!.Value;
        var rating = DirectionOfTravel.Compute(b, a, details.Polarity, details.NoRealChangeRule, format);
        var moved = format.RoundForDisplay(a) == format.RoundForDisplay(b)
            ? $"the value stayed at {to.Display}"
            : $"the value {(b > a ? "rose" : "fell")} from {from.Display} to {to.Display}";
        var verdict = rating.Direction switch
        {
            Direction.Improved => $"; {details.Polarity.Describe()}, so this is an improvement.",
            Direction.Worse => $"; {details.Polarity.Describe()}, so this is a deterioration.",
            Direction.NoRealChange when rating.Reason == DirectionReason.WithinTolerance => ", within the indicator's tolerance, so this is no real change.",
            Direction.NoRealChange => ": no real change.",
            _ => "; neither higher nor lower is better for this indicator, so this is neither an improvement nor a deterioration.",
        };
        return $"From {from.PeriodLabel} to {to.PeriodLabel} {moved}{verdict}";
    }
}

using LeicsPerformance.Domain;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Reporting;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// The returns template an analyst downloads for a dashboard and a period (<c>GET /returns/template</c>): a row per
/// indicator and period it reports for, in the returns format (docs/csv-format.md), with guidance columns the upload
/// ignores, and the home area already filled in.
/// </summary>
public sealed class ReturnTemplate(PerformanceDbContext db, HomeArea home)
{
    /// <summary>
    /// The template's columns: the returns format, with guidance after the code that is ignored on upload: the
    /// indicator's title, how its figures are written (unit, scale and decimal places, with an example), and the latest
    /// figure held for the home area up to the period asked for, with that figure's period.
    /// </summary>
    public static IReadOnlyList<string> Header { get; } =
    [
        "indicator_code", "indicator_title", "unit", "last_value", "last_period",
        "period", "area_code", "value", "status", "target", "quartile", "comparator_group", "direction", "commentary",
    ];

    /// <summary>The rows for the dashboard's indicators, in their printed order.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string?>>> RowsAsync(int dashboardId, ReportingPeriod period, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.DashboardId == dashboardId)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .ToListAsync(ct);
        var latest = await LatestHeldAsync(indicators.Select(i => i.Id).ToList(), period, ct);
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var indicator in indicators)
        {
            var format = indicator.Format();
            latest.TryGetValue(indicator.Id, out var held);
            foreach (var p in PeriodsFor(indicator.Frequency, period))
            {
                rows.Add([
                    indicator.Code, indicator.Title, Wording.HowToWrite(format),
                    held is null ? string.Empty : Wording.Value(format, held.Value, held.Status, held.AsPrinted),
                    held?.Label ?? string.Empty,
                    PeriodText(p), home.Code, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty,
                ]);
            }
        }

        return rows;
    }

    /// <summary>
    /// The period the start page offers: the financial year after the latest one holding values (the return due next),
    /// as people write it; 2019/20 before any is held.
    /// </summary>
    public async Task<string> DefaultPeriodTextAsync(CancellationToken ct)
    {
        var latest = await db.Values.AsNoTracking()
            .Where(v => v.Period.Kind == PeriodKind.FinancialYear)
            .OrderByDescending(v => v.Period.EndDate)
            .Select(v => v.Period.Code)
            .FirstOrDefaultAsync(ct);
        return latest is not null && ReportingPeriod.TryParse(latest, out var p)
            ? PeriodText(p.Kind == PeriodKind.FinancialYear ? ReportingPeriod.FinancialYear(p.Year + 1) : p)
            : "2019/20";
    }

    /// <summary>
    /// The periods an indicator reports for the period asked: itself when it fits; a financial year's four quarters
    /// for a quarterly indicator; a quarter's financial year for an annual one; none when there is no sensible match.
    /// </summary>
    public static IEnumerable<ReportingPeriod> PeriodsFor(Frequency frequency, ReportingPeriod period)
    {
        var quarterly = frequency == Frequency.Quarterly;
        if (quarterly == (period.Kind == PeriodKind.FinancialQuarter))
        {
            return [period];
        }

        if (quarterly)
        {
            return period.Kind == PeriodKind.FinancialYear ? Enumerable.Range(1, 4).Select(q => ReportingPeriod.FinancialQuarter(period.Year, q)) : [];
        }

        return period.FinancialYearOf() is { } year ? [year] : [];
    }

    /// <summary>The period as people write it (2018/19, Q1 2021/22), or its code where the label would not read back.</summary>
    public static string PeriodText(ReportingPeriod period) =>
        ReportingPeriod.TryParse(period.Label, out var back) && back.Code == period.Code ? period.Label : period.Code;

    private sealed record HeldFigure(decimal? Value, ValueStatus Status, string AsPrinted, string Label);

    /// <summary>Each indicator's latest figure for the home area in a period ending on or before the period's end.</summary>
    private async Task<Dictionary<int, HeldFigure>> LatestHeldAsync(IReadOnlyCollection<int> indicatorIds, ReportingPeriod period, CancellationToken ct)
    {
        var homeId = await home.IdAsync(ct);
        var held = await db.Values.AsNoTracking()
            .Where(v => indicatorIds.Contains(v.IndicatorId) && v.AreaId == homeId && v.Period.EndDate <= period.End)
            .Select(v => new { v.IndicatorId, v.Value, v.Status, v.AsPrinted, v.Period.Label, v.Period.EndDate, v.Period.StartDate })
            .ToListAsync(ct);
        return held
            .GroupBy(v => v.IndicatorId)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(v => v.EndDate).ThenBy(v => v.StartDate).Select(v => new HeldFigure(v.Value, v.Status, v.AsPrinted, v.Label)).First());
    }
}

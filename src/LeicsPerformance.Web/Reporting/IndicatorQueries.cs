using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// The indicator page: what the indicator is (its catalogue details), the periods it holds, and the page put together
/// from the period's rating (<see cref="PerformanceQueries"/>, the figures the dashboards and the API show), the trend
/// (<see cref="IndicatorTrends"/>), the benchmark (<see cref="IndicatorBenchmarks"/>), the value history
/// (<see cref="ValueHistoryQueries"/>) and the measure's lineage.
/// </summary>
public sealed class IndicatorQueries(
    PerformanceDbContext db,
    PerformanceQueries performance,
    HomeArea homeArea,
    IndicatorTrends trends,
    IndicatorBenchmarks benchmarks,
    ValueHistoryQueries valueHistory,
    LineageQueries lineage)
{
    public async Task<IndicatorDetails?> DetailsAsync(string code, CancellationToken ct = default)
    {
        var upper = code.Trim().ToUpperInvariant();
        var indicator = await db.Indicators.AsNoTracking()
            .Include(i => i.Dashboard).ThenInclude(d => d.Theme)
            .Include(i => i.Section)
            .Where(i => i.Code == code || i.Code == upper)
            .OrderBy(i => i.Code == code ? 0 : 1)
            .FirstOrDefaultAsync(ct);
        if (indicator is null)
        {
            return null;
        }

        var groupName = indicator.ComparatorGroupCode is null
            ? null
            : await db.ComparatorGroups.AsNoTracking()
                .Where(g => g.Code == indicator.ComparatorGroupCode)
                .OrderByDescending(g => g.Year)
                .Select(g => g.Name)
                .FirstOrDefaultAsync(ct);
        var homeName = await db.Areas.AsNoTracking().Where(a => a.Code == homeArea.Code).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? homeArea.Code;

        return new IndicatorDetails(
            indicator.Id,
            indicator.Code,
            indicator.Title,
            indicator.Definition,
            indicator.Dashboard.Slug,
            indicator.Dashboard.Title,
            indicator.Dashboard.Theme.Title,
            indicator.Section?.Title ?? string.Empty,
            indicator.Polarity,
            indicator.Format(),
            indicator.Source,
            indicator.ComparatorGroupCode,
            groupName,
            indicator.Frequency,
            indicator.StrategicPlan,
            indicator.Internal,
            indicator.GeographyNote,
            indicator.NoRealChangeRule,
            indicator.Notes,
            homeArea.Code,
            homeName,
            new IndicatorSource(indicator.SourceDataset, indicator.SourcePublisher, indicator.SourceRelease));
    }

    /// <summary>
    /// The whole page. <paramref name="period"/> null means the latest period holding a value for this indicator;
    /// <paramref name="groupCode"/> null means the indicator's own comparator group (or the first group with values).
    /// </summary>
    public async Task<IndicatorPageView?> PageAsync(string code, ReportingPeriod? period, string? groupCode, bool allHistory, CancellationToken ct = default)
    {
        var details = await DetailsAsync(code, ct);
        if (details is null)
        {
            return null;
        }

        var periods = await PeriodsAsync(details.Id, ct);
        period ??= await DefaultPeriodAsync(details.Id, ct);

        RatedIndicator? rating = null;
        IndicatorBenchmark? benchmark = null;
        if (period is not null)
        {
            rating = (await performance.RateIndicatorsAsync([details.Code], period, ct)).FirstOrDefault();
            benchmark = await benchmarks.BenchmarkAsync(details, period, groupCode, strictGroup: false, ct);
        }

        var trend = await trends.TrendAsync(details, period, ct, benchmark?.Group?.Code ?? details.ComparatorGroupCode);
        if (rating is { Direction.Reason: DirectionReason.OfficerJudgement } && period is not null)
        {
            // The trend sentence follows the rule; say so where officers' arrow differs, so the page does not contradict itself.
            trend = trend with
            {
                Summary = trend.Summary + $" For {period.Label} officers judged the direction of travel {rating.Direction.Direction.Words()}, and that is the rating shown.",
            };
        }

        return new IndicatorPageView(
            details,
            period is null ? null : PeriodOption.Of(period),
            periods,
            rating,
            trend,
            benchmark,
            await valueHistory.HistoryAsync(details, allHistory, ct),
            await lineage.LineAsync(details.Id, ct));
    }

    /// <summary>Periods holding a value (or a state) for the home area, latest first.</summary>
    public async Task<IReadOnlyList<PeriodOption>> PeriodsAsync(int indicatorId, CancellationToken ct = default) =>
        (await PeriodRowsAsync(indicatorId, ct)).Select(r => PeriodOption.Of(r.Period)).ToList();

    /// <summary>The default period: the latest holding a number for the home area, else the latest holding anything.</summary>
    public async Task<ReportingPeriod?> DefaultPeriodAsync(int indicatorId, CancellationToken ct = default)
    {
        var rows = await PeriodRowsAsync(indicatorId, ct);
        var withNumber = rows.FindIndex(r => r.HasNumber);
        return withNumber >= 0 ? rows[withNumber].Period : rows.Count > 0 ? rows[0].Period : null;
    }

    private async Task<List<(ReportingPeriod Period, bool HasNumber)>> PeriodRowsAsync(int indicatorId, CancellationToken ct)
    {
        var homeId = await homeArea.IdAsync(ct);
        var rows = await db.Values.AsNoTracking()
            .Where(v => v.IndicatorId == indicatorId && v.AreaId == homeId)
            .Select(v => new { v.Period.Code, HasNumber = v.Value != null })
            .ToListAsync(ct);
        return rows.Select(r => (Period: ReportingPeriod.Parse(r.Code), r.HasNumber)).OrderByDescending(r => r.Period).ToList();
    }
}

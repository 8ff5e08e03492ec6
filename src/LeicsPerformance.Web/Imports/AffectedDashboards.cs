using LeicsPerformance.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>The dashboards a stored load changed, for links from its result page.</summary>
public sealed class AffectedDashboards(PerformanceDbContext db)
{
    /// <summary>
    /// The dashboards whose values or assessments a load wrote, each once with the periods it touched (latest
    /// first).
    /// </summary>
    public async Task<IReadOnlyList<AffectedDashboard>> OfLoadAsync(int loadId, CancellationToken ct)
    {
        var keys = await db.ValueHistory.Where(h => h.DataLoadId == loadId).Select(h => new { h.IndicatorId, h.PeriodId }).Distinct().ToListAsync(ct);
        keys.AddRange(await db.Assessments.Where(a => a.DataLoadId == loadId).Select(a => new { a.IndicatorId, a.PeriodId }).Distinct().ToListAsync(ct));
        var indicatorIds = keys.Select(k => k.IndicatorId).Distinct().ToArray();
        var periodIds = keys.Select(k => k.PeriodId).Distinct().ToArray();
        var dashboards = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Dashboard.Slug, i.Dashboard.Title, i.Dashboard.SortOrder })
            .ToDictionaryAsync(i => i.Id, ct);
        var periods = await db.Periods.AsNoTracking().Where(p => periodIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return keys.Distinct()
            .GroupBy(k => dashboards[k.IndicatorId].Slug, StringComparer.Ordinal)
            .Select(g => (First: dashboards[g.First().IndicatorId], Keys: g))
            .OrderBy(d => d.First.SortOrder).ThenBy(d => d.First.Slug, StringComparer.Ordinal)
            .Select(d => new AffectedDashboard(
                d.First.Slug,
                d.First.Title,
                d.Keys.GroupBy(k => periods[k.PeriodId])
                    .OrderByDescending(p => p.Key.EndDate).ThenBy(p => p.Key.StartDate)
                    .Select(p => new AffectedPeriod(p.Key.Code, p.Key.Label, p.Select(k => k.IndicatorId).Distinct().Count()))
                    .ToList()))
            .ToList();
    }
}

/// <summary>A dashboard a load changed, once, with each period it changed there.</summary>
public sealed record AffectedDashboard(string Slug, string Title, IReadOnlyList<AffectedPeriod> Periods);

public sealed record AffectedPeriod(string Code, string Label, int Indicators)
{
    public string IndicatorsText => Wording.Count(Indicators, "indicator", "indicators");
}

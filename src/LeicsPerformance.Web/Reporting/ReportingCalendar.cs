using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// Which periods and dashboards there are to show: the periods holding the council's values, the period a page shows
/// when none is asked for (the latest in which most indicators report), and the compendium edition — so the
/// dashboards — in force for a period.
/// </summary>
public sealed class ReportingCalendar(PerformanceDbContext db, HomeArea home)
{
    /// <summary>The dashboards of the edition in force for the latest period with data.</summary>
    public async Task<IReadOnlyList<DashboardListItem>> ListDashboardsAsync(CancellationToken ct = default) =>
        await ListDashboardsAsync(await DefaultPeriodAsync(null, ct), ct);

    /// <summary>The dashboards of the compendium edition in force for the period (all of them when there is none).</summary>
    public async Task<IReadOnlyList<DashboardListItem>> ListDashboardsAsync(ReportingPeriod? period, CancellationToken ct = default)
    {
        var edition = period is null ? null : await EditionInForceAsync(period, ct);
        return await db.Dashboards.AsNoTracking()
            .Where(d => edition == null || d.EditionFirstPeriod == edition)
            .OrderBy(d => d.Theme.SortOrder).ThenBy(d => d.SortOrder)
            .Select(d => new DashboardListItem(d.Slug, d.Title, d.Theme.Slug, d.Theme.Title, d.Indicators.Count))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The edition (by its first period's code) whose dashboards a period is shown with: the latest edition starting at
    /// or before the period, else the earliest. Null for a quarter: the quarterly indicators are not placed per edition yet.
    /// </summary>
    public async Task<string?> EditionInForceAsync(ReportingPeriod period, CancellationToken ct = default)
    {
        if (period.Kind == PeriodKind.FinancialQuarter)
        {
            return null;
        }

        var starts = (await db.Dashboards.AsNoTracking().Select(d => d.EditionFirstPeriod).Distinct().ToListAsync(ct))
            .Select(ReportingPeriod.Parse).ToList();
        if (starts.Count == 0)
        {
            return null;
        }

        return (starts.Where(s => s.Start <= period.Start).MaxBy(s => s.Start) ?? starts.MinBy(s => s.Start))!.Code;
    }

    /// <summary>Periods that hold at least one value for the home area, latest first.</summary>
    public async Task<IReadOnlyList<PeriodOption>> PeriodsWithDataAsync(string? dashboardSlug = null, CancellationToken ct = default)
    {
        var homeId = await home.IdAsync(ct);
        var query = db.Values.AsNoTracking().Where(v => v.AreaId == homeId);
        if (dashboardSlug is not null)
        {
            query = query.Where(v => v.Indicator.Dashboard.Slug == dashboardSlug);
        }

        var codes = await query.Select(v => v.Period.Code).Distinct().ToListAsync(ct);
        return codes.Select(ReportingPeriod.Parse).OrderDescending().Select(PeriodOption.Of).ToList();
    }

    /// <summary>
    /// The period an address's <c>period=</c> asks for: the period the text names (any form <see cref="ReportingPeriod.TryParse"/>
    /// reads), or with no text the latest period in which most indicators report (of the dashboard's, when one is named).
    /// </summary>
    public async Task<AskedPeriod> AskedPeriodAsync(string? text, string? dashboardSlug = null, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            return ReportingPeriod.TryParse(text, out var period) ? new AskedPeriod(period, Unreadable: false) : new AskedPeriod(null, Unreadable: true);
        }

        // Prefer the latest period in which most indicators report, not one odd later value (null when none is held).
        return new AskedPeriod(await BusiestRecentPeriodAsync(dashboardSlug, ct) is { } code ? ReportingPeriod.Parse(code) : null, Unreadable: false);
    }

    /// <summary>The period a page shows when none is asked for (null when no value is held yet).</summary>
    public async Task<ReportingPeriod?> DefaultPeriodAsync(string? dashboardSlug = null, CancellationToken ct = default) =>
        (await AskedPeriodAsync(null, dashboardSlug, ct)).Period;

    private async Task<string?> BusiestRecentPeriodAsync(string? dashboardSlug, CancellationToken ct)
    {
        var homeId = await home.IdAsync(ct);
        var query = db.Values.AsNoTracking().Where(v => v.AreaId == homeId);
        if (dashboardSlug is not null)
        {
            query = query.Where(v => v.Indicator.Dashboard.Slug == dashboardSlug);
        }

        var counts = await query.GroupBy(v => v.Period.Code).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (counts.Count == 0)
        {
            return null;
        }

        var max = counts.Max(c => c.Count);
        // The latest period holding at least half as many values as the busiest one.
        return counts.Where(c => c.Count * 2 >= max).Select(c => ReportingPeriod.Parse(c.Code)).Max()!.Code;
    }
}

/// <summary>
/// What an address's <c>period=</c> asked for. <see cref="Period"/> is null when the text names no period
/// (<see cref="Unreadable"/>: the page answers 400) or when none was asked for and no value is held yet.
/// </summary>
public sealed record AskedPeriod(ReportingPeriod? Period, bool Unreadable);

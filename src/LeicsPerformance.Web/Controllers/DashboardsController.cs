using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Web.Exports;
using LeicsPerformance.Web.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace LeicsPerformance.Web.Controllers;

/// <summary>The list of theme dashboards, one dashboard as the compendium prints it (with filters), and its CSV.</summary>
[Route("dashboards")]
public sealed class DashboardsController(PerformanceQueries queries, ReportingCalendar calendar, ComparatorQueries comparatorQueries, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await calendar.ListDashboardsAsync(ct));

    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = LeicsPerformance.Web.Data.OutputCachePolicies.Data)]
    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(
        string slug,
        [FromQuery] DashboardAsked asked,
        CancellationToken ct)
    {
        var (error, page) = await LoadAsync(slug, asked, ct);
        return error ?? View(page);
    }

    [HttpGet("{slug}/csv")]
    public async Task<IActionResult> Csv(
        string slug,
        [FromQuery] DashboardAsked asked,
        CancellationToken ct)
    {
        var (error, page) = await LoadAsync(slug, asked, ct);
        if (error is not null)
        {
            return error;
        }

        var name = $"{page!.Dashboard.Slug}-{Wording.FileName(page.Dashboard.Period.Label)}{(page.Filters.Any ? "-filtered" : string.Empty)}.csv";
        return CsvExport.File(name, RatedIndicatorCsv.Header, page.Rows.Select(RatedIndicatorCsv.Row));
    }

    private async Task<(IActionResult? Error, DashboardPage? Page)> LoadAsync(string slug, DashboardAsked asked, CancellationToken ct)
    {
        var period = asked.Period;
        var (groupCode, groupError) = await comparatorQueries.ResolveGroupAsync(asked.Group, ct);
        if (groupError is not null)
        {
            return (BadRequest(groupError), null);
        }

        var (resolved, unreadable) = await calendar.AskedPeriodAsync(period, slug, ct);
        if (unreadable)
        {
            return (BadRequest(), null);
        }

        // A dashboard with no data at all still has a page: show it for the period the rest of the app defaults to.
        resolved ??= await calendar.DefaultPeriodAsync(null, ct) ?? CurrentFinancialYear();
        var view = await queries.DashboardAsync(slug, resolved, ct, groupCode);
        if (view is null)
        {
            return (NotFound(), null);
        }

        var sections = view.Rows.Select(r => r.Section).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var filters = DashboardFilters.Parse(asked.Section, asked.Quartile, asked.Direction, asked.Strategic, sections);
        var rows = view.Rows.Where(filters.Matches).ToList();
        ViewData["Illustrative"] = view.Rows.Any(r => r.IsIllustrative);
        return (null, new DashboardPage(
            view,
            filters,
            sections,
            rows,
            DashboardReading.Of(rows, view.Period.Label),
            resolved.Previous().Label,
            Url.Action(nameof(Csv), new RouteValueDictionary(filters.RouteValues(resolved, groupCode)) { ["slug"] = view.Slug })!,
            groupCode,
            await comparatorQueries.ComparatorChoicesAsync(ct)));
    }

    private ReportingPeriod CurrentFinancialYear()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return ReportingPeriod.FinancialYear(today.Month >= 4 ? today.Year : today.Year - 1);
    }
}

/// <summary>What a dashboard's address asks for (its query string): the page and its CSV download read the same.</summary>
public sealed record DashboardAsked(string? Period, string? Section, string? Quartile, string? Direction, string? Strategic, string? Group);

/// <summary>One dashboard for a period, with the rows left after the filters and the counts and narrative of those rows.</summary>
public sealed record DashboardPage(
    DashboardView Dashboard,
    DashboardFilters Filters,
    IReadOnlyList<string> Sections,
    IReadOnlyList<RatedIndicator> Rows,
    DashboardReading Reading,
    string PreviousPeriodLabel,
    string CsvUrl,
    string? ComparatorGroup,
    IReadOnlyList<ComparatorChoice> ComparatorChoices)
{
    public DashboardSummary Summary => Reading.Summary;

    public string Narrative => Reading.Narrative;

    /// <summary>Any indicator of the dashboard (filters aside) counts for the period, by the same rule as the counts.</summary>
    public bool HasAnyValue => Dashboard.Rows.Any(DashboardSummary.Counts);
}

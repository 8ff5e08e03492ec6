using LeicsPerformance.Web.Reporting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Controllers;

/// <summary>The overview (every dashboard's headline counts for a period), the error pages and the accessibility statement.</summary>
public sealed class HomeController(PerformanceQueries queries, ReportingCalendar calendar, IOptions<ReportingOptions> options) : Controller
{
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = LeicsPerformance.Web.Data.OutputCachePolicies.Data)]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? period, CancellationToken ct)
    {
        var (resolved, unreadable) = await calendar.AskedPeriodAsync(period, null, ct);
        if (unreadable)
        {
            return BadRequest();
        }

        var dashboards = await calendar.ListDashboardsAsync(resolved, ct);
        var periods = await calendar.PeriodsWithDataAsync(null, ct);
        var exclusions = options.Value.HeadlineExclusions;
        var excluded = dashboards.Where(d => IsExcluded(d, exclusions)).ToList();
        if (resolved is null)
        {
            return View(new OverviewPage(null, periods, [], DashboardSummaryEmpty, DashboardSummaryEmpty, excluded));
        }

        // The same rule as the headline (PerformanceQueries.SummaryAsync): count indicators holding a value or a
        // recorded state for the period, so the table's total row and the "all dashboards" sentence agree.
        var rows = (await queries.AllRatedAsync(resolved, ct)).Where(r => r.Current is not null).ToList();
        var byDashboard = rows.ToLookup(r => r.DashboardSlug, StringComparer.Ordinal);
        var themes = dashboards
            .GroupBy(d => (d.ThemeSlug, d.ThemeTitle))
            .Select(g => new OverviewTheme(
                g.Key.ThemeSlug,
                g.Key.ThemeTitle,
                g.Select(d => new OverviewDashboard(d, DashboardSummary.Of(byDashboard[d.Slug]), IsExcluded(d, exclusions))).ToList()))
            .ToList();
        // The same rule as SummaryAsync, from the rows already rated (rating everything twice doubled the page's cost).
        var headline = DashboardSummary.Of(rows.Where(r => !exclusions.Contains(r.ThemeSlug) && !exclusions.Contains(r.DashboardSlug)));
        ViewData["Illustrative"] = rows.Any(r => r.IsIllustrative);

        return View(new OverviewPage(
            PeriodOption.Of(resolved),
            periods,
            themes,
            DashboardSummary.Of(rows),
            headline,
            excluded));
    }

    [HttpGet("accessibility")]
    public IActionResult Accessibility() => View();

    /// <summary>The words the dashboards use (quartile, polarity, direction of travel …), each with an anchor pages link to.</summary>
    [HttpGet("glossary")]
    public IActionResult Glossary() => View();

    /// <summary>What the service is, where its data comes from, and the API for people who want the figures as data.</summary>
    [HttpGet("about")]
    public IActionResult About() => View();

    /// <summary>Unhandled exceptions are re-executed here (any HTTP method), by UseExceptionHandler("/error").</summary>
    [Route("error")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        // The database down or unreachable is not a bug: ask the client to come back, as a load balancer understands.
        if (Hosting.DatabaseUnavailable.Is(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = Hosting.DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ErrorPage(StatusCodes.Status503ServiceUnavailable);
        }

        return ErrorPage(StatusCodes.Status500InternalServerError);
    }

    /// <summary>Empty error responses (404 from a controller, a missing file) are re-executed here by UseStatusCodePagesWithReExecute.</summary>
    [Route("error/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status(int code) => ErrorPage(code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound);

    private ViewResult ErrorPage(int code)
    {
        // Visited directly (not re-executed), the page still answers with the status it describes.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
        {
            Response.StatusCode = code;
        }

        ViewData["StatusCode"] = code;
        return View("~/Views/Shared/Error.cshtml");
    }

    private static bool IsExcluded(DashboardListItem dashboard, IReadOnlyCollection<string> exclusions) =>
        exclusions.Contains(dashboard.Slug, StringComparer.Ordinal) || exclusions.Contains(dashboard.ThemeSlug, StringComparer.Ordinal);

    private static readonly DashboardSummary DashboardSummaryEmpty = DashboardSummary.Of([]);
}

/// <summary>The overview page: headline sentences and every dashboard's counts for one period.</summary>
/// <param name="Period">The period shown; null when no data is held at all.</param>
/// <param name="Periods">Periods with data, latest first, for the picker.</param>
/// <param name="All">Counts over every dashboard.</param>
/// <param name="Headline">The council's headline counts, leaving out <paramref name="Excluded"/>.</param>
/// <param name="Excluded">Dashboards left out of the headline (by configuration).</param>
public sealed record OverviewPage(
    PeriodOption? Period,
    IReadOnlyList<PeriodOption> Periods,
    IReadOnlyList<OverviewTheme> Themes,
    DashboardSummary All,
    DashboardSummary Headline,
    IReadOnlyList<DashboardListItem> Excluded);

public sealed record OverviewTheme(string Slug, string Title, IReadOnlyList<OverviewDashboard> Dashboards);

public sealed record OverviewDashboard(DashboardListItem Dashboard, DashboardSummary Summary, bool ExcludedFromHeadline);

using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Web.Exports;
using LeicsPerformance.Web.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace LeicsPerformance.Web.Controllers;

/// <summary>
/// The exception lists the compendium prints by theme: every indicator in the bottom quartile, every one that got
/// worse, and those that are both; each downloadable as CSV.
/// </summary>
[Route("exceptions")]
public sealed class ExceptionsController(PerformanceQueries queries, ReportingCalendar calendar) : Controller
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

        var periods = await calendar.PeriodsWithDataAsync(null, ct);
        if (resolved is null)
        {
            return View(new ExceptionsPage(null, periods, [], 0));
        }

        var rows = await queries.AllRatedAsync(resolved, ct);
        var sections = ExceptionsReport.Build(rows, await ThemeTitlesAsync(ct));
        ViewData["Illustrative"] = rows.Any(r => r.IsIllustrative);
        return View(new ExceptionsPage(PeriodOption.Of(resolved), periods, sections, rows.Count));
    }

    [HttpGet("csv")]
    public async Task<IActionResult> Csv([FromQuery] string? period, [FromQuery] string? list, CancellationToken ct)
    {
        if (!ExceptionsReport.TryParse(list, out var which))
        {
            return BadRequest();
        }

        var (resolved, unreadable) = await calendar.AskedPeriodAsync(period, null, ct);
        if (resolved is null)
        {
            return unreadable ? BadRequest() : NotFound();
        }

        var section = ExceptionsReport.Section(which, await queries.AllRatedAsync(resolved, ct), await ThemeTitlesAsync(ct));
        var rows = section.Groups.SelectMany(g => g.Rows.Select(r => CsvRow(g, r)));
        return CsvExport.File($"exceptions-{which.Slug()}-{Wording.FileName(resolved.Label)}.csv", CsvHeader, rows);
    }

    /// <summary>The theme and dashboard each exception is listed under, then the dashboards' own columns.</summary>
    private static readonly IReadOnlyList<string> CsvHeader = ["theme", "dashboard", .. RatedIndicatorCsv.Header];

    private static IReadOnlyList<string?> CsvRow(ExceptionGroup group, RatedIndicator row) =>
        [group.ThemeTitle, group.DashboardTitle, .. RatedIndicatorCsv.Row(row)];

    private async Task<IReadOnlyDictionary<string, string>> ThemeTitlesAsync(CancellationToken ct) =>
        (await calendar.ListDashboardsAsync(period: null, ct)).ToDictionary(d => d.Slug, d => d.ThemeTitle, StringComparer.Ordinal);
}

/// <summary>The exceptions page: the three lists for one period.</summary>
/// <param name="Rated">How many indicators were rated for the period (the lists are drawn from these).</param>
public sealed record ExceptionsPage(PeriodOption? Period, IReadOnlyList<PeriodOption> Periods, IReadOnlyList<ExceptionSection> Sections, int Rated);

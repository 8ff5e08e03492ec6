using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Exports;
using LeicsPerformance.Web.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace LeicsPerformance.Web.Controllers;

/// <summary>One indicator: what it measures, this period's ratings and why, its trend, benchmark and value history; each table as CSV.</summary>
[Route("indicators")]
public sealed class IndicatorsController(
    IndicatorQueries queries,
    IndicatorTrends trends,
    IndicatorBenchmarks benchmarks,
    ValueHistoryQueries valueHistory,
    ComparatorQueries comparatorQueries,
    IndicatorSeries indicatorSeries,
    CommitteeQuestions questions) : Controller
{
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = LeicsPerformance.Web.Data.OutputCachePolicies.Data)]
    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code, [FromQuery] string? period, [FromQuery] string? group, [FromQuery] string? history, CancellationToken ct)
    {
        if (!ReportingPeriod.TryParseOptional(period, out var resolved))
        {
            return BadRequest();
        }

        // group=region names the council's region group; an unknown group is named on the page beside the default shown.
        var (groupCode, groupError) = await comparatorQueries.ResolveGroupAsync(group, ct);
        var view = await queries.PageAsync(code, resolved, groupError is null ? groupCode : group, IsAll(history), ct);
        if (view is null)
        {
            return NotFound();
        }

        ViewData["Illustrative"] = await indicatorSeries.HasIllustrativeValuesAsync(view.Details.Code, ct);
        ViewData["OnsAttribution"] = await indicatorSeries.HasOnsValuesAsync(view.Details.Code, ct);
        ViewData["MemberQuestions"] = await questions.QuestionsAboutAsync(view.Details.Code, ct);
        return View(view);
    }

    [HttpGet("{code}/trend.csv")]
    public async Task<IActionResult> TrendCsv(string code, CancellationToken ct)
    {
        var details = await queries.DetailsAsync(code, ct);
        if (details is null)
        {
            return NotFound();
        }

        var trend = await trends.TrendAsync(details, null, ct, details.ComparatorGroupCode);
        return CsvExport.File(
            $"{details.Code}-trend.csv",
            ["indicator_code", "area", "period", "value", "shown_as", "status", "note", "target", "england", "comparator_median", "median_of"],
            trend.Rows.Select(r => (IReadOnlyList<string?>)[
                details.Code,
                details.HomeAreaName,
                r.PeriodLabel,
                CsvExport.Number(r.Value),
                r.Display,
                r.Status.ToCode(),
                r.Note,
                r.TargetText,
                CsvExport.Number(r.England),
                CsvExport.Number(r.Median),
                r.Median is null ? null : r.MedianOf.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
    }

    [HttpGet("{code}/benchmark.csv")]
    public async Task<IActionResult> BenchmarkCsv(string code, [FromQuery] string? period, [FromQuery] string? group, CancellationToken ct)
    {
        if (!ReportingPeriod.TryParseOptional(period, out var resolved))
        {
            return BadRequest();
        }

        var details = await queries.DetailsAsync(code, ct);
        if (details is null)
        {
            return NotFound();
        }

        resolved ??= await queries.DefaultPeriodAsync(details.Id, ct);
        var (groupCode, groupError) = await comparatorQueries.ResolveGroupAsync(group, ct);
        if (groupError is not null)
        {
            return NotFound(groupError);
        }

        var benchmark = resolved is null ? null : await benchmarks.BenchmarkAsync(details, resolved, groupCode, strictGroup: true, ct);
        if (benchmark?.Group is null)
        {
            return NotFound();
        }

        return CsvExport.File(
            $"{details.Code}-benchmark-{benchmark.Group.Code}-{Wording.FileName(benchmark.Period.Label)}.csv",
            ["indicator_code", "period", "comparator_group", "rank", "area_code", "authority", "value", "shown_as", "quartile"],
            benchmark.Rows.Select(r => (IReadOnlyList<string?>)[
                details.Code,
                benchmark.Period.Label,
                benchmark.Group.Name,
                r.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.AreaCode,
                r.AreaName,
                CsvExport.Number(r.Value),
                r.Display,
                r.Quartile?.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
    }

    [HttpGet("{code}/history.csv")]
    public async Task<IActionResult> HistoryCsv(string code, [FromQuery] string? history, CancellationToken ct)
    {
        var details = await queries.DetailsAsync(code, ct);
        if (details is null)
        {
            return NotFound();
        }

        var changes = await valueHistory.HistoryAsync(details, IsAll(history), ct);
        return CsvExport.File(
            $"{details.Code}-history.csv",
            ["indicator_code", "period", "area", "old", "new", "old_as_printed", "new_as_printed", "changed_at", "load_file", "load_kind", "load_reverted"],
            changes.Rows.Select(r => (IReadOnlyList<string?>)[
                details.Code,
                r.PeriodLabel,
                r.AreaName,
                r.OldDisplay,
                r.NewDisplay,
                r.OldAsPrinted,
                r.NewAsPrinted,
                r.ChangedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                r.LoadFileName,
                r.LoadKind,
                r.LoadReverted ? "yes" : "no"]));
    }

    private static bool IsAll(string? history) => string.Equals(history, "all", StringComparison.OrdinalIgnoreCase);
}

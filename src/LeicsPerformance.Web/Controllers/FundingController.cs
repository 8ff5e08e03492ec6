using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Exports;
using LeicsPerformance.Web.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Controllers;

/// <summary>Core Spending Power per head: the ranking, "if we were funded like X", spend per head by service; the ranking as CSV.</summary>
[Route("funding")]
public sealed class FundingController(FundingQueries queries) : Controller
{
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = LeicsPerformance.Web.Data.OutputCachePolicies.Data)]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? period, [FromQuery] string? group, [FromQuery] string? compare, CancellationToken ct)
    {
        if (!ReportingPeriod.TryParseOptional(period, out var resolved))
        {
            return BadRequest();
        }

        var view = await queries.PageAsync(resolved, group, compare, ct);
        return view is null ? NotFound() : View(view);
    }

    [HttpGet("csv")]
    public async Task<IActionResult> Csv([FromQuery] string? period, [FromQuery] string? group, CancellationToken ct)
    {
        if (!ReportingPeriod.TryParseOptional(period, out var resolved))
        {
            return BadRequest();
        }

        var ranking = await queries.RankingForCsvAsync(resolved, group, ct);
        if (ranking is not { } r)
        {
            return NotFound();
        }

        return CsvExport.File(
            $"core-spending-power-per-head-{r.Group.Code}-{r.Period.Label.Replace('/', '-')}.csv",
            ["period", "comparator_group", "rank", "area_code", "authority", "csp_per_head", "difference_to_home_per_head", "additional_funding_if_home_funded_at_same_level", "quartile"],
            r.Rows.Select(row => (IReadOnlyList<string?>)[
                r.Period.Label,
                r.Group.Name,
                row.Rank.ToString(CultureInfo.InvariantCulture),
                row.AreaCode,
                row.AreaName,
                CsvExport.Number(row.PerHead),
                CsvExport.Number(row.Difference),
                CsvExport.Number(row.Additional),
                row.Quartile?.ToString(CultureInfo.InvariantCulture)]));
    }
}

using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace LeicsPerformance.Web.Controllers.Api;

/// <summary>The read-only JSON API (docs/api.md): the same figures the pages show, rated the same way.</summary>
[ApiController]
[Route("api")]
[Produces("application/json")]
public sealed class PerformanceApiController(PerformanceQueries queries, IndicatorSeries indicatorSeries, HomeArea homeArea, ReportingCalendar calendar, ComparatorQueries comparatorQueries, LineageQueries lineage, LeicsPerformance.Web.Data.PerformanceDbContext db) : ControllerBase
{
    /// <summary>An indicator with every period held for the home area, oldest first, with confidence limits where published.</summary>
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = LeicsPerformance.Web.Data.OutputCachePolicies.Data)]
    [HttpGet("indicators/{code}")]
    public async Task<ActionResult<ApiIndicator>> Indicator(string code, CancellationToken ct)
    {
        var indicator = await FindIndicatorAsync(code, ct);
        if (indicator is null)
        {
            return Problem(statusCode: 404, title: $"No indicator '{code}'.");
        }

        var line = await lineage.LineAsync(indicator.Id, ct);
        var series = await indicatorSeries.SeriesAsync(indicator, line, ct);
        return new ApiIndicator(
            indicator.Code,
            indicator.Title,
            indicator.Polarity.ToCode(),
            ValueFormat.UnitCode(indicator.Unit),
            indicator.Definition,
            indicator.Source,
            indicator.NoRealChangeRule.Code,
            indicator.ComparatorGroupCode,
            homeArea.Code,
            series.Select(p => new ApiSeriesPoint(
                p.Period.Code,
                p.Period.Label,
                p.Value.Number,
                p.Value.Display,
                p.Value.Status.ToCode(),
                p.Value.Note.Length > 0 ? p.Value.Note : null,
                p.Lower,
                p.Upper,
                p.Numerator,
                p.Denominator,
                p.Direction.Direction.ToCode(),
                p.Direction.Explanation,
                p.PrintedAs)).ToList(),
            await indicatorSeries.HasOnsValuesAsync(indicator.Code, ct) ? IndicatorSeries.OnsAttribution : null,
            line.Earlier.Select(s => new ApiLineageLink(s.Code, s.Title, s.EditionLabel, s.DefinitionsBack > 0, s.Evidence)).ToList(),
            line.Later is { } later ? new ApiLineageLink(later.Code, later.Title, later.EditionLabel, later.DefinitionsBack > 0, later.Evidence) : null);
    }

    private Task<LeicsPerformance.Web.Data.Entities.Indicator?> FindIndicatorAsync(string code, CancellationToken ct)
    {
        var upper = code.Trim().ToUpperInvariant();
        return Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Indicators),
            i => i.Code == code || i.Code == upper,
            ct);
    }

    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = LeicsPerformance.Web.Data.OutputCachePolicies.Data)]
    [HttpGet("dashboards")]
    public async Task<ActionResult<IEnumerable<ApiDashboardListItem>>> Dashboards([FromQuery] string? period, CancellationToken ct)
    {
        // The dashboards of the compendium edition in force for the period (default: the latest period with data).
        var (resolved, unreadable) = await calendar.AskedPeriodAsync(period, null, ct);
        if (unreadable)
        {
            return PeriodProblem(period);
        }

        return Ok((await calendar.ListDashboardsAsync(resolved, ct)).Select(d => new ApiDashboardListItem(d.Slug, d.Title, d.ThemeTitle, d.IndicatorCount)));
    }

    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = LeicsPerformance.Web.Data.OutputCachePolicies.Data)]
    [HttpGet("dashboards/{slug}")]
    public async Task<ActionResult<ApiDashboard>> Dashboard(string slug, [FromQuery] string? period, [FromQuery] string? group, CancellationToken ct)
    {
        var (groupCode, groupError) = await comparatorQueries.ResolveGroupAsync(group, ct);
        if (groupError is not null)
        {
            return Problem(statusCode: 400, title: groupError);
        }

        var resolved = (await calendar.AskedPeriodAsync(period, slug, ct)).Period;
        if (resolved is null)
        {
            return PeriodProblem(period);
        }

        var view = await queries.DashboardAsync(slug, resolved, ct, groupCode);
        if (view is null)
        {
            return Problem(statusCode: 404, title: $"There is no dashboard '{slug}'.", detail: "GET /api/dashboards lists them.");
        }

        return new ApiDashboard(
            view.Slug,
            view.Title,
            view.ThemeTitle,
            view.Period.Code,
            view.Period.Label,
            view.ComparatorNote,
            ToApi(view.Summary),
            view.Rows.Select(ToApi).ToList());
    }

    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = LeicsPerformance.Web.Data.OutputCachePolicies.Data)]
    [HttpGet("summary")]
    public async Task<ActionResult<ApiSummary>> Summary([FromQuery] string? period, [FromQuery] string? exclude, CancellationToken ct)
    {
        var resolved = (await calendar.AskedPeriodAsync(period, null, ct)).Period;
        if (resolved is null)
        {
            return PeriodProblem(period);
        }

        var excluded = (exclude ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return ToApi(await queries.SummaryAsync(resolved, excluded, ct));
    }

    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = LeicsPerformance.Web.Data.OutputCachePolicies.Data)]
    [HttpGet("indicators/{code}/benchmark")]
    public async Task<ActionResult<ApiBenchmark>> Benchmark(string code, [FromQuery] string? period, [FromQuery] string? group, CancellationToken ct)
    {
        // Without a period: the indicator's latest period with a figure for the home area.
        var indicator = await FindIndicatorAsync(code, ct);
        var resolved = period is null && indicator is not null
            ? (await indicatorSeries.SeriesAsync(indicator, ct: ct)).LastOrDefault(p => p.Value.Number is not null)?.Period
            : (await calendar.AskedPeriodAsync(period, null, ct)).Period;
        if (resolved is null)
        {
            return PeriodProblem(period);
        }

        var (groupCode, groupError) = await comparatorQueries.ResolveGroupAsync(group, ct);
        if (groupError is not null)
        {
            return Problem(statusCode: 400, title: groupError);
        }

        var view = await comparatorQueries.BenchmarkAsync(code, resolved, groupCode, ct);
        if (view is null)
        {
            return Problem(statusCode: 404, title: $"No indicator '{code}'.");
        }

        var home = view.Rating.Ranking.FirstOrDefault(r => r.AreaCode == view.HomeAreaCode);
        var reported = indicator is null ? null : await indicatorSeries.ReportedQuartileAsync(indicator.Id, resolved, ct);
        return new ApiBenchmark(
            view.IndicatorCode,
            view.IndicatorTitle,
            view.Period.Code,
            view.GroupCode,
            view.GroupName,
            view.Rating.GroupSize,
            view.HomeAreaCode,
            home?.Rank,
            view.Rating.Quartile,
            view.Rating.Explanation,
            view.Rating.Ranking.Select(r => new ApiBenchmarkEntry(r.AreaCode, r.AreaName, r.Value, view.Format.Format(r.Value), r.Rank, r.Quartile)).ToList(),
            reported,
            QuartileDifference(view.Rating.Quartile, reported),
            await indicatorSeries.HasOnsValuesAsync(view.IndicatorCode, ct) ? IndicatorSeries.OnsAttribution : null);
    }

    /// <summary>Says so when the computed quartile and the one the source reported differ, rather than hiding either.</summary>
    private static string? QuartileDifference(int? computed, string? reported)
    {
        if (computed is not { } q || reported is null || !ReportedQuartile.TryParse(reported, out var parsed) || parsed is null)
        {
            return null;
        }

        return q >= parsed.Best && q <= parsed.Worst
            ? null
            : $"Computed {Wording.Ordinal(q)} quartile; the source reported {reported}.";
    }

    private ObjectResult PeriodProblem(string? period) => Problem(
        statusCode: period is null ? 404 : 400,
        title: period is null ? "No data is held yet." : $"'{period}' is not a period the app recognises.",
        detail: "Write a period like 2017/18, FY2017, Q1 2021/22 or FY2021Q1.");

    private static ApiSummary ToApi(DashboardSummary summary)
    {
        var d = summary.Directions;
        var q = summary.Quartiles;
        var (pi, ps, pw) = d.Percentages();
        return new ApiSummary(
            d.Total,
            d.Improved,
            d.NoRealChange,
            d.Worse,
            d.NotDetermined,
            new ApiPercentages(pi, ps, pw),
            new ApiQuartiles { First = q.First, Second = q.Second, Third = q.Third, Fourth = q.Fourth },
            q.None,
            d.Sentence(),
            q.Sentence());
    }

    private static ApiDashboardRow ToApi(RatedIndicator row) => new(
        row.Code,
        row.Title,
        row.Section,
        row.StrategicPlan,
        row.Current is { } c ? new ApiValue(c.Number, c.Status.ToCode(), c.Display, c.PeriodLabel, c.Note.Length > 0 ? c.Note : null) : null,
        row.Previous is { } p ? new ApiValue(p.Number, p.Status.ToCode(), p.Display, p.PeriodLabel, p.Note.Length > 0 ? p.Note : null) : null,
        row.TargetText.Length > 0 ? row.TargetText : null,
        row.Target.Status.ToCode(),
        row.Target.Explanation,
        row.Polarity.ToCode(),
        row.Direction.Direction.ToCode(),
        row.Direction.Explanation,
        row.ComputedDirection.Direction.ToCode(),
        row.QuartileLabel.Length > 0 ? row.QuartileLabel : null,
        row.QuartileReason,
        row.Marker.Marker.ToCode(),
        row.Marker.Explanation,
        row.Commentary);
}

using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Exports;
using LeicsPerformance.Web.Hosting;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Reporting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Controllers;

/// <summary>
/// Analysts' returns: download a template, upload a file, see the preview (new, changed, unchanged values, errors
/// by row and column), confirm, and see what was loaded. Between preview and confirm the file waits in
/// <c>pending_upload</c> with the values the preview showed; the confirm checks them again.
/// </summary>
[Route("returns")]
[Authorize(Roles = Roles.CanLoadReturns)]
public sealed class ReturnsController(ReturnUploads uploads, AffectedDashboards affectedDashboards, PendingUploads pending, PerformanceDbContext db, IOptions<ReportingOptions> reporting) : PendingUploadController(pending)
{
    /// <summary>Rows shown per table on the preview; the CSV downloads have them all.</summary>
    public const int ShowLimit = 1000;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await StartPageAsync(null, null, null, null, ct));

    [HttpGet("template")]
    [PeriodAsTyped]
    public async Task<IActionResult> Template([FromQuery] string? dashboard, [FromQuery] string? period, CancellationToken ct)
    {
        var board = string.IsNullOrWhiteSpace(dashboard) ? null
            : await db.Dashboards.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == dashboard.Trim(), ct);
        var periodOk = ReportingPeriod.TryParse(period, out var parsed);
        if (board is null || !periodOk)
        {
            var page = await StartPageAsync(
                board is null ? (string.IsNullOrWhiteSpace(dashboard) ? "Select a dashboard" : $"'{dashboard}' is not a dashboard: select one from the list") : null,
                periodOk ? null : string.IsNullOrWhiteSpace(period) ? "Enter a period, like 2018/19 or Q1 2021/22" : $"'{period}' is not a period: write it like 2018/19, Q1 2021/22, 2018 or 31/03/2019",
                dashboard,
                period,
                ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), page);
        }

        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.DashboardId == board.Id)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .ToListAsync(ct);
        var latest = await LatestHeldAsync(indicators.Select(i => i.Id).ToList(), parsed, ct);
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var indicator in indicators)
        {
            var format = indicator.Format();
            latest.TryGetValue(indicator.Id, out var held);
            foreach (var p in TemplatePeriods(indicator.Frequency, parsed))
            {
                rows.Add([
                    indicator.Code, indicator.Title, Wording.HowToWrite(format),
                    held is null ? string.Empty : Wording.Value(format, held.Value, held.Status, held.AsPrinted),
                    held?.Label ?? string.Empty,
                    PeriodText(p), reporting.Value.HomeAreaCode, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty,
                ]);
            }
        }

        return CsvExport.File($"return-{board.Slug}-{Wording.FileName(parsed.Label)}.csv", TemplateHeader, rows);
    }

    /// <summary>
    /// The template's columns: the returns format, with guidance after the code that is ignored on upload: the
    /// indicator's title, how its figures are written (unit, scale and decimal places, with an example), and the latest
    /// figure held for the home area up to the period asked for, with that figure's period.
    /// </summary>
    public static IReadOnlyList<string> TemplateHeader { get; } =
    [
        "indicator_code", "indicator_title", "unit", "last_value", "last_period",
        "period", "area_code", "value", "status", "target", "quartile", "comparator_group", "direction", "commentary",
    ];

    private sealed record HeldFigure(decimal? Value, ValueStatus Status, string AsPrinted, string Label);

    /// <summary>Each indicator's latest figure for the home area in a period ending on or before the period's end.</summary>
    private async Task<Dictionary<int, HeldFigure>> LatestHeldAsync(IReadOnlyCollection<int> indicatorIds, ReportingPeriod period, CancellationToken ct)
    {
        var home = reporting.Value.HomeAreaCode;
        var held = await db.Values.AsNoTracking()
            .Where(v => indicatorIds.Contains(v.IndicatorId) && v.Area.Code == home && v.Period.EndDate <= period.End)
            .Select(v => new { v.IndicatorId, v.Value, v.Status, v.AsPrinted, v.Period.Label, v.Period.EndDate, v.Period.StartDate })
            .ToListAsync(ct);
        return held
            .GroupBy(v => v.IndicatorId)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(v => v.EndDate).ThenBy(v => v.StartDate).Select(v => new HeldFigure(v.Value, v.Status, v.AsPrinted, v.Label)).First());
    }

    /// <summary>
    /// The periods an indicator reports for the period asked: itself when it fits; a financial year's four quarters
    /// for a quarterly indicator; a quarter's financial year for an annual one; none when there is no sensible match.
    /// </summary>
    public static IEnumerable<ReportingPeriod> TemplatePeriods(Frequency frequency, ReportingPeriod period)
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

    [HttpGet("{id:guid}")]
    [UploadWork]
    public Task<IActionResult> Preview(Guid id, CancellationToken ct) =>
        WithWaitingUploadAsync(
            id,
            async upload =>
            {
                var (plan, consequences) = await uploads.PreviewAsync(upload, ct);
                return View(new ReturnPreviewPage(
                    upload.Id,
                    upload.FileName,
                    upload.CreatedAt,
                    plan,
                    ReturnUploads.Moved(upload.Expected, plan),
                    await uploads.LoadAsync(plan.AlreadyLoadedAs, ct),
                    uploads.Limits,
                    consequences));
            },
            ct);

    /// <summary>Every row of the preview (new, changed, unchanged) with what it would write, as CSV, as the preview showed it.</summary>
    [HttpGet("{id:guid}/changes.csv")]
    public async Task<IActionResult> ChangesCsv(Guid id, CancellationToken ct) =>
        await StoredDownloadAsync(id, u => u.ChangesCsv, "-preview.csv", ct);

    [HttpPost("{id:guid}/confirm")]
    [UploadWork]
    public async Task<IActionResult> Confirm(Guid id, CancellationToken ct)
    {
        if (await FindUploadAsync(id, ct) is not { } upload)
        {
            return NotFound();
        }

        var outcome = await uploads.ConfirmAsync(upload, UserName, ct);
        switch (outcome)
        {
            case ConfirmOutcome.Committed committed:
                return RedirectToAction(nameof(Result), new { loadId = committed.Load.Id });
            case ConfirmOutcome.Moved moved:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Conflict", new ReturnConflictPage(upload.Id, upload.FileName, moved.Values, moved.ImporterConflicts));
            case ConfirmOutcome.Busy:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return BusyPage(upload);
            default:
                // Errors, or already loaded: the preview says which, and offers no confirm.
                return RedirectToAction(nameof(Preview), new { id });
        }
    }

    protected override PendingUploadKind UploadKind => PendingUploadKind.Returns;

    protected override UploadOptions Limits => uploads.Limits;

    protected override async Task<Guid> StoreUploadAsync(string fileName, byte[] content, CancellationToken ct) =>
        (await uploads.StoreAsync(UserName, fileName, content, ct)).Pending.Id;

    protected override Task RecheckUploadAsync(PendingUpload upload, CancellationToken ct) => uploads.RecheckAsync(upload, ct);

    [HttpGet("loads/{loadId:int}")]
    public async Task<IActionResult> Result(int loadId, CancellationToken ct)
    {
        var load = await db.DataLoads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == loadId, ct);
        if (load is null)
        {
            return NotFound();
        }

        return View(new ReturnResultPage(load, await affectedDashboards.OfLoadAsync(loadId, ct)));
    }

    private async Task<ReturnsStartPage> StartPageAsync(string? dashboardError, string? periodError, string? dashboard, string? period, CancellationToken ct)
    {
        var dashboards = await db.Dashboards.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new DashboardChoice(d.Slug, d.Title)).ToListAsync(ct);
        var latest = await db.Values.AsNoTracking()
            .Where(v => v.Period.Kind == PeriodKind.FinancialYear)
            .OrderByDescending(v => v.Period.EndDate)
            .Select(v => v.Period.Code)
            .FirstOrDefaultAsync(ct);
        var defaultPeriod = latest is not null && ReportingPeriod.TryParse(latest, out var p) ? PeriodText(p.Kind == PeriodKind.FinancialYear ? ReportingPeriod.FinancialYear(p.Year + 1) : p) : "2019/20";
        // Values loads only: catalogue and committee files have their own pages.
        var otherKinds = CatalogueFile.All.Select(f => f.LoadKind).Concat(CommitteeFiles.LoadKinds).ToList();
        var recent = await db.DataLoads.AsNoTracking()
            .Where(l => !otherKinds.Contains(l.Kind))
            .OrderByDescending(l => l.Id).Take(10).ToListAsync(ct);
        return new ReturnsStartPage(
            recent,
            await WaitingUploadsAsync(ct),
            dashboards,
            dashboard ?? string.Empty,
            period ?? defaultPeriod,
            dashboardError,
            periodError,
            uploads.Limits);
    }
}

public sealed record DashboardChoice(string Slug, string Title);

public sealed record ReturnsStartPage(
    IReadOnlyList<DataLoad> RecentLoads,
    IReadOnlyList<(Guid Id, string FileName, DateTimeOffset CreatedAt)> Waiting,
    IReadOnlyList<DashboardChoice> Dashboards,
    string Dashboard,
    string Period,
    string? DashboardError,
    string? PeriodError,
    UploadOptions Limits);

public sealed record ReturnPreviewPage(
    Guid Id,
    string FileName,
    DateTimeOffset UploadedAt,
    ReturnPlan Plan,
    IReadOnlyList<MovedValue> MovedSinceUpload,
    DataLoad? AlreadyLoaded,
    UploadOptions Limits,
    PreviewConsequences Consequences)
{
    public bool CanConfirm => ReturnUploads.CanCommit(Plan) && MovedSinceUpload.Count == 0;

    public IReadOnlyList<ImportProblem> Errors { get; } = Plan.Errors.ToList();

    public IReadOnlyList<ImportProblem> Warnings { get; } = Plan.Warnings.ToList();
}

public sealed record ReturnConflictPage(Guid Id, string FileName, IReadOnlyList<MovedValue> Values, IReadOnlyList<string> ImporterConflicts)
{
    public int Count => Values.Count > 0 ? Values.Count : ImporterConflicts.Count;
}

/// <summary>A confirm pressed again while the first runs: the file, its preview's address and which loads page it belongs to.</summary>
public sealed record UploadBusyPage(string FileName, string PreviewUrl, string NavKey);

public sealed record ReturnResultPage(DataLoad Load, IReadOnlyList<AffectedDashboard> Dashboards);

/// <summary>A line of a GOV.UK error summary: the message, linking to the field or table row it is about.</summary>
public sealed record ErrorLink(string Text, string Href);

/// <summary>For <c>Views/Returns/_ErrorSummary.cshtml</c>: the first links, and how many more there are (in the table at <paramref name="MoreHref"/>).</summary>
public sealed record ErrorSummaryModel(string Title, string? Intro, IReadOnlyList<ErrorLink> Links, int More = 0, string? MoreHref = null)
{
    /// <summary>Links shown in a summary at most; the rest are counted and left to the errors table.</summary>
    public const int Limit = 25;

    public static ErrorSummaryModel ForProblems(IReadOnlyList<ImportProblem> errors, string? intro) => new(
        "There is a problem with the file",
        intro,
        errors.Take(Limit).Select((p, i) => new ErrorLink(LoadDisplay.Sentence(p), "#problem-" + (i + 1).ToString(CultureInfo.InvariantCulture))).ToList(),
        Math.Max(0, errors.Count - Limit),
        "#errors");
}

/// <summary>For <c>Views/Returns/_UploadForm.cshtml</c>.</summary>
public sealed record UploadFormView(string Action, string Label, string Hint, string? Error, string Button);

/// <summary>For <c>Views/Returns/_Problems.cshtml</c>: the errors and warnings tables (the error summary links to rows of the first).</summary>
public sealed record ProblemTablesModel(IReadOnlyList<ImportProblem> Errors, IReadOnlyList<ImportProblem> Warnings, int Limit, string CsvHref, int UnlistedErrors = 0, int UnlistedWarnings = 0)
{
    /// <summary>Every error found, listed or not (the list is capped by Uploads:MaxProblemsListed).</summary>
    public int ErrorCount => Errors.Count + UnlistedErrors;

    public int WarningCount => Warnings.Count + UnlistedWarnings;
}

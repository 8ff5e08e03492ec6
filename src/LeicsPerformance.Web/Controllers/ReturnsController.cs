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
public sealed class ReturnsController(ReturnUploads uploads, ReturnTemplate template, AffectedDashboards affectedDashboards, PendingUploads pending, PerformanceDbContext db) : PendingUploadController(pending)
{
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

        var rows = await template.RowsAsync(board.Id, parsed, ct);
        return CsvExport.File($"return-{board.Slug}-{Wording.FileName(parsed.Label)}.csv", ReturnTemplate.Header, rows);
    }

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
            period ?? await template.DefaultPeriodTextAsync(ct),
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

public sealed record ReturnResultPage(DataLoad Load, IReadOnlyList<AffectedDashboard> Dashboards);

using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Exports;
using LeicsPerformance.Web.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Controllers;

/// <summary>
/// Administrators' indicator catalogue: download it as indicators.csv, upload a changed file, preview the new,
/// changed and unchanged indicators (and errors by row and column), confirm, and it is written in one transaction.
/// </summary>
[Route("catalogue")]
[Authorize(Roles = Roles.Administrator)]
public sealed class CatalogueController(CatalogueUploads uploads, PendingUploads pending, PerformanceDbContext db) : PendingUploadController(pending)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var recent = await db.DataLoads.AsNoTracking().Where(l => l.Kind == CatalogueUploads.LoadKind)
            .OrderByDescending(l => l.Id).Take(10).ToListAsync(ct);
        return View(new CatalogueStartPage(
            await db.Indicators.CountAsync(ct),
            recent,
            await Pending.ListAsync(PendingUpload.CatalogueKind, UserName, ct),
            uploads.Limits));
    }

    /// <summary>The catalogue as it is now, in the indicators.csv format: edit it and upload it back.</summary>
    [HttpGet("template")]
    public async Task<IActionResult> Template(CancellationToken ct) =>
        CsvExport.File("indicators.csv", CatalogueImporter.IndicatorColumns, (await uploads.CurrentAsync(ct)).Select(r => r.Cells));

    [HttpGet("{id:guid}")]
    [UploadWork]
    public async Task<IActionResult> Preview(Guid id, CancellationToken ct)
    {
        if (await FindUploadAsync(id, ct) is not { } upload)
        {
            return NotFound();
        }

        if (upload.CommittedLoadId is { } loadId)
        {
            return RedirectToAction(nameof(Result), new { loadId });
        }

        var plan = await uploads.PreviewAsync(upload, ct);
        return View(new CataloguePreviewPage(upload.Id, upload.FileName, upload.CreatedAt, plan, CatalogueUploads.Moved(upload.Expected, plan)));
    }

    /// <summary>The preview's problems as it showed them: kept with the upload, so the file is not checked again.</summary>
    [HttpGet("{id:guid}/problems.csv")]
    public async Task<IActionResult> ProblemsCsv(Guid id, CancellationToken ct) =>
        await StoredDownloadAsync(id, u => u.ProblemsCsv, "-problems.csv", ct);

    [HttpPost("{id:guid}/confirm")]
    [UploadWork]
    public async Task<IActionResult> Confirm(Guid id, CancellationToken ct)
    {
        if (await FindUploadAsync(id, ct) is not { } upload)
        {
            return NotFound();
        }

        switch (await uploads.ConfirmAsync(upload, UserName, ct))
        {
            case CatalogueConfirmOutcome.Committed committed:
                return RedirectToAction(nameof(Result), new { loadId = committed.Load.Id });
            case CatalogueConfirmOutcome.Moved moved:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Conflict", new CatalogueConflictPage(upload.Id, upload.FileName, moved.Indicators));
            case CatalogueConfirmOutcome.Busy:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("~/Views/Returns/Busy.cshtml", new ReturnBusyPage(upload.Id, upload.FileName));
            default:
                return RedirectToAction(nameof(Preview), new { id });
        }
    }

    protected override string UploadKind => PendingUpload.CatalogueKind;

    protected override UploadOptions Limits => uploads.Limits;

    protected override async Task<Guid> StoreUploadAsync(string fileName, byte[] content, CancellationToken ct) =>
        (await uploads.StoreAsync(UserName, fileName, content, ct)).Pending.Id;

    protected override Task RecheckUploadAsync(PendingUpload upload, CancellationToken ct) => uploads.RecheckAsync(upload, ct);

    [HttpGet("loads/{loadId:int}")]
    public async Task<IActionResult> Result(int loadId, CancellationToken ct)
    {
        var load = await db.DataLoads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == loadId && l.Kind == CatalogueUploads.LoadKind, ct);
        return load is null ? NotFound() : View(load);
    }
}

public sealed record CatalogueStartPage(
    int IndicatorCount,
    IReadOnlyList<DataLoad> RecentLoads,
    IReadOnlyList<(Guid Id, string FileName, DateTimeOffset CreatedAt)> Waiting,
    UploadOptions Limits);

public sealed record CataloguePreviewPage(Guid Id, string FileName, DateTimeOffset UploadedAt, CataloguePlan Plan, IReadOnlyList<MovedIndicator> MovedSinceUpload)
{
    public bool CanConfirm => Plan.CanCommit && MovedSinceUpload.Count == 0;

    public IReadOnlyList<ImportProblem> Errors { get; } = Plan.Errors.ToList();

    public IReadOnlyList<ImportProblem> Warnings { get; } = Plan.Warnings.ToList();
}

public sealed record CatalogueConflictPage(Guid Id, string FileName, IReadOnlyList<MovedIndicator> Indicators);

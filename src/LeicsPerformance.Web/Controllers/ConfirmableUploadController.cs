using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Controllers;

/// <summary>
/// The catalogue's and the committees' upload pages (<see cref="ConfirmableUploads{TPlan}"/>): the same preview,
/// confirm and result actions, and the same list of recent loads; each derived controller has its own route, roles,
/// start page, downloads and the page models its views take.
/// </summary>
/// <typeparam name="TPlan">The file's checked plan, as the preview shows it.</typeparam>
public abstract class ConfirmableUploadController<TPlan>(PendingUploads pending, PerformanceDbContext db)
    : PendingUploadController(pending)
    where TPlan : IUploadPlan
{
    protected PerformanceDbContext Db { get; } = db;

    /// <summary>How this page's files are checked, kept, previewed and confirmed.</summary>
    protected abstract ConfirmableUploads<TPlan> Uploads { get; }

    /// <summary>The kinds of load this page's files are recorded as.</summary>
    protected abstract IReadOnlyList<LoadKind> LoadKinds { get; }

    /// <summary>The preview page's model: the plan checked now, and what moved since the preview was first shown.</summary>
    protected abstract object PreviewPage(PendingUpload upload, TPlan plan, IReadOnlyList<MovedRow> moved);

    /// <summary>The 409 page's model when what the file touches moved since its preview.</summary>
    protected abstract object ConflictPage(PendingUpload upload, UploadConfirmOutcome<TPlan>.Moved moved);

    /// <summary>The result page's model for a load of one of <see cref="LoadKinds"/>.</summary>
    protected abstract object ResultPage(DataLoad load);

    protected override UploadOptions Limits => Uploads.Limits;

    /// <summary>The latest ten loads of this page's kinds, for its start page.</summary>
    protected async Task<IReadOnlyList<DataLoad>> RecentLoadsAsync(CancellationToken ct)
    {
        var kinds = LoadKinds.ToList();
        return await Db.DataLoads.AsNoTracking().Where(l => kinds.Contains(l.Kind))
            .OrderByDescending(l => l.Id).Take(10).ToListAsync(ct);
    }

    [HttpGet("{id:guid}")]
    [UploadWork]
    public Task<IActionResult> Preview(Guid id, CancellationToken ct) =>
        WithWaitingUploadAsync(
            id,
            async upload =>
            {
                var plan = await Uploads.PreviewAsync(upload, ct);
                return View(PreviewPage(upload, plan, Uploads.Moved(upload.Expected, plan)));
            },
            ct);

    /// <summary>
    /// Its result; 409 with what moved, or the busy page; or back to the preview, which says why there is nothing to
    /// confirm.
    /// </summary>
    [HttpPost("{id:guid}/confirm")]
    [UploadWork]
    public async Task<IActionResult> Confirm(Guid id, CancellationToken ct)
    {
        if (await FindUploadAsync(id, ct) is not { } upload)
        {
            return NotFound();
        }

        switch (await Uploads.ConfirmAsync(upload, UserName, ct))
        {
            case UploadConfirmOutcome<TPlan>.Committed committed:
                return RedirectToAction(nameof(Result), new { loadId = committed.Load.Id });
            case UploadConfirmOutcome<TPlan>.Moved moved:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Conflict", ConflictPage(upload, moved));
            case UploadConfirmOutcome<TPlan>.Busy:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return BusyPage(upload);
            default:
                return RedirectToAction(nameof(Preview), new { id = upload.Id });
        }
    }

    [HttpGet("loads/{loadId:int}")]
    public async Task<IActionResult> Result(int loadId, CancellationToken ct)
    {
        var kinds = LoadKinds.ToList();
        var load = await Db.DataLoads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == loadId && kinds.Contains(l.Kind), ct);
        return load is null ? NotFound() : View(ResultPage(load));
    }

    protected override Task<Guid> StoreUploadAsync(string fileName, byte[] content, CancellationToken ct) =>
        Uploads.StoreAsync(UserName, fileName, content, ct);

    protected override Task RecheckUploadAsync(PendingUpload upload, CancellationToken ct) => Uploads.PreviewAsync(upload, ct, takeHeldNow: true);
}

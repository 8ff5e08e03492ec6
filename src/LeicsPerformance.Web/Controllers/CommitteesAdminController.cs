using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Exports;
using LeicsPerformance.Web.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Controllers;

/// <summary>
/// Administrators keep the committees as data: download any of the four committee files as they stand, edit it,
/// upload it, read the preview (every change in words, every problem by row and column), and confirm. The upload
/// takes the returns' and catalogue's path (<see cref="PendingUploadController"/>, <see cref="CommitteeUploads"/>):
/// kept until confirmed, the same limits, written once in one transaction as a load, and refused if what it touches
/// changed since the preview. Nothing is written until they confirm, and a file with any error is not loaded at all.
/// </summary>
[Route("committees/admin")]
[Authorize(Roles = Roles.Administrator)]
public sealed class CommitteesAdminController(CommitteeUploads uploads, CommitteeDownloads downloads, PendingUploads pending, PerformanceDbContext db)
    : PendingUploadController(pending)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var kinds = LoadKinds;
        var recent = await db.DataLoads.AsNoTracking().Where(l => kinds.Contains(l.Kind))
            .OrderByDescending(l => l.Id).Take(10).ToListAsync(ct);
        return View(new CommitteeAdminPage(recent, await Pending.ListAsync(PendingUploadKind.Committees, UserName, ct), uploads.Limits));
    }

    [HttpGet("{file}")]
    public async Task<IActionResult> Download(string file, CancellationToken ct)
    {
        var kind = CommitteeFiles.ByKind.Where(f => f.Value.FileName == file).Select(f => (CommitteeFileKind?)f.Key).FirstOrDefault();
        if (kind is null)
        {
            return NotFound();
        }

        var (header, rows) = await downloads.CurrentAsync(kind.Value, ct);
        return CsvExport.File(file, header, rows);
    }

    [HttpGet("{id:guid}")]
    [UploadWork]
    public async Task<IActionResult> Preview(Guid id, CancellationToken ct)
    {
        var (upload, answer) = await WaitingUploadAsync(id, ct);
        if (upload is null)
        {
            return answer!;
        }

        var plan = await uploads.PreviewAsync(upload, ct);
        return View(new CommitteePreviewPage(upload.Id, upload.FileName, upload.CreatedAt, plan, CommitteeUploads.Moved(upload.Expected, plan), uploads.Limits));
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

        return ConfirmAnswer(upload, await uploads.ConfirmAsync(upload, UserName, ct), moved => new CommitteeConflictPage(upload.Id, upload.FileName, moved.Rows));
    }

    [HttpGet("loads/{loadId:int}")]
    public async Task<IActionResult> Result(int loadId, CancellationToken ct)
    {
        var kinds = LoadKinds;
        var load = await db.DataLoads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == loadId && kinds.Contains(l.Kind), ct);
        return load is null ? NotFound() : View(new CommitteeResultPage(load, CommitteeFiles.ByKind[CommitteeFiles.ByLoadKind(load.Kind)!.Value].FileName));
    }

    protected override PendingUploadKind UploadKind => PendingUploadKind.Committees;

    protected override UploadOptions Limits => uploads.Limits;

    protected override Task<Guid> StoreUploadAsync(string fileName, byte[] content, CancellationToken ct) =>
        uploads.StoreAsync(UserName, fileName, content, ct);

    protected override Task RecheckUploadAsync(PendingUpload upload, CancellationToken ct) => uploads.PreviewAsync(upload, ct, takeHeldNow: true);

    private static List<LoadKind> LoadKinds => [.. CommitteeFiles.LoadKinds];
}

public sealed record CommitteeAdminPage(
    IReadOnlyList<DataLoad> RecentLoads,
    IReadOnlyList<(Guid Id, string FileName, DateTimeOffset CreatedAt)> Waiting,
    UploadOptions Limits);

public sealed record CommitteePreviewPage(Guid Id, string FileName, DateTimeOffset UploadedAt, CommitteePlan Plan, IReadOnlyList<MovedRow> MovedSinceUpload, UploadOptions Limits)
{
    public bool CanConfirm => Plan.CanCommit && MovedSinceUpload.Count == 0;
}

public sealed record CommitteeResultPage(DataLoad Load, string File);

public sealed record CommitteeConflictPage(Guid Id, string FileName, IReadOnlyList<MovedRow> Rows);

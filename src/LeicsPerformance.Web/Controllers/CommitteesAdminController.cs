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
    : ConfirmableUploadController<CommitteePlan>(pending, db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new CommitteeAdminPage(await RecentLoadsAsync(ct), await WaitingUploadsAsync(ct), uploads.Limits));

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

    protected override PendingUploadKind UploadKind => PendingUploadKind.Committees;

    protected override ConfirmableUploads<CommitteePlan> Uploads => uploads;

    protected override IReadOnlyList<LoadKind> LoadKinds { get; } = [.. CommitteeFiles.LoadKinds];

    protected override object PreviewPage(PendingUpload upload, CommitteePlan plan, IReadOnlyList<MovedRow> moved) =>
        new CommitteePreviewPage(upload.Id, upload.FileName, upload.CreatedAt, plan, moved, uploads.Limits);

    protected override object ConflictPage(PendingUpload upload, UploadConfirmOutcome<CommitteePlan>.Moved moved) =>
        new CommitteeConflictPage(upload.Id, upload.FileName, moved.Rows);

    protected override object ResultPage(DataLoad load) =>
        new CommitteeResultPage(load, CommitteeFiles.ByKind[CommitteeFiles.ByLoadKind(load.Kind)!.Value].FileName);
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

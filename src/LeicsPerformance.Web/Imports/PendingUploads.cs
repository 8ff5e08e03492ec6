using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Exports;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Uploaded files between preview and confirm (table <c>pending_upload</c>): stored with the values the preview
/// showed, visible only to the person who uploaded them, marked with their load once committed, deleted when
/// cancelled, and swept after a day by the next upload.
/// </summary>
public sealed class PendingUploads(PerformanceDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public async Task<PendingUpload> AddAsync(PendingUploadKind kind, string userName, string fileName, string sha256, byte[] content, string expectedJson, PreviewDownloads downloads, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - KeptFor;
        await db.PendingUploads.Where(p => p.CreatedAt < cutoff).ExecuteDeleteAsync(ct);

        var pending = new PendingUpload
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            UserName = userName,
            FileName = fileName,
            Sha256 = sha256,
            Content = content,
            Expected = expectedJson,
            ProblemsCsv = downloads.ProblemsCsv,
            ChangesCsv = downloads.ChangesCsv,
            CreatedAt = clock.GetUtcNow(),
        };
        db.PendingUploads.Add(pending);
        await db.SaveChangesAsync(ct);
        db.Entry(pending).State = EntityState.Detached;
        return pending;
    }

    /// <summary>The upload, if it exists, is of this kind, belongs to this user and is less than a day old.</summary>
    public async Task<PendingUpload?> FindAsync(Guid id, PendingUploadKind kind, string userName, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - KeptFor;
        return await db.PendingUploads.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == id && p.Kind == kind && p.UserName == userName && p.CreatedAt >= cutoff, ct);
    }

    /// <summary>
    /// How many uploads of every kind (returns, datasets, catalogue) this user has waiting for confirmation: one
    /// count for the per-person limit (Uploads:MaxPendingPerUser).
    /// </summary>
    public async Task<int> CountWaitingAsync(string userName, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - KeptFor;
        return await db.PendingUploads.CountAsync(p => p.UserName == userName && p.CreatedAt >= cutoff && p.CommittedLoadId == null, ct);
    }

    /// <summary>
    /// What an upload's <c>expected</c> column holds when its check found it cannot be confirmed (errors, nothing to
    /// change, or already loaded): the preview expects nothing of the database.
    /// </summary>
    public const string NothingExpected = "[]";

    /// <summary>
    /// Makes room under the per-person limit by removing this person's oldest uploads that cannot be confirmed: a failed
    /// check is kept so its preview page can be read, not to hold one of the places an analyst fixing a file needs.
    /// Returns how many uploads are still waiting.
    /// </summary>
    public async Task<int> MakeRoomAsync(string userName, int limit, CancellationToken ct)
    {
        var waiting = await CountWaitingAsync(userName, ct);
        if (waiting < limit)
        {
            return waiting;
        }

        var cutoff = clock.GetUtcNow() - KeptFor;
        var failed = await db.PendingUploads.AsNoTracking()
            .Where(p => p.UserName == userName && p.CreatedAt >= cutoff && p.CommittedLoadId == null && p.Expected == NothingExpected)
            .OrderBy(p => p.CreatedAt)
            .Select(p => p.Id)
            .Take(waiting - limit + 1)
            .ToListAsync(ct);
        await db.PendingUploads.Where(p => failed.Contains(p.Id)).ExecuteDeleteAsync(ct);
        return waiting - failed.Count;
    }

    /// <summary>This user's uploads of a kind still waiting, newest first (without their content).</summary>
    public async Task<IReadOnlyList<(Guid Id, string FileName, DateTimeOffset CreatedAt)>> ListAsync(PendingUploadKind kind, string userName, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - KeptFor;
        var rows = await db.PendingUploads.AsNoTracking()
            .Where(p => p.Kind == kind && p.UserName == userName && p.CreatedAt >= cutoff && p.CommittedLoadId == null)
            .OrderByDescending(p => p.CreatedAt)
            .Select(p => new { p.Id, p.FileName, p.CreatedAt })
            .Take(20)
            .ToListAsync(ct);
        return rows.Select(r => (r.Id, r.FileName, r.CreatedAt)).ToList();
    }

    /// <summary>After "check again": the values the preview now shows, and its downloads.</summary>
    public async Task SetExpectedAsync(Guid id, string expectedJson, PreviewDownloads downloads, CancellationToken ct) =>
        await db.PendingUploads.Where(p => p.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.Expected, expectedJson).SetProperty(p => p.ProblemsCsv, downloads.ProblemsCsv).SetProperty(p => p.ChangesCsv, downloads.ChangesCsv), ct);

    /// <summary>The downloads of the preview just shown (the plan may differ from the upload's if values moved since).</summary>
    public async Task SetDownloadsAsync(Guid id, PreviewDownloads downloads, CancellationToken ct) =>
        await db.PendingUploads.Where(p => p.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.ProblemsCsv, downloads.ProblemsCsv).SetProperty(p => p.ChangesCsv, downloads.ChangesCsv), ct);

    /// <summary>
    /// Holds the upload for a confirm (dispose to let go); null when another confirm of it is running. Once held, read
    /// the upload again (<see cref="CommittedLoadAsync"/>): the other confirm may have just finished.
    /// </summary>
    public Task<UploadClaim?> TryClaimAsync(Guid id, CancellationToken ct) =>
        UploadClaim.TryTakeAsync(db.Database.GetConnectionString()!, id, ct);

    /// <summary>The load the upload became, if it has been committed.</summary>
    public async Task<int?> CommittedLoadAsync(Guid id, CancellationToken ct) =>
        await db.PendingUploads.Where(p => p.Id == id).Select(p => p.CommittedLoadId).FirstOrDefaultAsync(ct);

    /// <summary>Records the load the upload became; the bytes go with the daily sweep.</summary>
    public async Task MarkCommittedAsync(Guid id, int loadId, CancellationToken ct) =>
        await db.PendingUploads.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommittedLoadId, loadId), ct);

    public async Task DeleteAsync(Guid id, CancellationToken ct) =>
        await db.PendingUploads.Where(p => p.Id == id).ExecuteDeleteAsync(ct);
}

/// <summary>
/// A preview's CSV downloads (gzip-compressed, see <c>CsvExport.WriteCompressed</c>), made from the plan the preview
/// showed and kept with the upload, so a download serves them rather than checking the file again.
/// </summary>
public sealed record PreviewDownloads(byte[] ProblemsCsv, byte[]? ChangesCsv)
{
    /// <summary>A preview's problems alone (catalogue and committee files), the capped list then a line for the rest.</summary>
    public static PreviewDownloads OfProblems(IReadOnlyList<ImportProblem> problems, int unlistedErrors, int unlistedWarnings) =>
        new(CsvExport.WriteCompressed(LoadDisplay.ProblemCsvHeader, LoadDisplay.ProblemCsvRows(problems, unlistedErrors, unlistedWarnings)), null);
}

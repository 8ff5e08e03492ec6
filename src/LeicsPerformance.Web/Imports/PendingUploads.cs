using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
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

    /// <summary>How long a confirm may hold its claim before another attempt may take it (a crashed request).</summary>
    public static readonly TimeSpan ClaimExpiry = TimeSpan.FromMinutes(10);

    public async Task<PendingUpload> AddAsync(string kind, string userName, string fileName, string sha256, byte[] content, string expectedJson, CancellationToken ct)
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
            CreatedAt = clock.GetUtcNow(),
        };
        db.PendingUploads.Add(pending);
        await db.SaveChangesAsync(ct);
        db.Entry(pending).State = EntityState.Detached;
        return pending;
    }

    /// <summary>The upload, if it exists, is of this kind, belongs to this user and is less than a day old.</summary>
    public async Task<PendingUpload?> FindAsync(Guid id, string kind, string userName, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - KeptFor;
        return await db.PendingUploads.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == id && p.Kind == kind && p.UserName == userName && p.CreatedAt >= cutoff, ct);
    }

    /// <summary>This user's uploads of a kind still waiting, newest first (without their content).</summary>
    public async Task<IReadOnlyList<(Guid Id, string FileName, DateTimeOffset CreatedAt)>> ListAsync(string kind, string userName, CancellationToken ct)
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

    public async Task SetExpectedAsync(Guid id, string expectedJson, CancellationToken ct) =>
        await db.PendingUploads.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Expected, expectedJson), ct);

    /// <summary>
    /// Marks the upload as being confirmed. False when another confirm of the same upload is running (a double
    /// click, two tabs): only one of them goes on to commit.
    /// </summary>
    public async Task<bool> TryClaimAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stale = now - ClaimExpiry;
        var claimed = await db.PendingUploads
            .Where(p => p.Id == id && p.CommittedLoadId == null && (p.ClaimedAt == null || p.ClaimedAt < stale))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ClaimedAt, now), ct);
        return claimed == 1;
    }

    public async Task ReleaseAsync(Guid id, CancellationToken ct) =>
        await db.PendingUploads.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClaimedAt, (DateTimeOffset?)null), ct);

    /// <summary>Records the load the upload became (and lets go of its claim); the bytes go with the daily sweep.</summary>
    public async Task MarkCommittedAsync(Guid id, int loadId, CancellationToken ct) =>
        await db.PendingUploads.Where(p => p.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.CommittedLoadId, loadId).SetProperty(p => p.ClaimedAt, (DateTimeOffset?)null), ct);

    public async Task DeleteAsync(Guid id, CancellationToken ct) =>
        await db.PendingUploads.Where(p => p.Id == id).ExecuteDeleteAsync(ct);
}

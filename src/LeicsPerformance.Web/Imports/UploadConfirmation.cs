using System.Data;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>A column of a stored row that changed since an upload's preview (catalogue and committee uploads).</summary>
public sealed record MovedRow(string Key, string Label, string Field, string WasWhenChecked, string Now);

/// <summary>What confirming a catalogue or committee upload did.</summary>
/// <typeparam name="TPlan">The file's checked plan, as the page shows it.</typeparam>
public abstract record UploadConfirmOutcome<TPlan>
{
    public sealed record Committed(DataLoad Load) : UploadConfirmOutcome<TPlan>;

    /// <summary>Something the file touches changed since its preview; nothing written.</summary>
    public sealed record Moved(TPlan Plan, IReadOnlyList<MovedRow> Rows) : UploadConfirmOutcome<TPlan>;

    /// <summary>Checked again, the file has errors or nothing to change; nothing written.</summary>
    public sealed record NothingToCommit(TPlan Plan) : UploadConfirmOutcome<TPlan>;

    /// <summary>Another confirm of the same upload is running (a double click, another tab).</summary>
    public sealed record Busy : UploadConfirmOutcome<TPlan>;
}

/// <summary>
/// The confirm the catalogue and committee uploads share: an upload already committed shows its load; otherwise the
/// confirm claims the upload (<see cref="UploadClaim"/>, so a double confirm writes once), then checks and writes in
/// one transaction under <see cref="AdvisoryLocks.Writes"/>, and marks the upload with the load it became. The caller
/// says how to check and write its kind of file. (Returns commit through <c>ReturnImporter.CommitAsync</c>, which
/// holds the same lock in its own transaction.)
/// </summary>
public sealed class UploadConfirmation(PerformanceDbContext db, PendingUploads pending)
{
    /// <param name="checkAndWrite">
    /// Runs inside the transaction, holding the lock: checks the file again and, if it may be written, adds its
    /// <see cref="DataLoad"/>, writes and returns <c>Committed</c>; anything else is rolled back.
    /// </param>
    public async Task<UploadConfirmOutcome<TPlan>> ConfirmAsync<TPlan>(
        PendingUpload upload, Func<CancellationToken, Task<UploadConfirmOutcome<TPlan>>> checkAndWrite, CancellationToken ct)
    {
        if (upload.CommittedLoadId is { } done && await LoadAsync(done, ct) is { } earlier)
        {
            return new UploadConfirmOutcome<TPlan>.Committed(earlier);
        }

        await using var claim = await pending.TryClaimAsync(upload.Id, ct);
        if (claim is null)
        {
            return new UploadConfirmOutcome<TPlan>.Busy();
        }

        // Held now: the other confirm may have just finished.
        if (await pending.CommittedLoadAsync(upload.Id, ct) is { } justDone && await LoadAsync(justDone, ct) is { } justLoaded)
        {
            return new UploadConfirmOutcome<TPlan>.Committed(justLoaded);
        }

        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            var outcome = await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
                await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock({AdvisoryLocks.Writes})", ct);
                var result = await checkAndWrite(ct);
                if (result is UploadConfirmOutcome<TPlan>.Committed)
                {
                    await transaction.CommitAsync(ct);
                }

                db.ChangeTracker.Clear();
                return result;
            });

            if (outcome is UploadConfirmOutcome<TPlan>.Committed committed)
            {
                await pending.MarkCommittedAsync(upload.Id, committed.Load.Id, CancellationToken.None);
            }

            return outcome;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private Task<DataLoad?> LoadAsync(int id, CancellationToken ct) => db.DataLoads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
}

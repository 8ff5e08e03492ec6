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

/// <summary>The load a confirmed upload becomes: its kind and counts (<c>data_load</c>).</summary>
public sealed record LoadCounts(LoadKind Kind, int RowsRead, int RowsAdded, int RowsChanged, int RowsUnchanged);

/// <summary>
/// The confirm the catalogue and committee uploads share: an upload already committed shows its load; otherwise the
/// confirm claims the upload (<see cref="UploadClaim"/>, so a double confirm writes once), then checks and writes in
/// one transaction under <see cref="AdvisoryLocks.Writes"/> — refused with what moved if anything the file touches
/// changed since the preview, else written with its <c>data_load</c> row — and marks the upload with the load it
/// became. The kind of upload says how to check and write its file (<see cref="ConfirmableUploads{TPlan}"/>). (Returns commit through <c>ReturnWriter.CommitAsync</c>, which
/// holds the same lock in its own transaction.)
/// </summary>
public sealed class UploadConfirmation(PerformanceDbContext db, PendingUploads pending, TimeProvider clock)
{
    public async Task<UploadConfirmOutcome<TPlan>> ConfirmAsync<TPlan>(PendingUpload upload, string userName, ConfirmableUploads<TPlan> kind, CancellationToken ct)
        where TPlan : IUploadPlan
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
                var result = await CheckAndWriteAsync(upload, userName, kind, ct);
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

    /// <summary>Inside the transaction, holding the lock: the file checked again, and written if nothing moved.</summary>
    private async Task<UploadConfirmOutcome<TPlan>> CheckAndWriteAsync<TPlan>(PendingUpload upload, string userName, ConfirmableUploads<TPlan> kind, CancellationToken ct)
        where TPlan : IUploadPlan
    {
        var plan = await kind.PlanAsync(upload.FileName, upload.Content, ct);
        if (!plan.CanCommit)
        {
            return new UploadConfirmOutcome<TPlan>.NothingToCommit(plan);
        }

        var moved = kind.Moved(upload.Expected, plan);
        if (moved.Count > 0)
        {
            return new UploadConfirmOutcome<TPlan>.Moved(plan, moved);
        }

        var counts = kind.LoadOf(plan);
        var load = new DataLoad
        {
            Kind = counts.Kind,
            FileName = upload.FileName,
            Sha256 = upload.Sha256,
            LoadedBy = userName,
            LoadedAt = clock.GetUtcNow(),
            RowsRead = counts.RowsRead,
            RowsAdded = counts.RowsAdded,
            RowsChanged = counts.RowsChanged,
            RowsUnchanged = counts.RowsUnchanged,
        };
        db.DataLoads.Add(load);
        await db.SaveChangesAsync(ct);
        await kind.WriteAsync(plan, ct);
        return new UploadConfirmOutcome<TPlan>.Committed(load);
    }

    private Task<DataLoad?> LoadAsync(int id, CancellationToken ct) => db.DataLoads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
}

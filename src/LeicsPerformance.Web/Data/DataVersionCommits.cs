using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeicsPerformance.Web.Data;

/// <summary>
/// After each of this instance's own commits, reads the data version afresh, so the very next request (the page a
/// confirm or a revert redirects to) is built from the new data rather than served the old cached copy while the
/// notification is on its way. Every write in the app goes through EF Core: an explicit transaction, SaveChanges
/// without one, or a bulk ExecuteUpdate/ExecuteDelete without one.
/// </summary>
public sealed class DataVersionCommits(DataVersion version) : IDbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor
{
    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await version.RefreshAsync(cancellationToken);

    // The app writes asynchronously; a synchronous commit (EF's own tooling) waits for the read.
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        version.RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0 && eventData.Context?.Database.CurrentTransaction is null)
        {
            await version.RefreshAsync(cancellationToken);
        }

        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0 && command.Transaction is null)
        {
            await version.RefreshAsync(cancellationToken);
        }

        return result;
    }
}

using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeicsPerformance.Web.Data;

/// <summary>
/// A counter that moves whenever data is committed in this process. Cached pages vary by it (see the "data"
/// output-cache policy in Program.cs), so a load, a revert or a catalogue change is visible on the very next
/// request, without every writer having to know which pages to evict.
/// </summary>
/// <remarks>
/// Bumped after a commit, never before: a request that read the old data can only be cached under the old number.
/// With several app instances, another instance's commit is seen when its cache entries expire (see operations.md).
/// </remarks>
public static class DataVersion
{
    private static long version;

    public static string Current => Interlocked.Read(ref version).ToString(CultureInfo.InvariantCulture);

    public static void Changed() => Interlocked.Increment(ref version);
}

/// <summary>Bumps <see cref="DataVersion"/> after every committed transaction and every save outside one.</summary>
public sealed class DataVersionInterceptor : IDbTransactionInterceptor, ISaveChangesInterceptor
{
    public static DataVersionInterceptor Instance { get; } = new();

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => DataVersion.Changed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        DataVersion.Changed();
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            DataVersion.Changed();
        }

        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        new(SavedChanges(eventData, result));
}

using System.Globalization;
using Npgsql;

namespace LeicsPerformance.Web.Data;

/// <summary>
/// The data version: a counter in the database (<c>data_version</c>, 011_instances_agree.sql) that every transaction
/// changing what the pages show moves at its commit, by trigger, whoever makes it: this instance, another instance,
/// <c>import-returns</c> or an operator's SQL. Cached pages vary by it (the "data" output-cache policy in Program.cs,
/// and <c>Reporting/RatedMemo</c>), so a committed load is visible on every instance without any writer knowing which
/// pages to evict.
/// </summary>
/// <remarks>
/// <para>
/// The instance keeps the latest number it knows of in memory, so a cached page costs no database read. It learns of
/// a new number in two ways: this instance's own commits read it at once (<see cref="DataVersionCommits"/>), so the
/// page after a confirm or a revert is never stale; every other writer's commit arrives as a PostgreSQL notification
/// (<see cref="DataVersionListener"/>, 018_data_version_notifies.sql), a few milliseconds after it commits.
/// </para>
/// <para>
/// The memory is trusted only while the listener is connected and listening. Before it first listens, and whenever
/// its connection is lost, every request reads the counter from the database as it did before (a primary-key read of
/// one row), and the listener reads it again once it listens again, so a notification missed while reconnecting
/// cannot leave a stale page. The number only ever goes up.
/// </para>
/// </remarks>
public sealed class DataVersion(IConfiguration configuration, IHttpContextAccessor? requests = null)
{
    private static readonly object RequestKey = new();

    private Known? known;
    private volatile bool listening;
    private long databaseReads;

    /// <summary>True while notifications are being received, so the number in memory is current.</summary>
    public bool Listening => listening;

    /// <summary>How many times this instance has read the counter from the database for a request or after a commit.</summary>
    public long DatabaseReads => Interlocked.Read(ref databaseReads);

    /// <summary>The current version.</summary>
    /// <remarks>
    /// While listening, the number in memory. Otherwise a reading request (GET or HEAD) reads the database once and
    /// reuses the answer, so the output cache's key and the rated memo agree and the database is asked once.
    /// </remarks>
    public async ValueTask<string> CurrentAsync(CancellationToken cancellationToken)
    {
        if (listening && known is { } current)
        {
            return current.Text;
        }

        var request = requests?.HttpContext;
        var reading = request is not null && (HttpMethods.IsGet(request.Request.Method) || HttpMethods.IsHead(request.Request.Method));
        if (reading && request!.Items.TryGetValue(RequestKey, out var kept) && kept is string version)
        {
            return version;
        }

        var read = await RefreshAsync(cancellationToken);
        if (reading)
        {
            request!.Items[RequestKey] = read;
        }

        return read;
    }

    /// <summary>Reads the counter from the database and remembers it (used after this instance's own commits).</summary>
    public async Task<string> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(DatabaseStartup.ConnectionString(configuration));
        await connection.OpenAsync(cancellationToken);
        Interlocked.Increment(ref databaseReads);
        return Raise(await ReadAsync(connection, cancellationToken)).Text;
    }

    /// <summary>The counter as the given connection sees it.</summary>
    internal static async Task<long> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("select version from data_version where id = 1", connection);
        return (long)(await read.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The listener is listening, and <paramref name="version"/> was read after it began to.</summary>
    internal void StartTrusting(long version)
    {
        Raise(version);
        listening = true;
    }

    /// <summary>A notification: another transaction committed and moved the counter to <paramref name="version"/>.</summary>
    internal void Heard(long version) => Raise(version);

    /// <summary>The listener's connection is gone: notifications may be missed, so read the database again.</summary>
    internal void StopTrusting() => listening = false;

    /// <summary>Keeps the larger of what is known and <paramref name="version"/>: notifications may arrive late.</summary>
    private Known Raise(long version)
    {
        while (true)
        {
            var current = Volatile.Read(ref known);
            if (current is not null && current.Version >= version)
            {
                return current;
            }

            var raised = new Known(version, version.ToString(CultureInfo.InvariantCulture));
            if (Interlocked.CompareExchange(ref known, raised, current) == current)
            {
                return raised;
            }
        }
    }

    private sealed record Known(long Version, string Text);
}

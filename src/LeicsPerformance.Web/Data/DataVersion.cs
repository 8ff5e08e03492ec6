using System.Globalization;
using Npgsql;

namespace LeicsPerformance.Web.Data;

/// <summary>
/// The data version: a counter in the database (<c>data_version</c>, 011_instances_agree.sql) that every transaction
/// changing what the pages show moves at its commit, by trigger, whoever makes it: this instance, another instance,
/// <c>import-returns</c> or an operator's SQL. Cached pages vary by it (the "data" output-cache policy in Program.cs),
/// so a committed load is visible on every instance's next request without any writer knowing which pages to evict.
/// </summary>
/// <remarks>
/// Read afresh on every cacheable request: one primary-key read of a one-row table, well under a millisecond, and
/// never stale. (LISTEN/NOTIFY would save the read but could miss a change while its connection reconnects; see
/// docs/operations.md.) The trigger moves the counter in the writing transaction, so a reader sees the new number
/// exactly when it can see the new data, and a page built from old data is only ever cached under the old number.
/// </remarks>
public sealed class DataVersion(IConfiguration configuration, IHttpContextAccessor? requests = null)
{
    private static readonly object RequestKey = new();

    /// <summary>
    /// The current version. A reading request (GET or HEAD) reads it once and reuses it: the output cache's key and
    /// the rated memo (<c>Reporting/RatedMemo</c>) then agree, and the database is asked once. A writing request
    /// reads it afresh each time, since it may have just moved it.
    /// </summary>
    public async ValueTask<string> CurrentAsync(CancellationToken cancellationToken)
    {
        var request = requests?.HttpContext;
        var reading = request is not null && (HttpMethods.IsGet(request.Request.Method) || HttpMethods.IsHead(request.Request.Method));
        if (reading && request!.Items.TryGetValue(RequestKey, out var kept) && kept is string version)
        {
            return version;
        }

        var current = await ReadAsync(cancellationToken);
        if (reading)
        {
            request!.Items[RequestKey] = current;
        }

        return current;
    }

    private async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(DatabaseStartup.ConnectionString(configuration));
        await connection.OpenAsync(cancellationToken);
        await using var read = new NpgsqlCommand("select version from data_version where id = 1", connection);
        var version = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        return version.ToString(CultureInfo.InvariantCulture);
    }
}

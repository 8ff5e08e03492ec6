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
public sealed class DataVersion(IConfiguration configuration)
{
    public async ValueTask<string> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(DatabaseStartup.ConnectionString(configuration));
        await connection.OpenAsync(cancellationToken);
        await using var read = new NpgsqlCommand("select version from data_version where id = 1", connection);
        var version = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        return version.ToString(CultureInfo.InvariantCulture);
    }
}

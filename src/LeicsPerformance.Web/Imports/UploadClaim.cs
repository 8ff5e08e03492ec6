using LeicsPerformance.Web.Data;
using Npgsql;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// A confirm's hold on its upload while it runs, so a second confirm of the same upload (a double click, another tab,
/// another instance) is told the upload is busy instead of committing it twice. The hold is a PostgreSQL advisory lock
/// taken on a connection of its own (not pooled), so it belongs to that database session: disposing the claim ends
/// the session, and if the process dies mid-confirm PostgreSQL ends the session and frees the upload at once. (A
/// timestamp lease would leave the upload busy until it expired.)
/// </summary>
public sealed class UploadClaim : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;

    private UploadClaim(NpgsqlConnection connection) => this.connection = connection;

    /// <summary>The claim, or null when another session holds this upload.</summary>
    public static async Task<UploadClaim?> TryTakeAsync(string connectionString, Guid uploadId, CancellationToken ct)
    {
        var own = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "LeicsPerformance upload claim" };
        var connection = new NpgsqlConnection(own.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var take = new NpgsqlCommand("select pg_try_advisory_lock(@class, hashtext(@upload))", connection);
            take.Parameters.AddWithValue("class", AdvisoryLocks.UploadConfirm);
            take.Parameters.AddWithValue("upload", uploadId.ToString("D"));
            if ((bool)(await take.ExecuteScalarAsync(ct))!)
            {
                return new UploadClaim(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Closing the unpooled connection ends the session, and the lock with it.</summary>
    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

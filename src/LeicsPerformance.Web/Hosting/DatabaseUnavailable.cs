using System.Net.Sockets;
using Npgsql;

namespace LeicsPerformance.Web.Hosting;

/// <summary>
/// Recognises the database being down or unreachable (as opposed to a bug), so the error page can answer
/// 503 Service Unavailable with Retry-After instead of 500.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    public static bool Is(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                // 57P01 admin shutdown, 57P03 cannot connect now (starting or shutting down), 53300 too many connections,
                // 3D000 the database does not exist or is closed to connections.
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" or "3D000" or "55000" }:
                    return true;
                case NpgsqlException { InnerException: null } npgsql when npgsql.Message.Contains("connect", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }

        return false;
    }
}

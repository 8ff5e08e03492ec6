using Npgsql;

namespace LeicsPerformance.Web.Data;

/// <summary>
/// Listens on the PostgreSQL channel <c>data_version</c> (018_data_version_notifies.sql) on a connection of its own,
/// and tells <see cref="DataVersion"/> each number committed by anyone. While it is not listening (starting, or its
/// connection lost and retrying), <see cref="DataVersion"/> reads the database per request instead.
/// </summary>
public sealed class DataVersionListener(DataVersion version, IConfiguration configuration, ILogger<DataVersionListener> logger)
    : BackgroundService
{
    public const string Channel = "data_version";
    public const string ApplicationName = "LeicsPerformance data version";

    /// <summary>How long the connection may be quiet before it is checked (and the counter read again, in case).</summary>
    private static readonly TimeSpan QuietCheck = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private TimeSpan retry = FirstRetry;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception problem)
            {
                logger.LogWarning(problem,
                    "Not listening for data version changes (each page reads it from the database meanwhile); trying again in {Seconds} s",
                    retry.TotalSeconds);
                try
                {
                    await Task.Delay(retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retry = retry * 2 < LongestRetry ? retry * 2 : LongestRetry;
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        // Its own physical connection, never returned to a pool, named so that an operator can see it in pg_stat_activity.
        var settings = new NpgsqlConnectionStringBuilder(DatabaseStartup.ConnectionString(configuration))
        {
            Pooling = false,
            ApplicationName = ApplicationName,
            // A connection that dies without a word must not hang a read for minutes: give up, and read per request.
            Timeout = 5,
            CommandTimeout = 5,
        };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, notification) =>
        {
            if (long.TryParse(notification.Payload, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var moved))
            {
                version.Heard(moved);
            }
        };

        await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        try
        {
            // Read after LISTEN: any commit from here on is also notified, so nothing between the two is missed.
            version.StartTrusting(await DataVersion.ReadAsync(connection, stoppingToken));
            retry = FirstRetry;
            logger.LogInformation("Listening for data version changes on channel {Channel}", Channel);
            while (true)
            {
                if (!await connection.WaitAsync(QuietCheck, stoppingToken))
                {
                    // Quiet: a read proves the connection is alive (a dead one throws) and corrects anything missed.
                    version.Heard(await DataVersion.ReadAsync(connection, stoppingToken));
                }
            }
        }
        finally
        {
            version.StopTrusting();
        }
    }
}

using System.Globalization;
using System.Text;
using Npgsql;

namespace LeicsPerformance.Benchmark;

/// <summary>The bench database: dropped before a run (the app creates and migrates it again), measured after the load.</summary>
internal static class BenchDatabase
{
    public static async Task<int> ResetAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new ArgumentException("The connection string names no database.");
        if (!name.Contains("bench", StringComparison.OrdinalIgnoreCase))
        {
            // A guard against pointing the benchmark at a real database: it drops what it is given.
            throw new ArgumentException($"Refusing to drop '{name}': the bench database's name must contain 'bench'.");
        }

        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync();
        Console.WriteLine($"Dropped database {name} (if it existed); the app creates it again at start-up.");
        return 0;
    }

    /// <summary>key=value lines: rows per table, database size, server version.</summary>
    public static async Task<int> StatsAsync(string connectionString, string outFile)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sb = new StringBuilder();
        foreach (var (key, sql) in new[]
        {
            ("DB_VALUE_ROWS", "select count(*) from indicator_value"),
            ("DB_HISTORY_ROWS", "select count(*) from indicator_value_history"),
            ("DB_ASSESSMENT_ROWS", "select count(*) from indicator_assessment"),
            ("DB_LOADS", "select count(*) from data_load"),
            ("DB_INDICATORS", "select count(*) from indicator"),
            ("DB_AREAS", "select count(*) from area"),
            ("DB_PERIODS", "select count(*) from reporting_period"),
            ("DB_SIZE", "select pg_size_pretty(pg_database_size(current_database()))"),
            ("PG_VERSION", "select current_setting('server_version')"),
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var value = Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"{key}={value}\n");
        }

        // Analyse, as autovacuum would shortly after a load of this size, so the plans measured are the steady ones.
        await using (var analyse = new NpgsqlCommand("analyze", connection))
        {
            await analyse.ExecuteNonQueryAsync();
        }

        await File.WriteAllTextAsync(outFile, sb.ToString());
        Console.Write(sb.ToString());
        return 0;
    }
}

using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LeicsPerformance.Web.Tests.Infrastructure;

/// <summary>
/// One throw-away PostgreSQL database per test run, migrated and loaded with the sample data once; every test
/// class that writes gets its own copy (PostgreSQL clones a template database in milliseconds), so tests never
/// see each other's changes and never depend on whatever a shared database happens to hold.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private readonly List<string> created = [];
    private readonly string runId = Guid.NewGuid().ToString("N")[..10];

    public string ServerConnectionString { get; private set; } = string.Empty;

    public string TemplateName => $"lp_test_{runId}_template";

    public SampleDataSeeder.Result SeedResult { get; private set; } = null!;

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeicsPerformance.sln")))
            {
                return dir.FullName;
            }
        }

        var built = typeof(TestDatabase).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "LeicsPerformance.sln")))
        {
            return built;
        }

        throw new InvalidOperationException("Could not find the repository root (the folder holding LeicsPerformance.sln).");
    }

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Performance");
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                "These tests need PostgreSQL and none is configured. Run the tests with scripts/test.sh, which starts a local " +
                "PostgreSQL from the installed binaries, or start one with `scripts/postgres.sh start` and export the connection " +
                "string it prints as ConnectionStrings__Performance.");
        }

        ServerConnectionString = configured;
        try
        {
            await using var probe = new NpgsqlConnection(WithDatabase("postgres"));
            await probe.OpenAsync();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable with ConnectionStrings__Performance ({Describe(configured)}): {e.Message}. " +
                "Start it with `scripts/postgres.sh start` or run the tests with scripts/test.sh.", e);
        }

        var template = WithDatabase(TemplateName);
        created.Add(TemplateName);
        await SchemaMigrator.MigrateAsync(template);
        await using (var db = CreateContext(template))
        {
            var seeder = new SampleDataSeeder(db, NullLogger<SampleDataSeeder>.Instance);
            SeedResult = await seeder.SeedAsync(Path.Combine(RepositoryRoot(), "data"));
        }

        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A fresh copy of the seeded database; returns its connection string.</summary>
    public async Task<string> CreateCopyAsync()
    {
        var name = $"lp_test_{runId}_{Guid.NewGuid().ToString("N")[..8]}";
        await using var connection = new NpgsqlConnection(WithDatabase("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database \"{name}\" template \"{TemplateName}\"", connection);
        await command.ExecuteNonQueryAsync();
        lock (created)
        {
            created.Add(name);
        }

        return WithDatabase(name);
    }

    /// <summary>An empty database (not migrated): for tests of the migrator and the start-up seed.</summary>
    public string EmptyDatabase()
    {
        var name = $"lp_test_{runId}_{Guid.NewGuid().ToString("N")[..8]}";
        lock (created)
        {
            created.Add(name);
        }

        return WithDatabase(name);
    }

    public static PerformanceDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<PerformanceDbContext>().UseNpgsql(connectionString).Options);

    public async Task DisposeAsync()
    {
        if (ServerConnectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(WithDatabase("postgres"));
        await connection.OpenAsync();
        foreach (var name in created)
        {
            await using var drop = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private string WithDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    private static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host {b.Host}, port {b.Port}";
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<TestDatabase>
{
    public const string Name = "database";
}

using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Reporting;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace LeicsPerformance.Web.Data;

/// <summary>At start-up: create and migrate the database, then load the sample data if configured to.</summary>
public static class DatabaseStartup
{
    public static string ConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Performance");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "No database is configured. Start the app with scripts/run.sh (it starts a local PostgreSQL), " +
                "or set ConnectionStrings__Performance, e.g. \"Host=127.0.0.1;Port=5433;Username=postgres;Database=leicsperformance\".");
        }

        return connectionString;
    }

    /// <summary>
    /// SampleData:Load, or, when it is not set, only in Development: the sample publishes illustrative committee
    /// reports, which must never appear on a real server by accident.
    /// </summary>
    public static bool LoadsSampleData(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("SampleData:Load") ?? environment.IsDevelopment();

    public static async Task PrepareDatabaseAsync(this WebApplication app, bool loadSampleData = true)
    {
        var connectionString = ConnectionString(app.Configuration);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LeicsPerformance.Startup");
        var applied = await SchemaMigrator.MigrateAsync(connectionString);
        foreach (var script in applied)
        {
            logger.LogInformation("Applied schema script {Script}", script);
        }

        await EnsureDataProtectionKeyAsync(app.Services, connectionString);

        if (!loadSampleData || !LoadsSampleData(app.Configuration, app.Environment))
        {
            return;
        }

        var folder = SampleDataSeeder.FindDataFolder(app.Configuration["SampleData:Path"], app.Environment.ContentRootPath);
        if (folder is null)
        {
            logger.LogWarning("No data/ folder with a catalogue was found above {Root}; no sample data loaded.", app.Environment.ContentRootPath);
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SampleDataSeeder>().SeedAsync(folder);
        await PublishSampleReportsAsync(scope.ServiceProvider, app.Configuration["SampleData:PublishQuarter"] ?? "Q1 2021/22", logger);
    }

    /// <summary>
    /// Makes sure the shared key ring has a key before this instance serves anything. Without this, instances started
    /// together on a new database could each make a key of their own and, for a while, refuse each other's cookies.
    /// An advisory lock lets one instance at a time look: the first makes the key, the rest find it.
    /// </summary>
    private static async Task EnsureDataProtectionKeyAsync(IServiceProvider services, string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var take = new NpgsqlCommand($"select pg_advisory_lock({AdvisoryLocks.DataProtectionKey})", connection))
        {
            await take.ExecuteNonQueryAsync();
        }

        try
        {
            // Protecting anything loads the key ring from PostgreSQL and, if it is empty, creates and stores a key.
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector("LeicsPerformance.Startup").Protect([1]);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({AdvisoryLocks.DataProtectionKey})", connection);
            await release.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// So that a new user sees a published committee report on first run (viewers see only published ones), the sample
    /// data publishes each committee's report for one quarter, once. Its figures are the illustrative quarterly sample,
    /// and every page showing them says so.
    /// </summary>
    private static async Task PublishSampleReportsAsync(IServiceProvider services, string quarterText, ILogger logger)
    {
        if (!ReportingPeriod.TryParse(quarterText, out var quarter) || quarter.Kind != PeriodKind.FinancialQuarter)
        {
            logger.LogWarning("SampleData:PublishQuarter '{Quarter}' is not a quarter; no sample report published.", quarterText);
            return;
        }

        var committees = services.GetRequiredService<CommitteeQueries>();
        var publishing = services.GetRequiredService<CommitteeReportPublishing>();
        foreach (var item in await committees.ListAsync(DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime)))
        {
            var committee = item.Committee;
            if (await publishing.PublishedAsync(committee.Id, quarter) is not null)
            {
                continue;
            }

            if (await publishing.PublishAsync(committee, quarter, "sample data (illustrative)") is not null)
            {
                logger.LogInformation("Published the sample {Quarter} report for {Committee}", quarter.Label, committee.Slug);
            }
        }
    }
}

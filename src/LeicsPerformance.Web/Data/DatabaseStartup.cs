using LeicsPerformance.Web.Imports;

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

    public static async Task PrepareDatabaseAsync(this WebApplication app, bool loadSampleData = true)
    {
        var connectionString = ConnectionString(app.Configuration);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LeicsPerformance.Startup");
        var applied = await SchemaMigrator.MigrateAsync(connectionString);
        foreach (var script in applied)
        {
            logger.LogInformation("Applied schema script {Script}", script);
        }

        if (!loadSampleData || !app.Configuration.GetValue("SampleData:Load", true))
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
    }
}

using LeicsPerformance.Web.Imports;

namespace LeicsPerformance.Web.Data;

/// <summary>At start-up: create and migrate the database, then load the sample data if configured to.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var connectionString = app.Configuration.GetConnectionString("Performance")!;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LeicsPerformance.Startup");
        var applied = await SchemaMigrator.MigrateAsync(connectionString);
        foreach (var script in applied)
        {
            logger.LogInformation("Applied schema script {Script}", script);
        }

        if (!app.Configuration.GetValue("SampleData:Load", true))
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

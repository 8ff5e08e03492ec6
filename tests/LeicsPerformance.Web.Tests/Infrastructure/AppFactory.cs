using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LeicsPerformance.Web.Tests.Infrastructure;

/// <summary>The real app, in memory, against a given PostgreSQL database (with any settings a test needs on top).</summary>
public sealed class AppFactory(string connectionString, bool loadSampleData = false, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    static AppFactory()
    {
        // Each host would otherwise watch appsettings*.json for changes; dozens of hosts in one test run exhaust the
        // machine's inotify instances (128 per user by default). Tests never edit configuration files.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Performance", connectionString);
        builder.UseSetting("SampleData:Load", loadSampleData ? "true" : "false");
        builder.UseSetting("SampleData:Path", Path.Combine(TestDatabase.RepositoryRoot(), "data"));
        // Tests talk plain HTTP, as in Development; HttpsTests turn this on.
        builder.UseSetting("Https:Required", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}

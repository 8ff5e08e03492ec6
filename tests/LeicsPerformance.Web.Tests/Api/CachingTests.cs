using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.Infrastructure;

namespace LeicsPerformance.Web.Tests.Api;

/// <summary>Pages and API answers are cached for anonymous readers; a committed load must show at once all the same.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class CachingTests(TestDatabase database) : IAsyncLifetime
{
    private string connectionString = string.Empty;
    private AppFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        connectionString = await database.CreateCopyAsync();
        factory = new AppFactory(connectionString);
        client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    private async Task<string> Ff02Async()
    {
        var dashboard = await client.GetFromJsonAsync<JsonElement>("/api/dashboards/fair-funding?period=2017/18");
        return dashboard.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "FF02")
            .GetProperty("current").GetProperty("display").GetString()!;
    }

    [Fact]
    public async Task A_committed_correction_is_visible_on_the_next_request_despite_the_cache()
    {
        (await Ff02Async()).Should().Be("£504");
        (await Ff02Async()).Should().Be("£504");
        var page = await client.GetStringAsync(new Uri("/dashboards/fair-funding?period=2017/18", UriKind.Relative));
        page.Should().Contain("£504");

        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            var importer = new ReturnImporter(db);
            var plan = await importer.PlanAsync("correction.csv", Encoding.UTF8.GetBytes("indicator_code,period,value\nFF02,2017/18,£511\n"));
            await new ReturnWriter(db).CommitAsync(plan, LoadKind.Upload, "test");
        }

        // Written outside the app (as another instance would): seen once its notification arrives.
        (await Soon.AnswerAsync(Ff02Async, "£511")).Should().Be("£511");
        (await client.GetStringAsync(new Uri("/dashboards/fair-funding?period=2017/18", UriKind.Relative))).Should().Contain("£511");
    }
}

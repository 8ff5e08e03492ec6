using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeicsPerformance.Web.Tests.Infrastructure;

namespace LeicsPerformance.Web.Tests.Api;

/// <summary>The council's own printed headline figures, reproduced from the loaded sample data through the API.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class HeadlineApiTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task Summary_for_2017_18_excluding_schools_and_crime_reproduces_the_compendium_headline()
    {
        var summary = await Client.GetFromJsonAsync<JsonElement>(
            "/api/summary?period=2017/18&exclude=opportunity-school-and-academy-performance,keeping-people-safe-police-and-crime");

        summary.GetProperty("total").GetInt32().Should().Be(191);
        summary.GetProperty("improved").GetInt32().Should().Be(76);
        summary.GetProperty("noRealChange").GetInt32().Should().Be(36);
        summary.GetProperty("worse").GetInt32().Should().Be(59);
        summary.GetProperty("notDetermined").GetInt32().Should().Be(20);
        summary.GetProperty("sentence").GetString().Should().StartWith("Out of 191 metrics, 76 improved (44%), 36 saw no real change (21%) and 59 (35%) got worse.");
    }

    [Fact]
    public async Task Summary_counts_always_add_up_for_every_dashboard()
    {
        var dashboards = await Client.GetFromJsonAsync<JsonElement[]>("/api/dashboards");
        dashboards.Should().HaveCount(16);
        foreach (var item in dashboards!)
        {
            var dashboard = await Client.GetFromJsonAsync<JsonElement>($"/api/dashboards/{item.GetProperty("slug").GetString()}?period=2017/18");
            var s = dashboard.GetProperty("summary");
            var rows = dashboard.GetProperty("rows").EnumerateArray().Count(r => r.GetProperty("current").ValueKind != JsonValueKind.Null);
            rows.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(item.GetProperty("indicatorCount").GetInt32());
            s.GetProperty("total").GetInt32().Should().Be(rows, "the counts are of the indicators with a value for the period");
            (s.GetProperty("improved").GetInt32() + s.GetProperty("noRealChange").GetInt32() + s.GetProperty("worse").GetInt32() + s.GetProperty("notDetermined").GetInt32())
                .Should().Be(rows);
            var q = s.GetProperty("quartiles");
            (q.GetProperty("1").GetInt32() + q.GetProperty("2").GetInt32() + q.GetProperty("3").GetInt32() + q.GetProperty("4").GetInt32() + s.GetProperty("withoutQuartile").GetInt32())
                .Should().Be(rows);
        }
    }

    [Fact]
    public async Task Leicestershire_core_spending_power_is_147th_of_150_and_27th_of_27_county_councils()
    {
        var all = await Client.GetFromJsonAsync<JsonElement>("/api/indicators/FF01/benchmark?period=2018/19&group=upper-tier-authorities");
        all.GetProperty("rank").GetInt32().Should().Be(147);
        all.GetProperty("groupSize").GetInt32().Should().Be(150);
        all.GetProperty("quartile").GetInt32().Should().Be(4);

        var counties = await Client.GetFromJsonAsync<JsonElement>("/api/indicators/FF01/benchmark?period=2018/19&group=county-councils");
        counties.GetProperty("rank").GetInt32().Should().Be(27);
        counties.GetProperty("groupSize").GetInt32().Should().Be(27);
        counties.GetProperty("quartile").GetInt32().Should().Be(4);
        counties.GetProperty("explanation").GetString().Should().Contain("ranks 27 of 27");
    }

    [Fact]
    public async Task Dashboard_rows_explain_their_direction_with_values_and_polarity()
    {
        var dashboard = await Client.GetFromJsonAsync<JsonElement>("/api/dashboards/strong-economy-employment-and-skills?period=2017/18");
        var claimants = dashboard.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("title").GetString()!.StartsWith("% Out", StringComparison.Ordinal));

        claimants.GetProperty("direction").GetString().Should().Be("worse");
        claimants.GetProperty("computedDirection").GetString().Should().Be("worse");
        claimants.GetProperty("directionReason").GetString().Should().Be("0.8% → 1.0%, lower is better: got worse.");
        claimants.GetProperty("polarity").GetString().Should().Be("low");
        claimants.GetProperty("quartile").GetString().Should().Be("1st");
    }

    [Theory]
    [InlineData("/api/dashboards/no-such-dashboard?period=2017/18", HttpStatusCode.NotFound)]
    [InlineData("/api/dashboards/fair-funding?period=banana", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators/NOPE/benchmark?period=2018/19", HttpStatusCode.NotFound)]
    public async Task Bad_requests_get_a_problem_response(string url, HttpStatusCode expected)
    {
        var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(expected);
        (await response.Content.ReadAsStringAsync()).Should().Contain("title");
    }
}

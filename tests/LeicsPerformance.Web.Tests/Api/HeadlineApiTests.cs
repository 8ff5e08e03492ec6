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
    public async Task Summary_for_2021_22_excluding_schools_and_police_reproduces_the_compendium_headline()
    {
        var summary = await Client.GetFromJsonAsync<JsonElement>(
            "/api/summary?period=2021/22&exclude=improved-opportunities-school-and-academy-performance-2021-22,safe-police-and-crime-2021-22");

        // Printed (Cabinet, 25 November 2022): "of 202 metrics 91 improved, 38 showed no real change and 73 worsened …
        // cannot be determined for 19 indicators".
        summary.GetProperty("improved").GetInt32().Should().Be(91);
        summary.GetProperty("noRealChange").GetInt32().Should().Be(38);
        summary.GetProperty("worse").GetInt32().Should().Be(73);
        summary.GetProperty("notDetermined").GetInt32().Should().Be(19);
        summary.GetProperty("total").GetInt32().Should().Be(221);
    }

    [Theory]
    // The arrows of each printed 2021/22 table: improved, no real change, worse, cannot be determined
    [InlineData("fair-funding-2021-22", 6, 3, 3, 1)]
    [InlineData("strong-economy-growth-and-investment-2021-22", 6, 1, 5, 2)]
    [InlineData("strong-economy-employment-and-skills-2021-22", 5, 2, 3, 0)]
    [InlineData("strong-economy-housing-2021-22", 3, 1, 2, 1)]
    [InlineData("improved-opportunities-best-start-in-life-2021-22", 5, 1, 5, 2)]
    [InlineData("improved-opportunities-school-and-academy-performance-2021-22", 3, 1, 1, 7)]
    [InlineData("strong-economy-transport-2021-22", 7, 1, 9, 0)]
    [InlineData("safe-and-well-hospital-discharge-and-reablement-2021-22", 3, 0, 7, 0)]
    [InlineData("safe-and-well-health-and-care-2021-22", 4, 6, 5, 0)]
    [InlineData("safe-and-well-public-health-2021-22", 12, 3, 6, 4)]
    [InlineData("safe-and-well-mental-health-2021-22", 4, 1, 2, 0)]
    [InlineData("improved-opportunities-safeguarding-children-and-families-2021-22", 5, 5, 8, 2)]
    [InlineData("safe-safer-communities-2021-22", 5, 1, 6, 1)]
    [InlineData("safe-police-and-crime-2021-22", 0, 5, 5, 0)]
    [InlineData("clean-and-green-environment-and-waste-2021-22", 14, 3, 3, 3)]
    [InlineData("great-communities-2021-22", 10, 4, 2, 2)]
    [InlineData("enabling-services-2021-22", 2, 6, 7, 1)]
    public async Task Each_2021_22_dashboard_counts_its_printed_arrows(string slug, int improved, int same, int worse, int undetermined)
    {
        var dashboard = await Client.GetFromJsonAsync<JsonElement>($"/api/dashboards/{slug}?period=2021/22");
        var s = dashboard.GetProperty("summary");

        s.GetProperty("improved").GetInt32().Should().Be(improved);
        s.GetProperty("noRealChange").GetInt32().Should().Be(same);
        s.GetProperty("worse").GetInt32().Should().Be(worse);
        s.GetProperty("notDetermined").GetInt32().Should().Be(undetermined);
    }

    [Fact]
    public async Task Dashboards_for_a_period_are_those_of_the_edition_in_force()
    {
        var current = await Client.GetFromJsonAsync<JsonElement[]>("/api/dashboards?period=2021/22");
        current.Should().HaveCount(17);
        current!.Select(d => d.GetProperty("title").GetString()).Should().Contain("Safe & Well \u2010 Public Health");

        // 2018/19 falls between the editions: the latest one that started before it (2017/18)
        var between = await Client.GetFromJsonAsync<JsonElement[]>("/api/dashboards?period=2018/19");
        between.Should().HaveCount(16);
    }

    [Fact]
    public async Task Summary_counts_always_add_up_for_every_dashboard()
    {
        var dashboards = await Client.GetFromJsonAsync<JsonElement[]>("/api/dashboards?period=2017/18");
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

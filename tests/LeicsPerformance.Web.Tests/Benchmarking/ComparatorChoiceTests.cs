using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.IndicatorPages;
using LeicsPerformance.Web.Tests.Infrastructure;

namespace LeicsPerformance.Web.Tests.Benchmarking;

/// <summary>Choosing the comparators (group=) on the API, the dashboard and the indicator page; long trends beside England and the median.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ComparatorChoiceTests(TestDatabase database) : AppTest(database)
{
    private static readonly string OnsFolder = Path.Combine(TestDatabase.RepositoryRoot(), "data", "ons");

    // KS2 in 2023/24 (DfE via ONS): every authority has a figure. Groups in force from April 2023: 21 county councils,
    // 151 upper-tier authorities, 10 East Midlands authorities, and Leicestershire with its 16 ONS similar areas that
    // are upper-tier authorities (of its 20 nearest neighbours, 4 are districts).
    [Theory]
    [InlineData("county-councils", 21)]
    [InlineData("upper-tier-authorities", 151)]
    [InlineData("east-midlands", 10)]
    [InlineData("region", 10)]
    [InlineData("similar-areas", 17)]
    public async Task The_benchmark_api_ranks_against_the_chosen_group(string group, int n)
    {
        var benchmark = await Client.GetFromJsonAsync<JsonElement>($"/api/indicators/SA05/benchmark?period=AY2023&group={group}");

        benchmark.GetProperty("groupSize").GetInt32().Should().Be(n);
        benchmark.GetProperty("members").GetArrayLength().Should().Be(n);
        benchmark.GetProperty("members").EnumerateArray().Should().Contain(e => e.GetProperty("areaCode").GetString() == "leicestershire");
        benchmark.GetProperty("explanation").GetString().Should().MatchRegex($@"ranks \d+ of {n} ");
    }

    [Fact]
    public async Task Without_a_group_the_benchmark_uses_the_catalogues_group()
    {
        var benchmark = await Client.GetFromJsonAsync<JsonElement>("/api/indicators/SA05/benchmark?period=AY2023");

        benchmark.GetProperty("group").GetString().Should().Be("county-councils", "the catalogue's group for SA05");
    }

    [Theory]
    [InlineData("/api/indicators/SA05/benchmark?group=districts")]
    [InlineData("/api/dashboards/opportunity-school-and-academy-performance?group=districts")]
    public async Task An_unknown_group_is_refused_with_the_choices_named(string url)
    {
        var response = await Client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var title = problem.GetProperty("title").GetString();
        title.Should().Contain("'districts' is not a comparator group").And.Contain("county-councils").And.Contain("similar-areas");
    }

    [Fact]
    public async Task The_dashboard_page_refuses_an_unknown_group_in_words()
    {
        var response = await Client.GetAsync("/dashboards/opportunity-school-and-academy-performance?group=districts");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("'districts' is not a comparator group");
    }

    [Fact]
    public async Task The_dashboard_offers_the_groups_and_ranks_against_the_one_chosen()
    {
        var page = await PageReader.PageAsync(Client, "/dashboards/opportunity-school-and-academy-performance?period=AY2023&group=east-midlands");

        var select = page.QuerySelector("form select#group")!;
        select.Should().NotBeNull("a keyboard-usable picker: a select in the GET form, with its label");
        page.QuerySelector("label[for=group]").Should().NotBeNull();
        select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).Should()
            .Contain(["", "county-councils", "upper-tier-authorities", "east-midlands", "similar-areas"]);
        select.QuerySelector("option[selected]")!.GetAttribute("value").Should().Be("east-midlands");

        var api = await Client.GetFromJsonAsync<JsonElement>("/api/dashboards/opportunity-school-and-academy-performance?period=AY2023&group=east-midlands");
        var ks2 = api.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "SA05");
        ks2.GetProperty("quartileReason").GetString().Should().MatchRegex(@"ranks \d+ of 10 east midlands upper-tier authorities");
    }

    [Fact]
    public async Task The_trend_table_has_england_and_the_comparator_median_for_every_period()
    {
        var page = await PageReader.PageAsync(Client, "/indicators/SA05");
        var header = page.QuerySelectorAll("#trend-table thead th").Select(PageReader.Text).ToList();
        header.Should().Contain("England").And.Contain("Median of county councils");

        // England's figure for 2023/24 as the shipped file has it.
        using var stream = File.OpenRead(Path.Combine(OnsFolder, "ks2-reading-writing-maths-expected-standard.csv"));
        var file = CsvTable.Read("ks2.csv", stream, ["areacd"]);
        var englandValue = decimal.Parse(
            file.Rows.Single(r => r["areacd"] == "E92000001" && r["period"] == "2023-09-01T00:00:00/P1Y")["observation"],
            CultureInfo.InvariantCulture);

        var rows = PageReader.BodyRows(page, "trend-table");
        var englandColumn = header.IndexOf("England");
        var medianColumn = header.FindIndex(h => h.StartsWith("Median of", StringComparison.Ordinal));
        rows.Count(r => r[englandColumn] != "Not held").Should().BeGreaterThanOrEqualTo(6, "a long trend: England for every year of the series");
        var latest = rows.Single(r => r[0].StartsWith("2023/24", StringComparison.Ordinal));
        decimal.Parse(latest[englandColumn].TrimEnd('%'), CultureInfo.InvariantCulture).Should().Be(englandValue);
        latest[medianColumn].Should().MatchRegex(@"^\d+(\.\d)?% \(of 21\)$");

        var chart = page.QuerySelector("script[type='application/json'][id^=trend-]")!.TextContent;
        var data = JsonDocument.Parse(chart).RootElement;
        data.GetProperty("comparisons").EnumerateArray().Select(c => c.GetProperty("label").GetString()).Should().Equal("England", "Median of county councils");
        data.GetProperty("beginAtZero").GetBoolean().Should().BeTrue("a percentage is charted from zero");
        page.QuerySelector("#trend-axis-note").Should().BeNull();
    }

    [Fact]
    public async Task A_chart_not_starting_at_zero_says_why()
    {
        var page = await PageReader.PageAsync(Client, "/indicators/ES12-ONS");
        var data = JsonDocument.Parse(page.QuerySelector("script[type='application/json'][id^=trend-]")!.TextContent).RootElement;

        data.GetProperty("beginAtZero").GetBoolean().Should().BeFalse("median pay in pounds is not a count or a rate");
        PageReader.Text(page.QuerySelector("#trend-axis-note")!).Should().Contain("does not start at zero");
    }
}

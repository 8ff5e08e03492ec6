using System.Net.Http.Json;
using System.Text.Json;
using LeicsPerformance.Web.Tests.Infrastructure;

namespace LeicsPerformance.Web.Tests.IndicatorPages;

/// <summary>A measure's trend runs across the 2017/18 and 2021/22 editions through the reviewed lineage.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class LineageTrendTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task Core_spending_power_per_head_runs_from_2016_17_to_2021_22_under_one_indicator()
    {
        var indicator = await Client.GetFromJsonAsync<JsonElement>("/api/indicators/FN01");

        var series = indicator.GetProperty("series").EnumerateArray()
            .Select(p => (Period: p.GetProperty("periodLabel").GetString(), Value: p.GetProperty("value").GetDecimal(), PrintedAs: p.GetProperty("printedAs").GetString()))
            .ToList();
        series.Should().Equal(
            ("2016/17", 653m, "FF01"),
            ("2017/18", 677m, "FF01"),
            ("2018/19", 677m, "FF01"),
            ("2020/21", 761m, "FN01"),
            ("2021/22", 789m, "FN01"));
        indicator.GetProperty("continues")[0].GetProperty("code").GetString().Should().Be("FF01");

        var earlier = await Client.GetFromJsonAsync<JsonElement>("/api/indicators/FF01");
        earlier.GetProperty("continuedBy").GetProperty("code").GetString().Should().Be("FN01");
        earlier.GetProperty("series").EnumerateArray().Select(p => p.GetProperty("printedAs").GetString()).Should().OnlyContain(c => c == "FF01",
            "an earlier indicator's own series stays its own");
    }

    [Fact]
    public async Task The_indicator_page_charts_and_lists_the_earlier_editions_figures_and_links_both_ways()
    {
        var page = await PageReader.PageAsync(Client, "/indicators/FN01");

        var rows = PageReader.BodyRows(page, "trend-table");
        rows.Select(r => r[0].Replace(" (shown above)", string.Empty)).Should().Equal("2016/17", "2017/18", "2018/19", "2020/21", "2021/22");
        rows[0].Should().Contain(c => c.Contains("Printed as FF01 in the 2017/18 compendium."));
        PageReader.Text(page.GetElementById("trend-summary")!).Should().StartWith("From 2016/17 to 2021/22 the value rose from £653 to £789");
        page.QuerySelector("#lineage a[href$='/indicators/FF01']").Should().NotBeNull();

        var earlier = await PageReader.PageAsync(Client, "/indicators/FF01");
        earlier.QuerySelector("#lineage a[href$='/indicators/FN01']").Should().NotBeNull();
    }

    [Fact]
    public async Task Across_a_changed_definition_the_earlier_figures_are_listed_but_not_compared()
    {
        // A level points moved to a new scale: 212.6 printed for 2017/18 (SA13), 40.2 for 2020/21 (SP08).
        var page = await PageReader.PageAsync(Client, "/indicators/SP08");

        var rows = PageReader.BodyRows(page, "trend-table");
        rows.Should().Contain(r => r[0] == "2017/18" && r.Any(c => c.Contains("Printed as SA13 in the 2017/18 compendium, under an earlier definition")));
        var summary = PageReader.Text(page.GetElementById("trend-summary")!);
        summary.Should().StartWith("The definition changed since SA13, so its figures (2016/17 to 2017/18) are listed but not compared with later ones.");
        summary.Should().NotContain("212.6 to 40.2").And.NotContain("deterioration");

        var chart = JsonDocument.Parse(PageReader.Text(page.GetElementById("trend-SP08")!)).RootElement;
        var values = chart.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value")).ToList();
        values.Take(2).Should().OnlyContain(v => v.ValueKind == JsonValueKind.Null, "a figure under the earlier definition is not drawn on the line");
    }
}

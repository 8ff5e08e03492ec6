using System.Net;
using System.Text.Json;
using LeicsPerformance.Web.Tests.Infrastructure;

namespace LeicsPerformance.Web.Tests.IndicatorPages;

/// <summary>The funding page (/funding): Core Spending Power per head ranked, "if we were funded like X", spend per head by service.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class FundingPageTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task Compared_with_Camden_Leicestershire_would_have_330m_more_a_year_and_the_page_shows_the_working()
    {
        var page = await PageReader.PageAsync(Client, "/funding?compare=camden");

        PageReader.Text(page.GetElementById("comparison-sentence")!).Should()
            .Be("If Leicestershire were funded like Camden it would have £330m more a year.");
        PageReader.Text(page.GetElementById("comparison-formula")!).Should()
            .StartWith("(£1,160 \u2212 £677) \u00d7 683,000 = £329,889,000");
        PageReader.Text(page.Body!).Should().Contain("Population: 683,000 (2017).");
        page.QuerySelector("#compare option[selected]")!.GetAttribute("value").Should().Be("camden");
        PageReader.ShouldBeAccessibleAndCspClean(page);
    }

    [Fact]
    public async Task Compared_with_an_authority_funded_below_Leicestershire_the_sentence_says_less()
    {
        var page = await PageReader.PageAsync(Client, "/funding?compare=york");

        // (645 − 677) × 683,000 = −21,856,000
        PageReader.Text(page.GetElementById("comparison-sentence")!).Should()
            .Be("If Leicestershire were funded like York it would have £21.9m less a year.");
        PageReader.Text(page.GetElementById("comparison-formula")!).Should().StartWith("(£645 \u2212 £677) \u00d7 683,000 = \u2212£21,856,000");
    }

    [Fact]
    public async Task By_default_the_page_shows_2018_19_for_all_150_upper_tier_authorities_with_Leicestershire_147th()
    {
        var page = await PageReader.PageAsync(Client, "/funding");

        page.QuerySelector("#period option[selected]")!.TextContent.Should().Be("2018/19");
        page.QuerySelectorAll("#period option").Should().HaveCount(1, "only 2018/19 holds figures for more than one authority");
        page.QuerySelector("#group option[selected]")!.GetAttribute("value").Should().Be("upper-tier-authorities");
        PageReader.Text(page.GetElementById("rank-sentence")!).Should()
            .StartWith("Leicestershire is ranked 147 of 150 upper-tier authorities for Core Spending Power per head in 2018/19")
            .And.Contain("4th quartile");

        var rows = PageReader.BodyRows(page, "funding-table");
        rows.Should().HaveCount(150);
        rows[1].Should().Equal("2", "Camden", "London borough", "£1,160", "£483", "£329.9m", "1st quartile");
        rows.Single(r => r[1].StartsWith("Leicestershire", StringComparison.Ordinal))
            .Should().Equal("147", "Leicestershire (this council)", "County council", "£677", "£0", "£0.0m", "4th quartile");
        rows[^1].Should().Equal("150", "Windsor and Maidenhead", "Unitary authority", "£621", "\u2212£56", "\u2212£38.2m", "4th quartile");

        // "Compare with" offers every authority held except Leicestershire itself; the default is the best funded.
        page.QuerySelectorAll("#compare option").Should().HaveCount(149);
        page.QuerySelector("#compare option[selected]")!.GetAttribute("value").Should().Be("kensington-and-chelsea");
    }

    [Fact]
    public async Task Among_county_councils_Leicestershire_is_27th_of_27()
    {
        var page = await PageReader.PageAsync(Client, "/funding?period=2018/19&group=county-councils&compare=surrey");

        PageReader.Text(page.GetElementById("rank-sentence")!).Should()
            .StartWith("Leicestershire is ranked 27 of 27 county councils");
        var rows = PageReader.BodyRows(page, "funding-table");
        rows.Should().HaveCount(27);
        rows[^1][0].Should().Be("27");
        rows[^1][1].Should().Be("Leicestershire (this council)");
        PageReader.Text(page.GetElementById("comparison-sentence")!).Should()
            .Be("If Leicestershire were funded like Surrey it would have £99.7m more a year.");

        using var chart = JsonDocument.Parse(page.GetElementById("benchmark-funding")!.TextContent);
        chart.RootElement.GetProperty("bars").GetArrayLength().Should().Be(27);
        chart.RootElement.GetProperty("highlightLabel").GetString().Should().Be("Leicestershire");
    }

    [Theory]
    [InlineData("upper-tier-authorities", 150)]
    [InlineData("county-councils", 27)]
    public async Task The_ranking_csv_rows_equal_the_table(string group, int count)
    {
        var page = await PageReader.PageAsync(Client, $"/funding?period=2018/19&group={group}");
        var table = PageReader.BodyRows(page, "funding-table");
        var (header, rows, _) = await PageReader.CsvAsync(Client, $"/funding/csv?period=2018/19&group={group}");

        header.Should().Equal("period", "comparator_group", "rank", "area_code", "authority", "csp_per_head", "difference_to_home_per_head", "additional_funding_if_home_funded_at_same_level", "quartile");
        rows.Should().HaveCount(count).And.HaveCount(table.Count);
        rows.Select(r => (r[2], r[4])).Should().Equal(table.Select(r => (r[0], r[1].Replace(" (this council)", string.Empty, StringComparison.Ordinal))));
        page.QuerySelector("a[href^='/funding/csv']")!.GetAttribute("href").Should().Be($"/funding/csv?period=2018-19&group={group}");

        var camden = rows.SingleOrDefault(r => r[3] == "camden");
        if (camden is not null)
        {
            camden[5].Should().Be("1160");
            camden[6].Should().Be("483");
            camden[7].Should().Be("329889000");
        }

        rows.Single(r => r[3] == "leicestershire")[7].Should().Be("0");
    }

    [Fact]
    public async Task Spend_per_head_by_service_lists_the_other_per_head_indicators_with_their_reported_quartiles()
    {
        var page = await PageReader.PageAsync(Client, "/funding");

        var rows = PageReader.BodyRows(page, "services-table");
        rows.Select(r => r[0]).Should().Equal(
            "Net expenditure per head of population",
            "Education \u2010 expenditure per head of population",
            "Adult Social Care \u2010 expenditure per head of population",
            "Children's Social Care \u2010 expenditure per head of population",
            "Public Health \u2010 expenditure per head of population",
            "Highways & Transport \u2010 expenditure per head of population",
            "Environment & Regulatory \u2010 expenditure per head of population",
            "Culture \u2010 expenditure per head of population");
        rows[0].Should().Equal("Net expenditure per head of population", "£504", "£502", "→ No real change", "4th quartile");
        rows[1][4].Should().Be("4th quartile");
        rows[5][4].Should().Be("3rd quartile");
        page.QuerySelector("#services-table a")!.GetAttribute("href").Should().Be("/indicators/FF02?period=2017-18");
        PageReader.Text(page.Body!).Should().Contain("5 of these 8 are in the 4th quartile.");
    }

    [Fact]
    public async Task An_unknown_authority_or_group_is_said_plainly_and_the_default_shown()
    {
        var page = await PageReader.PageAsync(Client, "/funding?compare=atlantis&group=martians");

        PageReader.Text(page.Body!).Should().Contain("No Core Spending Power figure is held for “atlantis” in 2018/19.");
        PageReader.Text(page.Body!).Should().Contain("There is no comparator group “martians”");
        PageReader.BodyRows(page, "funding-table").Should().HaveCount(150);
    }

    [Theory]
    [InlineData("/funding?period=banana", HttpStatusCode.BadRequest)]
    [InlineData("/funding/csv?period=2018/19&group=martians", HttpStatusCode.NotFound)]
    [InlineData("/funding/csv?period=2017/18", HttpStatusCode.NotFound)]
    public async Task Bad_requests_are_refused(string url, HttpStatusCode expected)
    {
        var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(expected);
    }
}

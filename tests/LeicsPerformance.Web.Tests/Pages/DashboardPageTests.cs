using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeicsPerformance.Web.Tests.Infrastructure;
using Npgsql;

namespace LeicsPerformance.Web.Tests.Pages;

/// <summary>The theme dashboard page, its filters and its CSV download, read as HTML.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class DashboardPageTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly string[] DirectionWords = ["Improved", "No real change", "Got worse", "Cannot be determined"];

    private AppFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await database.CreateCopyAsync();

        // A commentary someone pasted markup into: it must show as text, never run.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "update indicator_assessment set commentary = 'Pasted <script>alert(\"x\")</script> from a return.' " +
                "where indicator_id = (select id from indicator where code = 'FF12')",
                connection);
            (await command.ExecuteNonQueryAsync()).Should().BeGreaterThan(0);
        }

        factory = new AppFactory(connectionString);
        client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task Fair_funding_2017_18_has_13_rows_each_with_a_direction_in_words_and_its_reason()
    {
        var page = await client.GetPageAsync("/dashboards/fair-funding?period=2017/18");
        var api = await client.GetFromJsonAsync<JsonElement>("/api/dashboards/fair-funding?period=2017/18");
        var expected = api.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);

        page.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Document.ShouldBeAccessibleAndCspClean();
        page.Document.QuerySelector("h1")!.Words().Should().Be("Fair Funding 2017/18");
        var rows = page.Document.IndicatorRows();
        rows.Should().HaveCount(13);
        rows.Select(r => r.GetAttribute("data-code")).Should().Equal(expected.Keys);

        foreach (var row in rows)
        {
            var code = row.GetAttribute("data-code")!;
            var direction = row.QuerySelector("[data-column=direction]")!;
            var words = direction.QuerySelector(".app-direction__words")!.Words();
            words.Should().BeOneOf(DirectionWords);
            words.ToLowerInvariant().Should().Be(ApiWords(expected[code].GetProperty("direction").GetString()!));
            direction.QuerySelector(".app-direction__arrow")!.GetAttribute("aria-hidden").Should().Be("true", "the arrow is decoration; the words carry the meaning");

            // The reason is in the DOM, tied to the focusable badge for screen readers.
            var term = direction.QuerySelector(".app-explain__term")!;
            term.GetAttribute("tabindex").Should().Be("0");
            term.DescribedBy(page.Document).Should().Be(expected[code].GetProperty("directionReason").GetString());

            var quartile = row.QuerySelector("[data-column=quartile] .app-explain__term")!;
            quartile.DescribedBy(page.Document).Should().Be(expected[code].GetProperty("quartileReason").GetString());
            var label = expected[code].GetProperty("quartile");
            quartile.Words().Should().Be(label.ValueKind == JsonValueKind.Null ? "No quartile" : label.GetString() + " quartile");

            row.QuerySelector("th[scope=row] a")!.GetAttribute("href").Should().Be($"/indicators/{code}?period=2017-18");
            row.QuerySelector("[data-column=polarity]")!.Words().Should().BeOneOf("Higher is better", "Lower is better", "No polarity");
        }

        // FF01: in the Strategic Plan, £677 against £653, the council's words for the target.
        var ff01 = rows.Single(r => r.GetAttribute("data-code") == "FF01");
        ff01.QuerySelector(".govuk-visually-hidden")!.Words().Should().Be("In the Strategic Plan");
        ff01.QuerySelector("[data-column=current]")!.Words().Should().Be("£677");
        ff01.QuerySelector("[data-column=previous]")!.Words().Should().Be("£653");
        ff01.QuerySelector("[data-column=target]")!.Words().Should().Be("Fair Funding");

        // Targets say met or not met in words.
        rows.Single(r => r.GetAttribute("data-code") == "FF13").QuerySelector("[data-column=target]")!.Words().Should().EndWith("Not met");
        rows.Single(r => r.GetAttribute("data-code") == "FF10").QuerySelector("[data-column=target]")!.Words().Should().EndWith("Met");

        // Markers are words with a symbol, never colour alone.
        var issues = page.Document.QuerySelectorAll(".app-dashboard-table .app-marker--issue").ToList();
        issues.Should().NotBeEmpty();
        issues.Should().OnlyContain(m => m.Words() == "Performance issue");

        page.Document.QuerySelector(".app-comparator-note")!.Words().Should().Be("Notes: Comparators are other county councils.");
    }

    [Fact]
    public async Task Narrative_and_counts_are_generated_from_the_rows()
    {
        var page = await client.GetPageAsync("/dashboards/fair-funding?period=2017/18");

        var narrative = page.Document.QuerySelector(".app-narrative")!.Words();
        narrative.Should().StartWith("Looking at the 13 indicators, 6 showed improvement compared to the previous period, while 4 displayed a decline in performance and 1 showed no change. The direction of travel could not be determined for 2 indicators.");
        narrative.Should().Contain("The 4 indicators showing a decline are Education ‐ expenditure per head of population, Public Health ‐ expenditure per head of population, Environment & Regulatory ‐ expenditure per head of population and % agree County Council provides value for money.");

        var counts = page.Document.QuerySelectorAll(".app-summary-counts table").ToList();
        counts.Should().HaveCount(2);
        counts[0].QuerySelector("tfoot td")!.Words().Should().Be("13");
        counts[1].QuerySelector("tfoot td")!.Words().Should().Be("13");
    }

    [Theory]
    [InlineData("direction=worse", "Got worse", 4)]
    [InlineData("direction=improved", "Improved", 6)]
    [InlineData("direction=not-determined", "Cannot be determined", 2)]
    public async Task Direction_filter_shows_only_matching_rows_and_the_counts_say_so(string filter, string words, int expected)
    {
        var page = await client.GetPageAsync($"/dashboards/fair-funding?period=2017/18&{filter}");

        page.Document.ShouldBeAccessibleAndCspClean();
        var rows = page.Document.IndicatorRows();
        rows.Should().HaveCount(expected).And.HaveCountLessThan(13);
        rows.Should().OnlyContain(r => r.QuerySelector("[data-column=direction] .app-direction__words")!.Words() == words);

        var notice = page.Document.QuerySelector(".app-filter-notice")!.Words();
        notice.Should().Contain($"Showing {expected} of 13 indicators");
        notice.Should().Contain($"The counts and summary below cover these {expected} indicators only.");
        page.Document.QuerySelector(".app-narrative")!.Words().Should().StartWith($"Looking at the {expected} indicators,");
        page.Document.QuerySelector(".app-summary-counts table tfoot td")!.Words().Should().Be(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The form shows what is applied.
        page.Document.QuerySelector("#direction option[selected]")!.Words().Should().Be(words);
    }

    [Fact]
    public async Task Quartile_section_and_strategic_plan_filters_combine()
    {
        var all = (await client.GetPageAsync("/dashboards/wellbeing-health-and-care?period=2017/18")).Document.IndicatorRows();
        var page = await client.GetPageAsync("/dashboards/wellbeing-health-and-care?period=2017/18&quartile=4&strategic=true");
        var rows = page.Document.IndicatorRows();

        rows.Should().NotBeEmpty().And.HaveCountLessThan(all.Count);
        rows.Should().OnlyContain(r => r.QuerySelector("[data-column=quartile] .app-quartile--4") != null);
        rows.Should().OnlyContain(r => r.QuerySelector(".govuk-visually-hidden") != null && r.Words().Contains("In the Strategic Plan"));
        page.Document.QuerySelector("#strategic")!.HasAttribute("checked").Should().BeTrue();

        var fairFunding = await client.GetPageAsync("/dashboards/fair-funding?period=2017/18&quartile=none");
        fairFunding.Document.IndicatorRows().Select(r => r.GetAttribute("data-code")).Should().Equal("FF10", "FF12", "FF13");
    }

    [Fact]
    public async Task Unknown_filter_values_are_ignored()
    {
        var page = await client.GetPageAsync("/dashboards/fair-funding?period=2017/18&direction=sideways&quartile=9&section=Nope");
        page.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Document.IndicatorRows().Should().HaveCount(13);
        page.Document.QuerySelector(".app-filter-notice").Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("&direction=worse")]
    [InlineData("&quartile=4&strategic=true")]
    public async Task Csv_download_holds_exactly_the_tables_rows(string filter)
    {
        var page = await client.GetPageAsync($"/dashboards/fair-funding?period=2017/18{filter}");
        var link = page.Document.QuerySelector("a[href*='/csv']")!.GetAttribute("href")!;
        var (bytes, header, rows) = await client.GetCsvAsync(link);

        bytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "Excel needs the BOM to read £ and ‐");
        header.Take(13).Should().Equal(
            "code", "section", "strategic_plan", "description", "quartile", "direction", "current", "current_display",
            "target", "target_status", "previous", "previous_display", "polarity");
        header.Should().Contain(["marker", "commentary"]);
        rows.Select(r => r["code"]).Should().Equal(page.Document.IndicatorRows().Select(r => r.GetAttribute("data-code")));

        foreach (var row in page.Document.IndicatorRows())
        {
            var csv = rows.Single(r => r["code"] == row.GetAttribute("data-code"));
            csv["direction"].Should().Be(row.QuerySelector(".app-direction__words")!.Words().ToLowerInvariant());
            csv["current_display"].Should().Be(row.QuerySelector("[data-column=current]")!.Words());
        }
    }

    [Fact]
    public async Task Csv_numbers_are_invariant_and_text_is_as_shown()
    {
        var (_, _, rows) = await client.GetCsvAsync("/dashboards/fair-funding/csv?period=2017/18");
        var ff01 = rows.Single(r => r["code"] == "FF01");
        ff01["current"].Should().Be("677");
        ff01["current_display"].Should().Be("£677");
        ff01["previous"].Should().Be("653");
        ff01["strategic_plan"].Should().Be("yes");
        ff01["quartile"].Should().Be("4th");
        ff01["direction"].Should().Be("improved");
        ff01["polarity"].Should().Be("Higher is better");
        ff01["section"].Should().Be("Finance & Value For Money");

        var ff10 = rows.Single(r => r["code"] == "FF10");
        decimal.Parse(ff10["current"], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture).Should().Be(17_800_000m);
        ff10["current"].Should().MatchRegex(@"^\d+(\.\d+)?$", "no thousands separators, a full stop for decimals");
        ff10["current_display"].Should().Be("£17.8m");
        ff10["target_status"].Should().Be("met");
        rows.Single(r => r["code"] == "FF13")["target_status"].Should().Be("not met");
    }

    [Fact]
    public async Task Commentary_is_escaped_never_run()
    {
        var page = await client.GetPageAsync("/dashboards/fair-funding?period=2017/18");

        page.Html.Should().Contain("Highways &amp; Transport spend per head is the 8th lowest");
        page.Html.Should().Contain("Pasted &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; from a return.");
        page.Document.QuerySelectorAll("table script").Should().BeEmpty();
        page.Document.IndicatorRows().Single(r => r.GetAttribute("data-code") == "FF12")
            .QuerySelector("[data-column=commentary]")!.Words().Should().Be("Pasted <script>alert(\"x\")</script> from a return.");
    }

    [Fact]
    public async Task Period_picker_lists_the_periods_with_data_and_keeps_the_choice()
    {
        var page = await client.GetPageAsync("/dashboards/fair-funding?period=2016/17");

        var form = page.Document.QuerySelector("form.app-filters")!;
        form.GetAttribute("method").Should().Be("get");
        form.QuerySelector("label[for=period]")!.Words().Should().Be("Period");
        form.QuerySelectorAll("#period option").Select(o => o.GetAttribute("value")).Should().Contain(["2016-17", "2017-18"]);
        form.QuerySelector("#period option[selected]")!.GetAttribute("value").Should().Be("2016-17");
        form.QuerySelector("button[type=submit]").Should().NotBeNull();
        page.Document.QuerySelector("h1")!.Words().Should().Be("Fair Funding 2016/17");
    }

    [Fact]
    public async Task Page_has_breadcrumbs_a_print_button_for_javascript_and_hides_controls_in_print()
    {
        var page = await client.GetPageAsync("/dashboards/fair-funding?period=2017/18");

        page.Document.QuerySelectorAll(".govuk-breadcrumbs a").Select(a => a.Words()).Should().Equal("Overview", "Dashboards", "Fair Funding");
        var print = page.Document.QuerySelector("button[data-app-print]")!;
        print.HasAttribute("hidden").Should().BeTrue("without JavaScript the button could do nothing, so print.js reveals it");
        page.Document.QuerySelector("script[src^='/js/print.js']").Should().NotBeNull();
        page.Document.QuerySelector("form.app-filters")!.ClassList.Should().Contain("app-no-print");
    }

    [Theory]
    [InlineData("/dashboards/no-such-dashboard", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/dashboards/no-such-dashboard/csv?period=2017/18", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/dashboards/fair-funding?period=banana", HttpStatusCode.BadRequest, "There is a problem with the web address")]
    public async Task Bad_addresses_get_a_helpful_page(string url, HttpStatusCode status, string heading)
    {
        var page = await client.GetPageAsync(url);

        page.Response.StatusCode.Should().Be(status);
        page.Document.QuerySelector("h1")!.Words().Should().Be(heading);
        page.Document.ShouldBeAccessibleAndCspClean();
    }

    [Fact]
    public async Task Dashboards_list_shows_every_theme_and_dashboard_with_indicator_counts()
    {
        var page = await client.GetPageAsync("/dashboards");
        var api = await client.GetFromJsonAsync<JsonElement[]>("/api/dashboards");

        page.Document.ShouldBeAccessibleAndCspClean();
        var items = page.Document.QuerySelectorAll(".app-dashboard-list__item").ToList();
        items.Should().HaveCount(api!.Length);
        foreach (var (item, dashboard) in items.Zip(api))
        {
            item.QuerySelector("a")!.GetAttribute("href").Should().Be("/dashboards/" + dashboard.GetProperty("slug").GetString());
            item.QuerySelector("a")!.Words().Should().Be(dashboard.GetProperty("title").GetString());
            var count = dashboard.GetProperty("indicatorCount").GetInt32();
            item.QuerySelector(".app-source")!.Words().Should().Be(count == 1 ? "1 indicator" : $"{count} indicators");
        }

        page.Document.QuerySelectorAll("main h2").Select(h => h.Words()).Should().Equal(api.Select(d => d.GetProperty("theme").GetString()).Distinct());
    }

    private static string ApiWords(string code) => code switch
    {
        "improved" => "improved",
        "noRealChange" => "no real change",
        "worse" => "got worse",
        _ => "cannot be determined",
    };
}

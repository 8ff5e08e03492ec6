using System.Net;
using System.Text;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.Infrastructure;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Pages;

/// <summary>Issue 10, "Finding things": search across editions, definitions and sources, the glossary, the menu and footer.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class FindingThingsTests(TestDatabase database) : AppTest(database)
{
    private static IReadOnlyList<(string Code, string Href)> Hits(PageTestKit.Page page) =>
        page.Document.QuerySelectorAll(".app-search-results__item")
            .Select(li => (li.GetAttribute("data-code")!, li.QuerySelector("a")!.GetAttribute("href")!))
            .ToList();

    [Fact]
    public async Task Broadband_finds_the_broadband_indicators_of_both_editions_each_linked_at_its_own_period()
    {
        var page = await Client.GetPageAsync("/search?q=broadband");

        page.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Document.ShouldBeAccessibleAndCspClean();
        var hits = Hits(page);
        hits.Select(h => h.Code).Should().Contain(["SE03", "SE04", "GI05", "GI06"], "both editions' broadband indicators (ONS datasets may add more)");
        hits.Single(h => h.Code == "SE03").Href.Should().Be("/indicators/SE03?period=2017-18", "a 2017/18 indicator opens at its own latest figure");
        hits.Single(h => h.Code == "GI05").Href.Should().Be("/indicators/GI05?period=2021-22");
        page.Document.QuerySelector(".app-search-results__item[data-code=SE03]")!.Words().Should().Contain("2017/18 compendium");
        page.Document.QuerySelector("#results")!.Words().Should().StartWith($"{hits.Count} indicators found");

        var indicator = await Client.GetPageAsync(hits[0].Href);
        indicator.Response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("se03", "SE03")] // a code, in any case, comes first
    [InlineData("Personalisation", "HC10")] // a section's words
    [InlineData("take‐up free early education 2 year", "BS06")] // every word, the printed hyphen included
    public async Task A_code_or_section_words_find_the_indicator(string query, string expected)
    {
        var page = await Client.GetPageAsync("/search?q=" + Uri.EscapeDataString(query));

        Hits(page).Select(h => h.Code).Should().Contain(expected);
        if (query.Equals(expected, StringComparison.OrdinalIgnoreCase))
        {
            Hits(page)[0].Code.Should().Be(expected);
        }
    }

    [Fact]
    public async Task Words_from_a_definition_find_the_indicator_and_nonsense_finds_nothing_politely()
    {
        await using (var db = TestDatabase.CreateContext(ConnectionString))
        {
            var es09 = db.Indicators.Single(i => i.Code == "ES09");
            es09.Definition = "People without a job who have been actively seeking work in the past four weeks, as a share of the economically active.";
            await db.SaveChangesAsync();
        }

        Hits(await Client.GetPageAsync("/search?q=economically+active")).Select(h => h.Code).Should().Equal("ES09");

        var none = await Client.GetPageAsync("/search?q=zzqqxx");
        none.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        Hits(none).Should().BeEmpty();
        none.Document.QuerySelector("#results")!.Words().Should().Be("No indicators found for ‘zzqqxx’");
    }

    [Fact]
    public async Task Every_page_has_a_labelled_search_box_and_the_menu_is_for_people_with_the_API_in_the_footer()
    {
        var page = await Client.GetPageAsync("/");

        var form = page.Document.QuerySelector("header form[role=search]")!;
        form.GetAttribute("action").Should().Be("/search");
        form.GetAttribute("method").Should().Be("get");
        var input = form.QuerySelector("input[name=q]")!;
        page.Document.QuerySelector($"label[for={input.Id}]")!.Words().Should().Be("Search indicators");

        page.Document.QuerySelectorAll("#navigation a").Select(a => a.Words()).Should().NotContain("API");
        page.Document.QuerySelectorAll("#navigation a[href^='/api']").Should().BeEmpty();
        var footer = page.Document.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToList();
        footer.Should().Contain(["/api/dashboards", "/glossary", "/about"]);

        var about = await Client.GetPageAsync("/about");
        about.Document.ShouldBeAccessibleAndCspClean();
        about.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).Should().Contain(["/api/dashboards", "/search", "/glossary"]);
        about.Document.QuerySelector("main")!.TextContent.Should().Contain(LeicsPerformance.Web.Reporting.IndicatorSeries.OnsAttribution, "the ONS figures' licence asks for it");
        page.Document.QuerySelector("footer")!.TextContent.Should().Contain("2021/22").And.Contain("Office for National Statistics");
    }

    [Fact]
    public async Task The_glossary_explains_each_term_at_an_anchor_that_indicator_and_dashboard_pages_link_to()
    {
        var glossary = await Client.GetPageAsync("/glossary");

        glossary.Document.ShouldBeAccessibleAndCspClean();
        foreach (var (id, term) in new[]
                 {
                     ("quartile", "Quartile"), ("polarity", "Polarity"), ("direction-of-travel", "Direction of travel"),
                     ("no-real-change", "No real change"), ("comparator-groups", "Comparator groups"), ("markers", "Markers"), ("targets", "Targets"),
                 })
        {
            var dt = glossary.Document.GetElementById(id);
            dt.Should().NotBeNull(id);
            dt!.Words().Should().Be(term);
            dt!.NextElementSibling!.Words().Length.Should().BeGreaterThan(80, $"{term} is explained, not just named");
        }

        var indicator = await Client.GetPageAsync("/indicators/TR05?period=2017/18");
        indicator.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).Should().Contain(["/glossary#polarity", "/glossary#quartile", "/glossary"]);
        var dashboard = await Client.GetPageAsync("/dashboards/fair-funding?period=2017/18");
        dashboard.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).Should().Contain("/glossary");
    }

    [Theory]
    [InlineData("HC10", "Adult Social Care Outcomes Framework (ASCOF), published by NHS Digital")]
    [InlineData("FN01", "Core Spending Power, published by Ministry of Housing, Communities and Local Government (MHCLG)")]
    [InlineData("TP03", "National Highways and Transport (NHT) Public Satisfaction Survey, published by NHT Network")]
    [InlineData("FF02", "Not named in the council's papers for this indicator.")]
    public async Task An_indicator_page_shows_a_definition_and_the_datasets_real_source_or_says_it_is_not_named(string code, string source)
    {
        var page = await Client.GetPageAsync($"/indicators/{code}");

        page.Document.QuerySelector("[data-field=definition]")!.Words().Should().NotBeEmpty();
        page.Document.QuerySelector("[data-field=source-dataset]")!.Words().Should().StartWith(source);
        page.Document.QuerySelector("[data-field=source]")!.Words().Should().Contain("performance compendium");
    }

    [Fact]
    public async Task An_administrator_edits_a_definition_and_source_through_the_catalogue_upload_with_a_preview()
    {
        var admin = await SignInAsync(Factory, "admin@example.org", "administrator");
        var template = Encoding.UTF8.GetString(await admin.GetByteArrayAsync(Url("/catalogue/template"))).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        template[0].Should().EndWith("source_dataset,source_publisher,source_release");
        var header = template[0].Split(',');
        var row = template.Single(l => l.StartsWith("FF02,", StringComparison.Ordinal));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(template[0] + "\n" + row));
        var cells = CsvTable.Read("template.csv", stream, []).Rows.Single();
        var values = header.Select(h => h switch
        {
            "definition" => "Net revenue spending per resident.",
            "source_dataset" => "Revenue outturn",
            "source_publisher" => "MHCLG",
            "source_release" => "2017/18 final",
            _ => cells[h],
        });
        var edited = template[0] + "\n" + string.Join(",", values.Select(v => "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

        var (_, preview, status) = await UploadAndPreviewAsync(admin, "/catalogue", "sources.csv", Encoding.UTF8.GetBytes(edited));

        status.Should().Be(HttpStatusCode.OK);
        var change = preview.QuerySelector("#changed-indicators tbody tr")!.TextContent;
        change.Should().Contain("source_dataset").And.Contain("Revenue outturn").And.Contain("source_release");
        var confirm = await SubmitAsync(admin, preview, "confirm-button");
        confirm.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var page = await admin.GetPageAsync("/indicators/FF02");
        page.Document.QuerySelector("[data-field=definition]")!.Words().Should().Be("Net revenue spending per resident.");
        page.Document.QuerySelector("[data-field=source-dataset]")!.Words().Should().Be("Revenue outturn, published by MHCLG (2017/18 final)");
    }
}

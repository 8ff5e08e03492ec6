using System.Net;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Reporting;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeicsPerformance.Web.Tests.Pages;

/// <summary>The exception lists: bottom quartile, got worse, both; each with its CSV.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ExceptionsPageTests(TestDatabase database) : IAsyncLifetime
{
    private AppFactory factory = null!;
    private HttpClient client = null!;
    private IReadOnlyList<RatedIndicator> rated = [];

    public async Task InitializeAsync()
    {
        factory = new AppFactory(await database.CreateCopyAsync());
        client = factory.CreateClient();
        using var scope = factory.Services.CreateScope();
        rated = await scope.ServiceProvider.GetRequiredService<PerformanceQueries>().AllRatedAsync(ReportingPeriod.FinancialYear(2017));
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task Lists_every_bottom_quartile_indicator_at_the_worse_end_of_a_range()
    {
        var page = await client.GetPageAsync("/exceptions?period=2017/18");
        // Issue 10: a row with no figure for the period ("No data") is not listed as bottom quartile (HC17's 4th is 2016/17's).
        var expected = rated.Where(r => r.QuartileWorst == 4 && r.Current?.Number is not null).Select(r => r.Code).ToList();

        page.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Document.ShouldBeAccessibleAndCspClean();
        expected.Should().HaveCountGreaterThan(20);
        var codes = Codes(page, "bottom-quartile");
        codes.Should().Equal(expected, "every 4th-quartile indicator, in theme and dashboard order");
        page.Document.QuerySelector("#bottom-quartile")!.Words().Should().Be($"Bottom quartile {expected.Count} indicators");

        // A range such as 3rd/4th counts by its worse end.
        rated.Where(r => r.Quartile == 3 && r.QuartileWorst == 4).Select(r => r.Code).Should().BeSubsetOf(codes);
    }

    [Fact]
    public async Task Lists_what_got_worse_and_what_is_both()
    {
        var page = await client.GetPageAsync("/exceptions?period=2017/18");

        var worse = rated.Where(r => r.Direction.Direction == Direction.Worse).Select(r => r.Code).ToList();
        var both = rated.Where(r => r.Direction.Direction == Direction.Worse && r.QuartileWorst == 4 && r.Current?.Number is not null).Select(r => r.Code).ToList();
        Codes(page, "worse").Should().Equal(worse);
        Codes(page, "bottom-quartile-and-worse").Should().Equal(both);
        both.Should().NotBeEmpty();

        var table = page.Document.QuerySelector("table[data-list=bottom-quartile-and-worse]")!;
        table.QuerySelectorAll("tr[data-code] .app-direction__words").Should().OnlyContain(e => e.Words() == "Got worse");
        table.QuerySelectorAll("tr[data-code] .app-quartile").Should().OnlyContain(e => e.ClassList.Contains("app-quartile--4"));

        // Grouped by theme and dashboard, with links to the dashboard and each indicator.
        var groups = table.QuerySelectorAll("th[scope=rowgroup]").Select(g => g.Words()).ToList();
        groups.Should().Contain(g => g.StartsWith("Fair Funding: Fair Funding", StringComparison.Ordinal));
        table.QuerySelector("tr[data-code] th[scope=row] a")!.GetAttribute("href").Should().StartWith("/indicators/").And.EndWith("?period=2017-18");
    }

    [Fact]
    public async Task An_exception_never_reads_bottom_quartile_beside_no_data_and_targets_not_met_are_listed()
    {
        var page = await client.GetPageAsync("/exceptions?period=2017/18");

        rated.Single(r => r.Code == "HC17").QuartileWorst.Should().Be(4, "the compendium printed 4th (2016/17) beside N/A");
        Codes(page, "bottom-quartile").Should().NotContain("HC17");
        foreach (var row in page.Document.QuerySelectorAll("table[data-list=bottom-quartile] tr[data-code]"))
        {
            row.Words().Should().NotContain("No data");
        }

        var notMet = rated.Where(r => r.Target.Status == TargetStatus.NotMet).Select(r => r.Code).ToList();
        notMet.Should().Contain("FF13");
        Codes(page, "target-not-met").Should().Equal(notMet);
    }

    [Theory]
    [InlineData("bottom-quartile")]
    [InlineData("worse")]
    [InlineData("bottom-quartile-and-worse")]
    [InlineData("target-not-met")]
    public async Task Each_list_downloads_as_csv_with_the_same_rows(string list)
    {
        var page = await client.GetPageAsync("/exceptions?period=2017/18");
        var href = page.Document.QuerySelector($"a[href*='list={list}']")!.GetAttribute("href")!;
        href.Should().Be($"/exceptions/csv?period=2017-18&list={list}");

        var (_, header, rows) = await client.GetCsvAsync(href);
        header.Take(5).Should().Equal("theme", "dashboard", "code", "section", "strategic_plan");
        rows.Select(r => r["code"]).Should().Equal(Codes(page, list));
        rows.Should().OnlyContain(r => r["theme"].Length > 0 && r["dashboard"].Length > 0);

        // The dashboards' columns, the same as a dashboard's download (the exceptions copy had no target columns).
        var (_, dashboardHeader, _) = await client.GetCsvAsync("/dashboards/fair-funding/csv?period=2017/18");
        header.Skip(2).Should().Equal(dashboardHeader);
        if (list == "target-not-met")
        {
            rows.Should().NotBeEmpty().And.OnlyContain(r => r["target_status"] == "not met");
        }
    }

    [Theory]
    [InlineData("/exceptions/csv?period=2017/18&list=everything", HttpStatusCode.BadRequest)]
    [InlineData("/exceptions/csv?period=banana&list=worse", HttpStatusCode.BadRequest)]
    [InlineData("/exceptions?period=banana", HttpStatusCode.BadRequest)]
    public async Task Bad_requests_get_a_helpful_page(string url, HttpStatusCode status)
    {
        var page = await client.GetPageAsync(url);
        page.Response.StatusCode.Should().Be(status);
        page.Document.QuerySelector("h1")!.Words().Should().Be("There is a problem with the web address");
    }

    private static List<string?> Codes(PageTestKit.Page page, string list) =>
        page.Document.QuerySelectorAll($"table[data-list={list}] tr[data-code]").Select(r => r.GetAttribute("data-code")).ToList();
}

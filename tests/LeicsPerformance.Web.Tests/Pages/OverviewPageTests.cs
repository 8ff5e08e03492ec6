using System.Globalization;
using System.Net;
using LeicsPerformance.Web.Reporting;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeicsPerformance.Web.Tests.Pages;

/// <summary>The overview: the council's headline, computed; every dashboard's counts; the period picker.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class OverviewPageTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task Shows_the_councils_headline_excluding_schools_and_crime_and_says_why()
    {
        var page = await Client.GetPageAsync("/?period=2017/18");

        page.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Document.ShouldBeAccessibleAndCspClean();
        page.Document.QuerySelector(".app-headline")!.Words().Should().StartWith(
            "Out of 191 metrics, 76 improved (44%), 36 saw no real change (21%) and 59 (35%) got worse. For 20 the direction of travel cannot be determined");

        var note = page.Document.QuerySelector(".govuk-inset-text")!;
        note.Words().Should().Contain("the council’s headline leaves out schools and crime, which are the responsibility of schools and the Police and Crime Commissioner");
        note.QuerySelectorAll("li a").Select(a => a.Words()).Should().Equal("Opportunity: School & Academy Performance", "Keeping People Safe ‐ Police & Crime");

        // Both excluded dashboards are marked in the table too.
        page.Document.QuerySelectorAll("tr[data-dashboard]").Where(r => r.Words().Contains("Not in the council’s headline"))
            .Select(r => r.GetAttribute("data-dashboard"))
            .Should().BeEquivalentTo("opportunity-school-and-academy-performance", "keeping-people-safe-police-and-crime");
    }

    [Fact]
    public async Task Table_has_every_dashboard_by_theme_and_its_counts_add_up()
    {
        var page = await Client.GetPageAsync("/?period=2017/18");

        var rows = page.Document.QuerySelectorAll("table.app-overview-table tbody tr[data-dashboard]").ToList();
        rows.Should().HaveCount(16);
        page.Document.QuerySelectorAll("table.app-overview-table tbody th[scope=rowgroup]").Select(t => t.Words())
            .Should().Equal("Fair Funding", "Strong Economy", "Opportunity", "Affordable & Quality Homes", "Wellbeing", "Keeping People Safe", "Great Communities", "Corporate Enablers");

        var numbers = rows.Select(r => r.QuerySelectorAll("td").Select(td => int.Parse(td.Words(), CultureInfo.InvariantCulture)).ToArray()).ToList();
        foreach (var n in numbers)
        {
            (n[1] + n[2] + n[3] + n[4]).Should().Be(n[0], "directions add up to the indicators");
            (n[5] + n[6] + n[7] + n[8] + n[9]).Should().Be(n[0], "quartiles (with none) add up to the indicators");
        }

        var total = page.Document.QuerySelectorAll("table.app-overview-table tfoot td").Select(td => int.Parse(td.Words(), CultureInfo.InvariantCulture)).ToArray();
        total.Should().Equal(Enumerable.Range(0, 10).Select(i => numbers.Sum(n => n[i])));
        total[0].Should().Be(217);

        // The "every dashboard" sentence is the total row in words.
        page.Html.Should().Contain($"Out of {total[0]} metrics, {total[1]} improved");

        var fairFunding = rows.Single(r => r.GetAttribute("data-dashboard") == "fair-funding");
        fairFunding.QuerySelector("a")!.GetAttribute("href").Should().Be("/dashboards/fair-funding?period=2017-18");
        numbers[0].Should().Equal(13, 6, 1, 4, 2, 0, 2, 2, 6, 3);
    }

    [Fact]
    public async Task Defaults_to_the_busiest_recent_period_and_offers_a_keyboard_usable_picker()
    {
        var page = await Client.GetPageAsync("/");
        using var scope = Factory.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<ReportingCalendar>();
        var expected = (await queries.DefaultPeriodAsync())!;
        var periods = await queries.PeriodsWithDataAsync();

        page.Document.QuerySelector("h1")!.Words().Should().Be($"Overview, {expected.Label}");
        var form = page.Document.QuerySelector("main form")!;
        form.GetAttribute("method").Should().Be("get");
        form.QuerySelector("label[for=period]")!.Words().Should().Be("Period");
        form.QuerySelectorAll("select#period option").Select(o => o.GetAttribute("value")).Should().Equal(periods.Select(p => p.UrlForm))
            .And.Contain(["2016-17", "2017-18"]);
        form.QuerySelector("select#period option[selected]")!.GetAttribute("value").Should().Be(expected.UrlForm);
        form.QuerySelector("button[type=submit]")!.Words().Should().Be("Show period");
    }

    [Fact]
    public async Task Another_period_changes_every_figure()
    {
        var page = await Client.GetPageAsync("/?period=FY2016");

        page.Document.QuerySelector("h1")!.Words().Should().Be("Overview, 2016/17");
        page.Document.QuerySelector("select#period option[selected]")!.GetAttribute("value").Should().Be("2016-17");
        page.Document.QuerySelector(".app-headline")!.Words().Should().NotStartWith("Out of 191 metrics, 76 improved");
    }

    [Fact]
    public async Task A_period_the_app_cannot_read_is_a_bad_request()
    {
        var page = await Client.GetPageAsync("/?period=banana");
        page.Response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.Document.QuerySelector("h1")!.Words().Should().Be("There is a problem with the web address");
    }
}

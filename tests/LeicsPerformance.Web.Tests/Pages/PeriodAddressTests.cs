using System.Net;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace LeicsPerformance.Web.Tests.Pages;

/// <summary>
/// One address per period: pages link with the period's address form (2017-18, 2021-22-q1), older forms of a page's
/// address move there permanently with the rest of the query kept, and /api reads every form it always read.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class PeriodAddressTests(TestDatabase database) : AppTest(database)
{
    private HttpClient NotFollowing() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/?period=FY2017", "/?period=2017-18")]
    [InlineData("/dashboards/fair-funding?period=FY2017&direction=worse", "/dashboards/fair-funding?period=2017-18&direction=worse")]
    [InlineData("/dashboards/fair-funding?direction=worse&period=2017%2F18&quartile=4", "/dashboards/fair-funding?direction=worse&period=2017-18&quartile=4")]
    [InlineData("/dashboards/fair-funding?period=2021-22-Q1", "/dashboards/fair-funding?period=2021-22-q1")]
    [InlineData("/dashboards/fair-funding/csv?period=FY2017&section=Funding", "/dashboards/fair-funding/csv?period=2017-18&section=Funding")]
    [InlineData("/exceptions?period=Q1%202021%2F22", "/exceptions?period=2021-22-q1")]
    [InlineData("/exceptions/csv?period=FY2017&list=worse", "/exceptions/csv?period=2017-18&list=worse")]
    [InlineData("/indicators/FF02?period=FY2021Q1&history=all", "/indicators/FF02?period=2021-22-q1&history=all")]
    [InlineData("/indicators/FF02/benchmark.csv?group=county-councils&period=FY2018", "/indicators/FF02/benchmark.csv?group=county-councils&period=2018-19")]
    [InlineData("/funding?period=FY2018&group=county-councils", "/funding?period=2018-19&group=county-councils")]
    [InlineData("/indicators/ES10?period=CY2017", "/indicators/ES10?period=2017")]
    [InlineData("/committees/adults-and-communities/q1-2021-22", "/committees/adults-and-communities/2021-22-q1")]
    [InlineData("/committees/adults-and-communities/FY2021Q1/pdf", "/committees/adults-and-communities/2021-22-q1/pdf")]
    public async Task An_older_form_of_the_period_moves_permanently_to_the_address_form_keeping_the_rest(string asked, string moved)
    {
        using var client = NotFollowing();

        var response = await client.GetAsync(new Uri(asked, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.ToString().Should().Be(moved);
    }

    [Theory]
    [InlineData("/dashboards/fair-funding?period=2017-18", HttpStatusCode.OK)]
    [InlineData("/exceptions?period=2017-18", HttpStatusCode.OK)]
    [InlineData("/dashboards/fair-funding?period=banana", HttpStatusCode.BadRequest)]
    [InlineData("/dashboards/fair-funding?period=FY9999", HttpStatusCode.BadRequest)]
    public async Task The_address_form_and_text_that_is_no_period_are_not_moved(string asked, HttpStatusCode status)
    {
        using var client = NotFollowing();

        (await client.GetAsync(new Uri(asked, UriKind.Relative))).StatusCode.Should().Be(status);
    }

    [Theory]
    [InlineData("/api/dashboards?period=2021/22")]
    [InlineData("/api/dashboards?period=FY2021")]
    [InlineData("/api/dashboards?period=2021-22")]
    [InlineData("/api/dashboards/fair-funding?period=2017/18&group=east-midlands")]
    [InlineData("/api/dashboards/fair-funding?period=FY2017")]
    [InlineData("/api/summary?period=2017/18&exclude=opportunity-school-and-academy-performance,keeping-people-safe-police-and-crime")]
    [InlineData("/api/summary?period=Q1%202021%2F22")]
    [InlineData("/api/summary?period=FY2021Q1")]
    [InlineData("/api/indicators/FF01/benchmark?period=2018/19&group=county-councils")]
    [InlineData("/api/indicators/FF01/benchmark?period=FY2018")]
    public async Task The_api_reads_every_form_it_always_read_and_is_never_moved(string asked)
    {
        using var client = NotFollowing();

        var response = await client.GetAsync(new Uri(asked, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }

    [Theory]
    [InlineData("/?period=2017-18", 10)]
    [InlineData("/dashboards/fair-funding?period=2017-18", 10)]
    [InlineData("/dashboards/fair-funding?period=2017-18&direction=worse", 3)]
    [InlineData("/exceptions?period=2017-18", 10)]
    [InlineData("/indicators/FF02?period=2017-18", 2)]
    [InlineData("/funding", 2)]
    [InlineData("/search?q=spending", 1)]
    public async Task Every_period_in_a_link_form_or_picker_is_in_its_address_form(string url, int atLeast)
    {
        var page = await Client.GetPageAsync(url);
        page.Response.StatusCode.Should().Be(HttpStatusCode.OK);

        var periods = new List<string>();
        foreach (var link in page.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
        {
            var query = link.Split('#')[0].Split('?');
            if (query.Length > 1 && QueryHelpers.ParseQuery(query[1]).TryGetValue("period", out var values))
            {
                periods.AddRange(values.Select(v => v!));
            }
        }

        var linked = periods.Count;
        periods.AddRange(page.Document.QuerySelectorAll("select[name=period] option, input[name=period]")
            .Select(e => e.GetAttribute("value") ?? string.Empty).Where(v => v.Length > 0));

        linked.Should().BeGreaterThanOrEqualTo(atLeast, "the page links to other pages for its period");
        periods.Where(p => !(ReportingPeriod.TryParse(p, out var period) && period.UrlForm == p)).Should().BeEmpty(
            "every period on {0} is written in its address form (e.g. 2017-18, 2021-22-q1), not FY2017 or 2017/18", url);
    }

    [Fact]
    public async Task The_picker_offers_address_forms_and_selects_the_period_shown()
    {
        var page = await Client.GetPageAsync("/?period=2016-17");

        page.Document.QuerySelectorAll("select#period option").Select(o => o.GetAttribute("value")).Should().Contain(["2016-17", "2017-18"]);
        page.Document.QuerySelector("select#period option[selected]")!.GetAttribute("value").Should().Be("2016-17");
    }

    [Fact]
    public async Task A_move_is_never_cached_nor_stored_under_the_address_forms_key()
    {
        using var client = NotFollowing();
        const string Moved = "/dashboards/fair-funding?period=2017-18";
        const string Old = "/dashboards/fair-funding?period=FY2017";

        // The old form first: its move must not be what the address form then serves from the cache.
        (await client.GetAsync(new Uri(Old, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        var page = await client.GetAsync(new Uri(Moved, UriKind.Relative));
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("£504");

        // And once the page is cached, the old form still moves rather than being served the page under its own key.
        (await client.GetAsync(new Uri(Moved, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        var again = await client.GetAsync(new Uri(Old, UriKind.Relative));
        again.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        again.Headers.Location!.ToString().Should().Be(Moved);
    }
}

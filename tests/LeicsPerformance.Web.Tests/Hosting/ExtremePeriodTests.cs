using System.Net;
using LeicsPerformance.Web.Tests.Infrastructure;

namespace LeicsPerformance.Web.Tests.Hosting;

/// <summary>Extreme but well-formed periods, and control characters, on every anonymous kind of URL: 400 or 404, never 500.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ExtremePeriodTests(TestDatabase database) : AppTest(database)
{
    private static readonly string[] Periods = ["FY9999", "9999/00", "AY9999", "Q1 0000/01", "FY0001", "D0001-01-01"];

    private static readonly string[] Urls =
    [
        "/?period={0}", "/dashboards/{1}?period={0}", "/dashboards/{1}/csv?period={0}",
        "/exceptions?period={0}", "/exceptions/csv?period={0}", "/funding?period={0}", "/funding/csv?period={0}",
        "/indicators/{2}?period={0}", "/indicators/{2}/benchmark.csv?period={0}",
        "/committees/{3}/{0}", "/committees/{3}/{0}/pdf",
        "/api/dashboards/{1}?period={0}", "/api/summary?period={0}", "/api/indicators/{2}/benchmark?period={0}",
    ];

    [Fact]
    public async Task Every_extreme_period_answers_400_or_404_on_pages_api_and_csv()
    {
        var dashboard = await FirstHref("/dashboards", "/dashboards/");
        var indicator = await FirstHref($"/dashboards/{dashboard}", "/indicators/");
        var committee = await FirstHref("/committees", "/committees/");
        var failures = new List<string>();
        foreach (var period in Periods)
        {
            foreach (var url in Urls)
            {
                var address = string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Uri.EscapeDataString(period), dashboard, indicator, committee);
                var status = (await Client.GetAsync(new Uri(address, UriKind.Relative))).StatusCode;
                if (status is not (HttpStatusCode.BadRequest or HttpStatusCode.NotFound))
                {
                    failures.Add($"{address}: {(int)status}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [Theory]
    [InlineData("/returns/template?dashboard=%00")]
    [InlineData("/dashboards/a%01b")]
    [InlineData("/dashboards?period=FY2017%00")]
    [InlineData("/api/summary?period=%01")]
    public async Task A_control_character_in_a_route_or_query_is_refused_before_the_database(string url)
    {
        (await Client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private async Task<string> FirstHref(string page, string prefix)
    {
        var html = await Client.GetStringAsync(new Uri(page, UriKind.Relative));
        var start = html.IndexOf("href=\"" + prefix, StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"{page} links to {prefix}…");
        start += 6 + prefix.Length;
        var end = html.IndexOfAny(['"', '?', '/'], start);
        return html[start..end];
    }
}

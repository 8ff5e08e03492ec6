using System.Net;
using System.Text;
using AngleSharp.Dom;
using LeicsPerformance.Web.Tests.Infrastructure;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

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

    [Fact]
    public async Task A_nul_in_the_template_dashboard_is_refused_for_a_signed_in_analyst_too()
    {
        var analyst = await SignInAsync(Factory, "nul.analyst@example.org", "analyst");
        (await analyst.GetAsync(Url("/returns/template?dashboard=%00"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await analyst.GetAsync(Url("/returns/template?dashboard=fair-funding%00x&period=2019/20"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await analyst.GetAsync(Url("/returns/template?dashboard=fair-funding&period=2019/20"))).StatusCode.Should().Be(HttpStatusCode.OK, "the same address without the NUL works");
    }

    /// <summary>A returns file with one row per extreme period (FF01 is annual, so every other column is right).</summary>
    private static byte[] ExtremeReturn() =>
        Csv("indicator_code,period,value\n" + string.Concat(Periods.Select(p => $"FF01,{p},£700\n")));

    [Fact]
    public async Task Every_extreme_period_in_a_returns_upload_is_an_error_naming_its_row_and_column_and_nothing_is_written()
    {
        var analyst = await SignInAsync(Factory, "extreme.analyst@example.org", "analyst");
        var before = await FingerprintAsync(ConnectionString);

        var (_, preview, status) = await UploadAndPreviewAsync(analyst, "/returns", "extreme.csv", ExtremeReturn());

        status.Should().Be(HttpStatusCode.OK);
        preview.GetElementById("confirm-button").Should().BeNull("a file with errors cannot be confirmed");
        var errors = ErrorRows(preview, "#errors-table");
        errors.Should().HaveCount(Periods.Length);
        for (var i = 0; i < Periods.Length; i++)
        {
            errors.Should().Contain($"{i + 2} | period | {Periods[i]}");
        }

        Text(preview).Should().Contain("is not a period from 1900 to 2100");
        (await FingerprintAsync(ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task Every_extreme_period_given_to_import_returns_is_a_row_error_with_exit_code_1_and_nothing_is_written()
    {
        var before = await FingerprintAsync(ConnectionString);
        var file = Path.Combine(Path.GetTempPath(), $"extreme-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, ExtremeReturn());
        try
        {
            var outcome = await CommandLineProcess.RunAsync(ConnectionString, "import-returns", file);

            outcome.ExitCode.Should().Be(1, "the documented code for a file with errors (stderr: {0})", outcome.Error);
            for (var i = 0; i < Periods.Length; i++)
            {
                outcome.Error.Should().Contain($"row {i + 2}, column period: '{Periods[i]}' is not a period from 1900 to 2100");
            }

            outcome.Error.Should().Contain("Nothing was loaded").And.NotContain("Unhandled exception");
        }
        finally
        {
            File.Delete(file);
        }

        (await FingerprintAsync(ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task Every_extreme_period_and_date_in_a_committee_meetings_upload_is_an_error_naming_its_row_and_column()
    {
        var admin = await SignInAsync(Factory, "extreme.admin@example.org", "administrator");
        var before = await FingerprintAsync(ConnectionString);
        var current = await admin.GetStringAsync(Url("/committees/admin/committee-meetings.csv"));
        var kept = current.TrimEnd().Split('\n').Length; // the heading is row 1, so the first added row is kept + 1
        var added = new StringBuilder(current.TrimEnd()).Append('\n');
        foreach (var period in Periods)
        {
            added.Append(System.Globalization.CultureInfo.InvariantCulture, $"adults-and-communities,2022-01-17,{period},Test\n");
        }

        string[] dates = ["0001-01-01", "9999-12-31", "31/12/1899"];
        foreach (var date in dates)
        {
            added.Append(System.Globalization.CultureInfo.InvariantCulture, $"adults-and-communities,{date},,Test\n");
        }

        var token = await TokenAsync(admin, "/committees/admin");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Meetings"), "kind" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(added.ToString())), "file", "committee-meetings.csv" },
        };
        var uploaded = await admin.PostAsync(Url("/committees/admin/upload"), form);
        uploaded.StatusCode.Should().Be(HttpStatusCode.Redirect, "the file is kept and its preview shown on its own page");
        var response = await admin.GetAsync(uploaded.Headers.Location);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await PageOfAsync(response);
        Text(page).Should().Contain("The file was not loaded").And.NotContain("Confirm and save");
        var errors = ErrorRows(page, "table");
        for (var i = 0; i < Periods.Length; i++)
        {
            errors.Should().Contain($"{kept + 1 + i} | considers_period | {Periods[i]}");
        }

        for (var i = 0; i < dates.Length; i++)
        {
            errors.Should().Contain($"{kept + 1 + Periods.Length + i} | date | {dates[i]}");
        }

        (await FingerprintAsync(ConnectionString)).Should().Equal(before);
    }

    /// <summary>Each body row of the first matching table as "row | column | value".</summary>
    private static List<string> ErrorRows(IDocument page, string selector)
    {
        var table = page.QuerySelector(selector);
        table.Should().NotBeNull("the page lists the errors in a table ({0})", selector);
        return table!.QuerySelectorAll("tbody tr")
            .Select(r => string.Join(" | ", r.Children.Take(3).Select(c => c.TextContent.Trim())))
            .ToList();
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

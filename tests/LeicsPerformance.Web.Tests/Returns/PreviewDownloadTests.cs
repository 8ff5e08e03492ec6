using System.Net;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Returns;

/// <summary>
/// A preview's CSV downloads come from the plan the preview showed, kept with the upload (issue 12): downloading them
/// does not check the file again.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class PreviewDownloadTests(TestDatabase database) : AppTest(database)
{
    /// <summary>FF02 2017/18 is held as £504; ZZ99 is no indicator, so the file has one error and one change.</summary>
    private static readonly byte[] File = Csv("indicator_code,period,value\nFF02,2017/18,£505\nZZ99,2017/18,1\n");

    private const string MoveFf02 = """
        update indicator_value set value = 999, as_printed = '£999'
        where indicator_id = (select id from indicator where code = 'FF02')
          and period_id = (select id from reporting_period where code = 'FY2017')
          and area_id = (select id from area where code = 'leicestershire')
        """;

    [Fact]
    public async Task The_downloads_are_of_the_plan_the_preview_showed_and_follow_the_next_preview()
    {
        var analyst = await SignInAsync(Factory, "downloads.analyst@example.org", "analyst");
        var (url, preview, status) = await UploadAndPreviewAsync(analyst, "/returns", "ff02.csv", File);
        status.Should().Be(HttpStatusCode.OK);
        preview.GetElementById("errors")!.TextContent.Should().Be("Errors (1)");
        var changes = await analyst.GetStringAsync(Url(url + "/changes.csv"));
        changes.Should().Contain("FF02").And.Contain("£504", "the preview showed the value held now");
        (await analyst.GetStringAsync(Url(url + "/problems.csv"))).Should().Contain("ZZ99");

        // The value moves underneath: a fresh check of the file would now say £999.
        (await ScalarAsync<int>(ConnectionString, MoveFf02 + " returning 1")).Should().Be(1);

        (await analyst.GetStringAsync(Url(url + "/changes.csv"))).Should().Be(changes, "the download is the preview's, not a new check of the file");
        (await analyst.GetStringAsync(Url(url + "/problems.csv"))).Should().Contain("ZZ99");

        // Showing the preview again checks the file again, and its downloads follow it.
        await PageAsync(analyst, url);
        (await analyst.GetStringAsync(Url(url + "/changes.csv"))).Should().Contain("£999").And.NotContain("£504");
    }

    [Fact]
    public async Task Downloads_are_served_while_every_slot_for_checking_files_is_taken()
    {
        var app = Factory.WithWebHostBuilder(b => b.UseSetting("Uploads:MaxConcurrent", "1").UseSetting("Uploads:QueueSeconds", "0"));
        var analyst = await SignInAsync(app, "slots.analyst@example.org", "analyst");
        var (url, _, status) = await UploadAndPreviewAsync(analyst, "/returns", "ff02.csv", File);
        status.Should().Be(HttpStatusCode.OK);

        using var held = await app.Services.GetRequiredService<UploadGate>().EnterAsync(CancellationToken.None);
        held.Should().NotBeNull();

        (await analyst.GetAsync(Url(url))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "the preview checks the file, so it needs a slot");
        var problems = await analyst.GetAsync(Url(url + "/problems.csv"));
        problems.StatusCode.Should().Be(HttpStatusCode.OK, "a download only sends what the preview kept");
        (await problems.Content.ReadAsStringAsync()).Should().Contain("ZZ99");
        (await analyst.GetAsync(Url(url + "/changes.csv"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

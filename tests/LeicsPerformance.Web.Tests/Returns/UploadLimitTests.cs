using System.Diagnostics;
using System.Net;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Returns;

/// <summary>
/// Bounded upload memory (issue 11): the problems listed per file, the uploads one person may keep waiting, and the
/// files one instance checks at once.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class UploadLimitTests(TestDatabase database) : AppTest(database)
{
    private static readonly byte[] GoodFile = Csv("indicator_code,period,value\nFF02,2017/18,£505\n");

    private WebApplicationFactory<Program> With(params (string Key, string Value)[] settings) =>
        Factory.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

    [Fact]
    public async Task The_problem_list_is_capped_and_the_page_and_csv_say_how_many_more_there_are()
    {
        var app = With(("Uploads:MaxProblemsListed", "5"));
        var analyst = await SignInAsync(app, "capped.analyst@example.org", "analyst");
        var file = Csv("indicator_code,period,value\n" + string.Concat(Enumerable.Range(1, 12).Select(i => $"ZZ{i:00},2017/18,1\n")));

        var (url, preview, status) = await UploadAndPreviewAsync(analyst, "/returns", "capped.csv", file);

        status.Should().Be(HttpStatusCode.OK);
        preview.GetElementById("errors")!.TextContent.Should().Be("Errors (12)", "the heading counts every error, listed or not");
        preview.QuerySelectorAll("#errors-table tbody tr").Should().HaveCount(5, "only the first five are kept");
        preview.QuerySelector("#errors-table tbody tr")!.TextContent.Should().Contain("ZZ01");
        preview.GetElementById("unlisted-problems")!.TextContent.Should().Contain("7 more errors and 0 more warnings were found but are not listed");
        preview.GetElementById("count-rejected")!.GetAttribute("data-count").Should().Be("12", "every rejected row is counted");
        Text(preview).Should().Contain("Fix these 12 problems");
        preview.GetElementById("confirm-button").Should().BeNull();

        var csv = (await analyst.GetStringAsync(Url(url + "/problems.csv"))).TrimStart('\uFEFF');
        var lines = csv.Trim().Split('\n');
        lines.Should().HaveCount(1 + 5 + 1, "the heading, five problems and a line for the rest");
        lines[1].Should().Contain("ZZ01");
        lines[^1].Should().Contain("…and 7 more errors and 0 more warnings, not listed: only the first 5 problems are");
    }

    [Theory]
    [InlineData("/catalogue", "dashboards.csv", "slug,theme,title,sort_order\n", "d{0},nowhere,A dashboard,1\n")]
    [InlineData("/committees/admin", "committees.csv", "slug,title,short_title,sort_order,remit\n", "Not A Slug {0},A committee,,1,\n")]
    public async Task Catalogue_and_committee_problem_lists_are_capped_as_a_returns_is(string area, string fileName, string heading, string badRow)
    {
        var app = With(("Uploads:MaxProblemsListed", "5"));
        var admin = await SignInAsync(app, "capped.admin@example.org", "administrator");
        var file = Csv(heading + string.Concat(Enumerable.Range(1, 12).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, badRow, i))));

        var (url, preview, status) = await UploadAndPreviewAsync(admin, area, fileName, file);

        status.Should().Be(HttpStatusCode.OK);
        preview.GetElementById("unlisted-problems")!.TextContent.Should().Contain("7 more errors and 0 more warnings");
        Text(preview).Should().Contain("12 problems", "the error count covers every error, listed or not");
        preview.GetElementById("confirm-button").Should().BeNull();
        var csv = (await admin.GetStringAsync(Url(url + "/problems.csv"))).TrimStart('\uFEFF');
        var lines = csv.Trim().Split('\n');
        lines.Should().HaveCount(1 + 5 + 1, "the heading, five problems and a line for the rest");
        lines[^1].Should().Contain("…and 7 more errors and 0 more warnings, not listed: only the first 5 problems are");
    }

    [Fact]
    public async Task The_eleventh_waiting_upload_of_one_person_is_refused_while_another_persons_is_taken()
    {
        var analyst = await SignInAsync(Factory, "busy.analyst@example.org", "analyst");
        for (var i = 1; i <= 10; i++)
        {
            (await UploadAsync(analyst, "/returns", $"file{i}.csv", GoodFile)).StatusCode.Should().Be(HttpStatusCode.Redirect, "upload {0} of the ten allowed", i);
        }

        var eleventh = await UploadAsync(analyst, "/returns", "file11.csv", GoodFile);

        eleventh.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        Text(await PageOfAsync(eleventh)).Should().Contain("You have 10 uploads waiting to be confirmed, the most one person may have").And.Contain("Confirm or cancel one of them");
        (await ScalarAsync<long>(ConnectionString, "select count(*) from pending_upload where user_name = 'busy.analyst@example.org'")).Should().Be(10, "the eleventh file was not kept");

        var other = await SignInAsync(Factory, "other.analyst@example.org", "analyst");
        (await UploadAsync(other, "/returns", "mine.csv", GoodFile)).StatusCode.Should().Be(HttpStatusCode.Redirect, "the limit is per person");

        // Cancelling one makes room again.
        var waiting = await PageAsync(analyst, "/returns");
        var preview = await PageAsync(analyst, waiting.QuerySelector("#waiting-uploads a")!.GetAttribute("href")!);
        (await SubmitAsync(analyst, preview, "cancel-button")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await UploadAsync(analyst, "/returns", "file11.csv", GoodFile)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Returns_and_catalogue_uploads_count_towards_one_limit_per_person()
    {
        var app = With(("Uploads:MaxPendingPerUser", "2"));
        var admin = await SignInAsync(app, "limit.admin@example.org", "administrator");
        var renamed = Csv((await admin.GetStringAsync(Url("/catalogue/template")))
            .Replace("Core Spending Power per head of population", "Core Spending Power per head", StringComparison.Ordinal));
        (await UploadAsync(admin, "/returns", "values.csv", GoodFile)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await UploadAsync(admin, "/catalogue", "indicators.csv", renamed)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var third = await UploadAsync(admin, "/catalogue", "indicators.csv", renamed);

        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        Text(await PageOfAsync(third)).Should().Contain("You have 2 uploads waiting to be confirmed");
    }

    [Fact]
    public async Task A_failed_check_does_not_hold_a_place_but_a_file_that_can_be_confirmed_does()
    {
        var app = With(("Uploads:MaxPendingPerUser", "2"));
        var analyst = await SignInAsync(app, "fixing.analyst@example.org", "analyst");
        (await UploadAsync(analyst, "/returns", "good.csv", GoodFile)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await UploadAsync(analyst, "/returns", "typo.csv", Csv("indicator_code,period,value\nZZ99,2017/18,1\n"))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // At the limit, the file with errors makes way for the corrected one...
        (await UploadAsync(analyst, "/returns", "fixed.csv", GoodFile)).StatusCode.Should().Be(HttpStatusCode.Redirect, "a failed check gives up its place");
        (await ScalarAsync<string>(ConnectionString, "select string_agg(file_name, ',' order by created_at) from pending_upload where user_name = 'fixing.analyst@example.org'"))
            .Should().Be("good.csv,fixed.csv");

        // ...but two that can be confirmed keep theirs.
        (await UploadAsync(analyst, "/returns", "more.csv", GoodFile)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_third_check_waits_for_a_slot_then_is_refused_with_503_and_retry_after()
    {
        var app = With(("Uploads:MaxConcurrent", "2"), ("Uploads:QueueSeconds", "1"));
        var analyst = await SignInAsync(app, "queued.analyst@example.org", "analyst");
        var gate = app.Services.GetRequiredService<UploadGate>();

        // Two checks under way (held here as two other people's uploads would hold them).
        using (var first = await gate.EnterAsync(CancellationToken.None))
        using (var second = await gate.EnterAsync(CancellationToken.None))
        {
            first.Should().NotBeNull();
            second.Should().NotBeNull();
            var clock = Stopwatch.StartNew();
            var refused = await UploadAsync(analyst, "/returns", "queued.csv", GoodFile);
            clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9), "it queued for Uploads:QueueSeconds first");
            refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(UploadWorkAttribute.RetryAfterSeconds));
            var page = await PageOfAsync(refused);
            page.GetElementById("uploads-busy")!.TextContent.Should().Be("Too many files are being checked just now");
            Text(page).Should().Contain("Nothing was saved and nothing was lost");
            (await ScalarAsync<long>(ConnectionString, "select count(*) from pending_upload")).Should().Be(0);
        }

        var (_, preview, status) = await UploadAndPreviewAsync(analyst, "/returns", "queued.csv", GoodFile);
        status.Should().Be(HttpStatusCode.OK, "with the slots free the same file is checked");
        preview.GetElementById("confirm-button").Should().NotBeNull();
    }

    [Fact]
    public async Task A_check_waits_for_a_slot_to_come_free_rather_than_being_refused()
    {
        var app = With(("Uploads:MaxConcurrent", "1"), ("Uploads:QueueSeconds", "60"));
        var analyst = await SignInAsync(app, "patient.analyst@example.org", "analyst");
        var gate = app.Services.GetRequiredService<UploadGate>();
        var held = await gate.EnterAsync(CancellationToken.None);

        var upload = UploadAsync(analyst, "/returns", "patient.csv", GoodFile);
        await Task.Delay(TimeSpan.FromSeconds(1));
        upload.IsCompleted.Should().BeFalse("the upload waits for the slot");
        held!.Dispose();

        (await upload).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}

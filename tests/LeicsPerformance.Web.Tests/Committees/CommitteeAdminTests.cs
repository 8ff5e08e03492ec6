using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LeicsPerformance.Web.Tests.Committees.CommitteeClient;

namespace LeicsPerformance.Web.Tests.Committees;

/// <summary>Administrators keep committees as data: download a file, upload a changed one, preview, confirm.</summary>
[Collection(DatabaseCollection.Name)]
public sealed partial class CommitteeAdminTests(TestDatabase database) : IAsyncLifetime
{
    private AppFactory factory = null!;
    private string connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        connectionString = await database.CreateCopyAsync();
        factory = new AppFactory(connectionString);
        await CreateUsersAsync(factory);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Only_administrators_manage_committees()
    {
        using var anonymous = Anonymous(factory);
        (await anonymous.GetAsync(new Uri("/committees/admin", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var analyst = await SignedInAsync(factory, "analyst@example.org");
        var response = await analyst.GetAsync(new Uri("/committees/admin", UriKind.Relative));
        response.StatusCode.Should().BeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Forbidden);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.ToString().Should().Contain("access-denied");
        }
    }

    [Fact]
    public async Task An_administrator_downloads_the_meetings_adds_one_previews_the_change_and_confirms()
    {
        using var admin = await SignedInAsync(factory, "admin@example.org");
        var current = await admin.GetStringAsync(new Uri("/committees/admin/committee-meetings.csv", UriKind.Relative));
        current.Should().Contain("adults-and-communities,2021-09-06,Q1 2021/22,");

        var changed = current.TrimEnd() + "\nadults-and-communities,2022-01-17,Q2 2021/22,Test meeting\n";
        var preview = await UploadAsync(admin, "Meetings", "committee-meetings.csv", changed);
        preview.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await preview.Content.ReadAsStringAsync();
        var page = await new HtmlParser().ParseDocumentAsync(html);
        Fold(page.QuerySelector("main")!.TextContent).Should().Contain("Adults and Communities: adds the meeting of 17 January 2022, which considers the report for Quarter Two 2021-22 (July – September).");

        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            (await db.CommitteeMeetings.AnyAsync(m => m.MeetingDate == new DateOnly(2022, 1, 17))).Should().BeFalse("nothing is saved before confirming");
        }

        var confirmed = await ConfirmAsync(admin, page);
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            var meeting = await db.CommitteeMeetings.SingleAsync(m => m.MeetingDate == new DateOnly(2022, 1, 17));
            meeting.ConsidersPeriodCode.Should().Be("FY2021Q2");
            (await db.CommitteeMeetings.CountAsync(m => m.MeetingDate == new DateOnly(2021, 9, 6))).Should().Be(1);
        }
    }

    [Fact]
    public async Task A_file_with_mistakes_is_not_loaded_and_each_mistake_is_named_by_row_and_column()
    {
        using var admin = await SignedInAsync(factory, "admin@example.org");
        const string Scope = """
            committee,dashboard,indicator,sort_order
            health,wellbeing-public-health,,1
            health,no-such-dashboard,,2
            health,,ZZ99,3
            nobody,wellbeing-public-health,,4
            health,wellbeing-public-health,PH01,5
            """;
        var preview = await UploadAsync(admin, "Scope", "committee-scope.csv", Scope);
        var text = Fold((await new HtmlParser().ParseDocumentAsync(await preview.Content.ReadAsStringAsync())).QuerySelector("main")!.TextContent);
        text.Should().Contain("The file was not loaded");
        text.Should().Contain("'no-such-dashboard' is not a dashboard slug in the catalogue.");
        text.Should().Contain("'ZZ99' is not an indicator code in the catalogue.");
        text.Should().Contain("'nobody' is not a committee the app holds.");
        text.Should().Contain("Give either a dashboard (all its indicators) or one indicator code on each row, not both and not neither.");
        text.Should().NotContain("Confirm and save");
    }

    [Fact]
    public async Task A_double_confirm_writes_the_file_once()
    {
        using var admin = await SignedInAsync(factory, "admin@example.org");
        var page = await PreviewOfAsync(admin, "committee-meetings.csv", await WithMeetingAsync(admin, "adults-and-communities,2022-01-17,Q2 2021/22,Twice"));

        var responses = await Task.WhenAll(ConfirmAsync(admin, page), ConfirmAsync(admin, page));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Redirect || r.StatusCode == HttpStatusCode.Conflict);
        var result = responses.First(r => r.StatusCode == HttpStatusCode.Redirect).Headers.Location!.OriginalString;
        foreach (var busy in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            (await busy.Content.ReadAsStringAsync()).Should().Contain("This upload is already being loaded");
        }

        var third = await ConfirmAsync(admin, page);
        third.StatusCode.Should().Be(HttpStatusCode.Redirect, "a confirm after the fact lands on the same result");
        third.Headers.Location!.OriginalString.Should().Be(result);
        await using var db = TestDatabase.CreateContext(connectionString);
        (await db.DataLoads.CountAsync(l => l.Kind == LoadKinds.FromCode("committee-meetings"))).Should().Be(1);
        (await db.CommitteeMeetings.CountAsync(m => m.MeetingDate == new DateOnly(2022, 1, 17))).Should().Be(1);
        var load = await db.DataLoads.SingleAsync(l => l.Kind == LoadKinds.FromCode("committee-meetings"));
        load.LoadedBy.Should().Be("admin@example.org");
        load.RowsAdded.Should().Be(1);
        (await admin.GetStringAsync(new Uri(result, UriKind.Relative))).Should().Contain("Committees updated");
    }

    [Fact]
    public async Task A_confirm_is_refused_when_what_the_file_replaces_changed_since_its_preview()
    {
        using var admin = await SignedInAsync(factory, "admin@example.org");
        var page = await PreviewOfAsync(admin, "committee-meetings.csv", await WithMeetingAsync(admin, "adults-and-communities,2022-01-17,Q2 2021/22,Mine"));

        // Someone else changes a meeting of the same committee after the preview.
        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            (await db.Database.ExecuteSqlRawAsync(
                "update committee_meeting set source = 'Theirs' where meeting_date = '2021-09-06' and committee_id = (select id from committee where slug = 'adults-and-communities')")).Should().Be(1);
        }

        var refused = await ConfirmAsync(admin, page);

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var conflict = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Fold(conflict.QuerySelector("main")!.TextContent).Should().Contain("Nothing from your file was saved");
        var moved = Fold(conflict.QuerySelector("#moved-rows tbody")!.TextContent);
        moved.Should().Contain("adults-and-communities").And.Contain("meeting 6 September 2021").And.Contain("source: Theirs");
        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            (await db.CommitteeMeetings.AnyAsync(m => m.MeetingDate == new DateOnly(2022, 1, 17))).Should().BeFalse("nothing of the file is written");
            (await db.CommitteeMeetings.SingleAsync(m => m.MeetingDate == new DateOnly(2021, 9, 6) && db.Committees.Any(c => c.Id == m.CommitteeId && c.Slug == "adults-and-communities"))).Source.Should().Be("Theirs");
            (await db.DataLoads.CountAsync(l => l.Kind == LoadKinds.FromCode("committee-meetings"))).Should().Be(0);
        }

        // Checked again against what is held now, the file can be confirmed (and then replaces the other change).
        var recheck = conflict.QuerySelector("form[action$='/recheck']")!.GetAttribute("action")!;
        var fields = conflict.QuerySelectorAll("form[action$='/recheck'] input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        (await admin.PostAsync(new Uri(recheck, UriKind.Relative), new FormUrlEncodedContent(fields))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var again = await new HtmlParser().ParseDocumentAsync(await admin.GetStringAsync(new Uri(recheck[..^"/recheck".Length], UriKind.Relative)));
        (await ConfirmAsync(admin, again)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            (await db.CommitteeMeetings.CountAsync(m => m.MeetingDate == new DateOnly(2022, 1, 17))).Should().Be(1);
        }
    }

    [Fact]
    public async Task A_bad_committees_file_names_each_row_and_column_and_writes_nothing()
    {
        using var admin = await SignedInAsync(factory, "admin@example.org");
        var before = await admin.GetStringAsync(new Uri("/committees/admin/committees.csv", UriKind.Relative));
        var bad = before.TrimEnd() + "\nNot A Slug,A title,,1,\nnew-committee,,,two,\n";
        var rows = before.TrimEnd().Split('\n').Length;

        var page = await PreviewOfAsync(admin, "committees.csv", bad);

        Fold(page.QuerySelector("main")!.TextContent).Should().Contain("The file was not loaded").And.NotContain("Confirm and save");
        var problems = page.QuerySelectorAll("#problems tbody tr").Select(r => string.Join(" | ", r.Children.Take(3).Select(c => c.TextContent.Trim()))).ToList();
        problems.Should().Contain($"{rows + 1} | slug | Not A Slug");
        problems.Should().Contain($"{rows + 2} | title | ");
        problems.Should().Contain($"{rows + 2} | sort_order | two");
        page.QuerySelector("form[action$='/confirm']").Should().BeNull();

        // The upload's problems download says the same, from the plan the preview made.
        var csv = await admin.GetStringAsync(new Uri(page.QuerySelector("a[href$='/problems.csv']")!.GetAttribute("href")!, UriKind.Relative));
        csv.Should().Contain("Not A Slug").And.Contain("sort_order");

        (await admin.GetStringAsync(new Uri("/committees/admin/committees.csv", UriKind.Relative))).Should().Be(before, "nothing stored is lost or changed");
        await using var db = TestDatabase.CreateContext(connectionString);
        (await db.DataLoads.CountAsync(l => l.Kind == LoadKinds.FromCode("committees"))).Should().Be(0);
    }

    [Fact]
    public async Task A_file_whose_heading_is_no_committee_file_is_refused_naming_the_files()
    {
        using var admin = await SignedInAsync(factory, "admin@example.org");
        var page = await PreviewOfAsync(admin, "whatever.csv", "indicator_code,period,value\nFF05,2019/20,300\n");
        var text = Fold(page.QuerySelector("main")!.TextContent);
        text.Should().Contain("The heading row matches none of the committee files").And.Contain("committee-meetings.csv: committee,date");
        page.QuerySelector("form[action$='/confirm']").Should().BeNull();
    }

    [Fact]
    public async Task A_row_wrong_both_in_its_own_cells_and_against_what_is_held_is_named_for_both()
    {
        // Reading the row (its order) and checking it against the committees held are separate steps; both are reported.
        using var admin = await SignedInAsync(factory, "admin@example.org");
        var page = await PreviewOfAsync(admin, "committee-scope.csv", "committee,dashboard,indicator,sort_order\nnobody,wellbeing-public-health,,first\n");
        var problems = page.QuerySelectorAll("#problems tbody tr").Select(r => string.Join(" | ", r.Children.Take(3).Select(c => c.TextContent.Trim()))).ToList();
        problems.Should().Contain("2 | committee | nobody").And.Contain("2 | sort_order | first");
        await using var db = TestDatabase.CreateContext(connectionString);
        (await db.DataLoads.CountAsync(l => l.Kind == LoadKind.CommitteeScope)).Should().Be(0);
    }

    /// <summary>The meetings file as held now, with one more row.</summary>
    private static async Task<string> WithMeetingAsync(HttpClient admin, string row) =>
        (await admin.GetStringAsync(new Uri("/committees/admin/committee-meetings.csv", UriKind.Relative))).TrimEnd() + "\n" + row + "\n";

    private static async Task<AngleSharp.Dom.IDocument> PreviewOfAsync(HttpClient client, string fileName, string csv)
    {
        var response = await UploadAsync(client, "", fileName, csv);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Presses the preview's confirm button: POSTs its form (with its antiforgery token) to its action.</summary>
    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, AngleSharp.Dom.IDocument preview)
    {
        var form = preview.QuerySelector("form[action$='/confirm']");
        form.Should().NotBeNull("the preview offers to confirm");
        var fields = form!.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>Uploads a committee file (the heading row says which; <paramref name="kind"/> is sent as the old form did) and returns its preview.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, string fileName, string csv)
    {
        var form = await client.GetStringAsync(new Uri("/committees/admin", UriKind.Relative));
        var token = TokenPattern().Matches(form).Select(m => m.Groups[1].Value).Last();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", fileName },
        };
        var uploaded = await client.PostAsync(new Uri("/committees/admin/upload", UriKind.Relative), content);
        uploaded.StatusCode.Should().Be(HttpStatusCode.Redirect, "the file is kept and its preview shown on its own page");
        return await client.GetAsync(uploaded.Headers.Location);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

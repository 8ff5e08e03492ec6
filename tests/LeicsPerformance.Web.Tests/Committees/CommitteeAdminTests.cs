using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
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

        var fields = page.QuerySelectorAll("form[action$='/confirm'] input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        var confirmed = await admin.PostAsync(new Uri("/committees/admin/confirm", UriKind.Relative), new FormUrlEncodedContent(fields));
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
        return await client.PostAsync(new Uri("/committees/admin/upload", UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

using System.Net;
using LeicsPerformance.Web.Tests.Infrastructure;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Returns;

/// <summary>Undoing a load from the audit pages: values back, history kept and added to, refused when a later load is in the way.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class RevertTests(TestDatabase database) : IAsyncLifetime
{
    private const string Ff01For2017 =
        "from indicator_value v join indicator i on i.id = v.indicator_id join reporting_period p on p.id = v.period_id where i.code = 'FF01' and p.code = 'FY2017' and v.area_id = (select id from area where code = 'leicestershire')";

    private string connectionString = string.Empty;
    private AppFactory factory = null!;

    public async Task InitializeAsync()
    {
        connectionString = await database.CreateCopyAsync();
        factory = new AppFactory(connectionString);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<int> LoadAsync(HttpClient analyst, string name, string csv)
    {
        var (_, preview, _) = await UploadAndPreviewAsync(analyst, "/returns", name, Csv(csv));
        var confirm = await SubmitAsync(analyst, preview, "confirm-button");
        confirm.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return int.Parse(confirm.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_correction_reverted_puts_the_old_value_back_removes_what_it_added_and_keeps_both_in_history()
    {
        var analyst = await SignInAsync(factory, "analyst@example.org", "analyst");
        var original = await ScalarAsync<string>(connectionString, "select v.value || '|' || v.status || '|' || v.as_printed || '|' || v.note " + Ff01For2017);
        var historyBefore = await ScalarAsync<long>(connectionString, "select count(*) from indicator_value_history");

        var load = await LoadAsync(analyst, "correction.csv", "indicator_code,period,value\nFF01,2017/18,£680\nFF01,2019/20,£700 (provisional)\n");
        (await ScalarAsync<decimal>(connectionString, "select v.value " + Ff01For2017)).Should().Be(680m);

        var audit = await PageAsync(analyst, $"/audit/{load}");
        var changes = Text(audit);
        changes.Should().Contain("FF01").And.Contain("£677").And.Contain("£680").And.Contain("no value").And.Contain("£700 (provisional)");
        audit.GetElementById("load-reverted")!.TextContent.Trim().Should().Be("No");
        Text(await PageAsync(analyst, "/audit")).Should().Contain("correction.csv").And.Contain("analyst@example.org");

        var confirmPage = await PageAsync(analyst, $"/audit/{load}/revert");
        Text(confirmPage).Should().Contain("put back the earlier figure for 1 value").And.Contain("remove 1 value this load added");
        var revert = await SubmitAsync(analyst, confirmPage, "revert-button");
        revert.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var revertPage = await PageAsync(analyst, revert.Headers.Location!.OriginalString);
        Text(revertPage).Should().Contain($"Load {load} was reverted: 2 values were put back").And.Contain($"Load {load}");

        (await ScalarAsync<string>(connectionString, "select v.value || '|' || v.status || '|' || v.as_printed || '|' || v.note " + Ff01For2017))
            .Should().Be(original, "the value, its status, the text as printed and its note are back");
        (await ScalarAsync<long>(connectionString, "select count(*) from indicator_value v join indicator i on i.id = v.indicator_id join reporting_period p on p.id = v.period_id where i.code = 'FF01' and p.code = 'FY2019'"))
            .Should().Be(0, "the value the load created is gone again");

        (await ScalarAsync<long>(connectionString, "select count(*) from indicator_value_history")).Should().Be(historyBefore + 4, "two changes by the load, two by the revert; nothing deleted");
        (await ScalarAsync<string>(connectionString, $"select string_agg(coalesce(old_value::text, '-') || '>' || coalesce(new_value::text, '-'), ',' order by h.id) from indicator_value_history h join reporting_period p on p.id = h.period_id where h.indicator_id = (select id from indicator where code = 'FF01') and p.code = 'FY2017' and h.data_load_id >= {load}"))
            .Should().Be("677>680,680>677");
        (await ScalarAsync<string>(connectionString, $"select kind from data_load where id = (select revert_load_id from load_revert where load_id = {load})")).Should().Be("revert");
        (await ScalarAsync<bool>(connectionString, $"select reverted_at is not null from data_load where id = {load}")).Should().BeTrue();

        // Once reverted, it cannot be reverted again, and the same file can be loaded afresh.
        var again = await analyst.GetAsync(Url($"/audit/{load}/revert"));
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        Text(await PageOfAsync(again)).Should().Contain("already been reverted");
        var (_, reupload, _) = await UploadAndPreviewAsync(analyst, "/returns", "correction.csv", Csv("indicator_code,period,value\nFF01,2017/18,£680\nFF01,2019/20,£700 (provisional)\n"));
        reupload.GetElementById("already-loaded").Should().BeNull("a reverted load no longer counts as loaded");
        reupload.GetElementById("confirm-button").Should().NotBeNull();
    }

    [Fact]
    public async Task A_revert_puts_back_the_target_commentary_and_arrow_the_load_overwrote_and_removes_those_it_added()
    {
        const string Ff01Assessment = """
            select concat_ws('|', a.target_text, a.commentary, coalesce(a.officer_direction, '-'), a.reported_quartile,
                             coalesce(a.quartile_worst::text, '-'), coalesce(a.officer_marker, '-'), a.data_load_id)
            from indicator_assessment a join indicator i on i.id = a.indicator_id join reporting_period p on p.id = a.period_id
            where i.code = 'FF01' and p.code =
            """;
        var analyst = await SignInAsync(factory, "analyst@example.org", "analyst");
        var before = await ScalarAsync<string>(connectionString, Ff01Assessment + "'FY2017'");
        before.Should().Contain("Leicestershire", "the compendium's commentary for FF01 is held");

        var load = await LoadAsync(analyst, "assessed.csv",
            "indicator_code,period,value,target,commentary,direction\nFF01,2017/18,£680,£700,A corrected figure.,↓\nFF01,2019/20,£700,£710,A new year.,↑\n");
        (await ScalarAsync<string>(connectionString, Ff01Assessment + "'FY2017'")).Should().StartWith("£700|A corrected figure.|worse|");
        (await ScalarAsync<string>(connectionString, Ff01Assessment + "'FY2019'")).Should().StartWith("£710|A new year.|improved|");

        var confirmPage = await PageAsync(analyst, $"/audit/{load}/revert");
        Text(confirmPage).Should().Contain("Targets, commentary, officers’ arrows, reported quartiles and markers this load gave are put back");
        (await SubmitAsync(analyst, confirmPage, "revert-button")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await ScalarAsync<string>(connectionString, Ff01Assessment + "'FY2017'"))
            .Should().Be(before, "the target, commentary, arrow, quartile, marker and the load they came from are as before");
        (await ScalarAsync<long>(connectionString, "select count(*) from indicator_assessment a join indicator i on i.id = a.indicator_id join reporting_period p on p.id = a.period_id where i.code = 'FF01' and p.code = 'FY2019'"))
            .Should().Be(0, "the assessment the load created is gone with its value");
        (await ScalarAsync<long>(connectionString, $"select count(*) from indicator_assessment_history where data_load_id = {load}"))
            .Should().Be(2, "the history of what the load found is kept");
    }

    [Fact]
    public async Task A_revert_is_refused_with_the_values_named_when_a_later_load_changed_them_and_nothing_is_written()
    {
        var analyst = await SignInAsync(factory, "analyst@example.org", "analyst");
        var first = await LoadAsync(analyst, "first.csv", "indicator_code,period,value\nFF01,2017/18,£680\nFF02,2017/18,£505\n");
        var second = await LoadAsync(analyst, "second.csv", "indicator_code,period,value\nFF01,2017/18,£690\n");
        var before = await FingerprintAsync(connectionString);

        var page = await analyst.GetAsync(Url($"/audit/{first}/revert"));
        page.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var refused = await PageOfAsync(page);
        refused.GetElementById("revert-button").Should().BeNull();
        var blocked = refused.QuerySelectorAll("#blocked-changes tbody tr").Select(r => Spaced(r.TextContent)).ToList();
        blocked.Should().ContainSingle().Which.Should().Contain("FF01").And.Contain("£677").And.Contain("£680").And.Contain($"£690 (load {second})");

        // Posting anyway (with a valid token from the load's page) is refused the same way, inside the lock.
        var loadPage = await PageAsync(analyst, $"/audit/{first}");
        loadPage.GetElementById("revert-blocked").Should().NotBeNull();
        var token = await TokenAsync(analyst, "/returns");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var post = await analyst.PostAsync(Url($"/audit/{first}/revert"), form);
        post.StatusCode.Should().Be(HttpStatusCode.Conflict);
        Text(await PageOfAsync(post)).Should().Contain("Nothing was changed").And.Contain("1 value this load wrote has been changed by later loads");
        (await FingerprintAsync(connectionString)).Should().Equal(before, "a refused revert writes nothing at all");

        // Undone newest first, both go through and the value is back where it started.
        (await RevertAsync(analyst, second)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ScalarAsync<decimal>(connectionString, "select v.value " + Ff01For2017)).Should().Be(680m);
        (await RevertAsync(analyst, first)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ScalarAsync<decimal>(connectionString, "select v.value " + Ff01For2017)).Should().Be(677m);
        (await ScalarAsync<decimal>(connectionString, "select v.value from indicator_value v join indicator i on i.id = v.indicator_id join reporting_period p on p.id = v.period_id where i.code = 'FF02' and p.code = 'FY2017' and v.area_id = (select id from area where code = 'leicestershire')"))
            .Should().Be(504m);
        (await ScalarAsync<long>(connectionString, "select count(*) from data_load where kind = 'revert'")).Should().Be(2);
    }

    private static async Task<HttpResponseMessage> RevertAsync(HttpClient client, int load) =>
        await SubmitAsync(client, await PageAsync(client, $"/audit/{load}/revert"), "revert-button");

    private static string Spaced(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

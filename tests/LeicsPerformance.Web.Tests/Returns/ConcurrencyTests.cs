using System.Globalization;
using System.Net;
using LeicsPerformance.Web.Tests.Infrastructure;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Returns;

/// <summary>Two analysts, overlapping files, both confirming at once: one commits, the other is told what moved and writes nothing.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ConcurrencyTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task Of_two_overlapping_confirms_at_once_exactly_one_commits_and_the_other_is_told_what_changed()
    {
        var one = await SignInAsync(Factory, "one@example.org", "analyst");
        var two = await SignInAsync(Factory, "two@example.org", "analyst");

        // Several rounds, so both ways of losing are exercised: found moved by the re-check before committing, or by
        // the importer's own check inside its lock when both re-checked before either committed.
        for (var round = 0; round < 4; round++)
        {
            var year = 2020 + round;
            var period = string.Create(CultureInfo.InvariantCulture, $"{year}/{(year + 1) % 100:00}");
            var code = string.Create(CultureInfo.InvariantCulture, $"FY{year}");
            var loadsBefore = await ScalarAsync<long>(ConnectionString, "select count(*) from data_load");

            // Both write FF02 (the overlap); each also writes a value only it gives.
            var (_, previewOne, _) = await UploadAndPreviewAsync(one, "/returns", "one.csv", Csv($"indicator_code,period,value\nFF02,{period},£510\nFF03,{period},£320\n"));
            var (_, previewTwo, _) = await UploadAndPreviewAsync(two, "/returns", "two.csv", Csv($"indicator_code,period,value\nFF02,{period},£520\nFF04,{period},£999\n"));
            previewOne.GetElementById("confirm-button").Should().NotBeNull();
            previewTwo.GetElementById("confirm-button").Should().NotBeNull();

            var responses = await Task.WhenAll(SubmitAsync(one, previewOne, "confirm-button"), SubmitAsync(two, previewTwo, "confirm-button"));

            responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).Should().Be(1, "round {0}: exactly one commits", round);
            responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(1, "round {0}: the other is refused", round);
            var winnerIsOne = responses[0].StatusCode == HttpStatusCode.Redirect;
            responses[winnerIsOne ? 0 : 1].Headers.Location!.OriginalString.Should().StartWith("/returns/loads/");

            var loser = await PageOfAsync(responses[winnerIsOne ? 1 : 0]);
            loser.GetElementById("conflict-heading")!.TextContent.Should().Be("1 value changed since your preview");
            var moved = Text(loser);
            moved.Should().Contain("Nothing from your file was saved").And.Contain("FF02").And.Contain(period)
                .And.Contain("was no value").And.Contain(winnerIsOne ? "now £510" : "now £520");
            loser.GetElementById("recheck-button").Should().NotBeNull("the loser can check the file again against the new values");

            (await ScalarAsync<long>(ConnectionString, "select count(*) from data_load")).Should().Be(loadsBefore + 1);
            (await ValueAsync("FF02", code)).Should().Be(winnerIsOne ? 510m : 520m);
            (await CountAsync(winnerIsOne ? "FF04" : "FF03", code)).Should().Be(0, "nothing of the losing file is written");
            (await CountAsync(winnerIsOne ? "FF03" : "FF04", code)).Should().Be(1);
            (await ScalarAsync<long>(ConnectionString, $"select count(*) from indicator_value_history h join reporting_period p on p.id = h.period_id join indicator i on i.id = h.indicator_id where p.code = '{code}' and i.code in ('FF02', 'FF03', 'FF04')"))
                .Should().Be(2, "history holds the winner's two new values only");
        }
    }

    [Fact]
    public async Task After_losing_the_analyst_can_check_again_and_then_load_on_top_of_the_new_values()
    {
        var one = await SignInAsync(Factory, "one@example.org", "analyst");
        var two = await SignInAsync(Factory, "two@example.org", "analyst");
        var (_, previewOne, _) = await UploadAndPreviewAsync(one, "/returns", "one.csv", Csv("indicator_code,period,value\nFF02,2017/18,£510\n"));
        var (urlTwo, previewTwo, _) = await UploadAndPreviewAsync(two, "/returns", "two.csv", Csv("indicator_code,period,value\nFF02,2017/18,£520\n"));

        (await SubmitAsync(one, previewOne, "confirm-button")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // Opening the preview again (before confirming) already says what moved, and offers no confirm.
        var stale = await PageAsync(two, urlTwo);
        stale.GetElementById("moved-since-upload").Should().NotBeNull();
        Text(stale).Should().Contain("was £504").And.Contain("now £510");
        stale.GetElementById("confirm-button").Should().BeNull();

        var lost = await SubmitAsync(two, previewTwo, "confirm-button");
        lost.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var recheck = await SubmitAsync(two, await PageOfAsync(lost), "recheck-button");
        recheck.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var fresh = await PageAsync(two, recheck.Headers.Location!.OriginalString);
        Text(fresh).Should().Contain("£510").And.Contain("£520");
        (await SubmitAsync(two, fresh, "confirm-button")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ValueAsync("FF02", "FY2017")).Should().Be(520m);
        (await ScalarAsync<long>(ConnectionString, "select count(*) from indicator_value_history h join indicator i on i.id = h.indicator_id join reporting_period p on p.id = h.period_id where i.code = 'FF02' and p.code = 'FY2017' and h.old_value is not null"))
            .Should().Be(2, "504 → 510 and 510 → 520 are both in the history");
    }

    [Fact]
    public async Task A_change_made_while_the_confirm_waits_for_the_commit_lock_is_caught_inside_the_lock()
    {
        var analyst = await SignInAsync(Factory, "analyst@example.org", "analyst");
        var (_, preview, _) = await UploadAndPreviewAsync(analyst, "/returns", "late.csv", Csv("indicator_code,period,value\nFF02,2017/18,£520\nFF03,2017/18,£330\n"));
        var historyBefore = await ScalarAsync<long>(ConnectionString, "select count(*) from indicator_value_history");

        // Hold the importer's commit lock, so the confirm passes its own re-check and then waits inside CommitAsync.
        await using var other = new Npgsql.NpgsqlConnection(ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var take = new Npgsql.NpgsqlCommand("select pg_advisory_xact_lock(7231)", other, transaction))
        {
            await take.ExecuteNonQueryAsync();
        }

        var confirm = SubmitAsync(analyst, preview, "confirm-button");
        var waited = 0;
        while (await ScalarAsync<long>(ConnectionString, "select count(*) from pg_locks where locktype = 'advisory' and objid = 7231 and not granted") == 0)
        {
            confirm.IsCompleted.Should().BeFalse("the confirm should be waiting for the commit lock");
            (waited += 20).Should().BeLessThan(20_000);
            await Task.Delay(20);
        }

        // Meanwhile "another load" changes FF02, then lets go of the lock.
        await using (var change = new Npgsql.NpgsqlCommand(
            "update indicator_value set value = 515, as_printed = '£515' where indicator_id = (select id from indicator where code = 'FF02') and period_id = (select id from reporting_period where code = 'FY2017') and area_id = (select id from area where code = 'leicestershire')",
            other,
            transaction))
        {
            (await change.ExecuteNonQueryAsync()).Should().Be(1);
        }

        await transaction.CommitAsync();

        var response = await confirm;
        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await PageOfAsync(response);
        page.GetElementById("conflict-heading")!.TextContent.Should().Be("1 value changed since your preview");
        Text(page).Should().Contain("FF02").And.Contain("was £504").And.Contain("now £515");
        (await ValueAsync("FF03", "FY2017")).Should().Be(314m, "nothing of the file is written");
        (await ValueAsync("FF02", "FY2017")).Should().Be(515m);
        (await ScalarAsync<long>(ConnectionString, "select count(*) from indicator_value_history")).Should().Be(historyBefore);
        (await ScalarAsync<long>(ConnectionString, "select count(*) from data_load where kind = 'upload'")).Should().Be(0, "the load record was rolled back with the rest");
    }

    [Fact]
    public async Task A_double_click_on_confirm_loads_the_file_once()
    {
        var analyst = await SignInAsync(Factory, "analyst@example.org", "analyst");
        var (_, preview, _) = await UploadAndPreviewAsync(analyst, "/returns", "twice.csv", Csv("indicator_code,period,value\nFF05,2019/20,£300\n"));

        var responses = await Task.WhenAll(SubmitAsync(analyst, preview, "confirm-button"), SubmitAsync(analyst, preview, "confirm-button"));

        (await ScalarAsync<long>(ConnectionString, "select count(*) from data_load where kind = 'upload'")).Should().Be(1);
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Redirect || r.StatusCode == HttpStatusCode.Conflict);
        var result = responses.First(r => r.StatusCode == HttpStatusCode.Redirect).Headers.Location!.OriginalString;
        foreach (var busy in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Text(await PageOfAsync(busy)).Should().Contain("This upload is already being loaded");
        }

        // A third press, after the fact, lands on the same result and loads nothing more.
        var third = await SubmitAsync(analyst, preview, "confirm-button");
        third.StatusCode.Should().Be(HttpStatusCode.Redirect);
        third.Headers.Location!.OriginalString.Should().Be(result);
        (await ScalarAsync<long>(ConnectionString, "select count(*) from data_load where kind = 'upload'")).Should().Be(1);
    }

    private Task<decimal> ValueAsync(string indicator, string period) => ScalarAsync<decimal>(ConnectionString,
        $"select v.value from indicator_value v join indicator i on i.id = v.indicator_id join reporting_period p on p.id = v.period_id where i.code = '{indicator}' and p.code = '{period}' and v.area_id = (select id from area where code = 'leicestershire')");

    private Task<long> CountAsync(string indicator, string period) => ScalarAsync<long>(ConnectionString,
        $"select count(*) from indicator_value v join indicator i on i.id = v.indicator_id join reporting_period p on p.id = v.period_id where i.code = '{indicator}' and p.code = '{period}'");
}

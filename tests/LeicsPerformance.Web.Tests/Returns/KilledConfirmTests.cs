using System.Diagnostics;
using System.Net;
using LeicsPerformance.Web.Tests.Infrastructure;
using Npgsql;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Returns;

/// <summary>
/// A confirm holds its upload while it runs, so a second confirm (a double click, another tab, another instance) is
/// told the upload is busy. If the process confirming dies, the upload must not stay busy: the hold is a PostgreSQL
/// advisory lock of the confirm's own database session, which ends with the process.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class KilledConfirmTests(TestDatabase database)
{
    [Fact]
    public async Task A_confirm_killed_with_its_process_leaves_the_upload_free_to_confirm_at_once()
    {
        var connectionString = await database.CreateCopyAsync();
        await using var survivor = new AppFactory(connectionString);
        var here = await SignInAsync(survivor, "killed.analyst@example.org", "analyst");
        await using var doomed = await AppProcess.StartAsync(connectionString);
        using var there = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = doomed.Address };
        var token = await TokenAsync(there, "/account/sign-in");
        using (var signIn = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "killed.analyst@example.org",
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }))
        {
            (await there.PostAsync(Url("/account/sign-in"), signIn)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var (previewUrl, previewThere, status) = await UploadAndPreviewAsync(there, "/returns", "killed.csv", Csv("indicator_code,period,value\nFF02,2017/18,£515\n"));
        status.Should().Be(HttpStatusCode.OK);

        // Hold the load table, so the confirm in the app process stops inside its commit, holding the upload.
        await using var blocker = new NpgsqlConnection(connectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("lock table data_load in share mode", blocker, hold))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var confirmThere = SubmitAsync(there, previewThere, "confirm-button");
        await WaitForAsync(connectionString, "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike 'insert into data_load%'");

        // Meanwhile a confirm of the same upload from another instance is told it is busy.
        var previewHere = await PageAsync(here, previewUrl);
        var busy = await SubmitAsync(here, previewHere, "confirm-button");
        busy.StatusCode.Should().Be(HttpStatusCode.Conflict, "the first confirm is still running");

        await doomed.KillAsync();
        await Task.WhenAny(confirmThere, Task.Delay(TimeSpan.FromSeconds(5)));
        confirmThere.IsCompletedSuccessfully.Should().BeFalse("the killed confirm never answered (its connection was cut)");
        await hold.RollbackAsync();

        // At once, not after a ten-minute lease: the hold went with the dead process's database session.
        var clock = Stopwatch.StartNew();
        HttpResponseMessage again;
        do
        {
            again = await SubmitAsync(here, await PageAsync(here, previewUrl), "confirm-button");
        }
        while (again.StatusCode == HttpStatusCode.Conflict && clock.Elapsed < TimeSpan.FromSeconds(5) && await Pause());

        again.StatusCode.Should().Be(HttpStatusCode.Redirect, "the upload is free again within seconds of the kill");
        again.Headers.Location!.OriginalString.Should().StartWith("/returns/loads/");
        (await ScalarAsync<long>(connectionString, "select count(*) from data_load where file_name = 'killed.csv'")).Should().Be(1, "the killed confirm wrote nothing");
        (await ScalarAsync<decimal>(connectionString, "select v.value from indicator_value v join indicator i on i.id = v.indicator_id join reporting_period p on p.id = v.period_id where i.code = 'FF02' and p.code = 'FY2017'"))
            .Should().Be(515m);
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(100);
        return true;
    }

    private static async Task WaitForAsync(string connectionString, string countSql)
    {
        var clock = Stopwatch.StartNew();
        while (await ScalarAsync<long>(connectionString, countSql) == 0)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the confirm should reach its commit");
            await Task.Delay(100);
        }
    }
}

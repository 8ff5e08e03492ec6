using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Hosting;

/// <summary>
/// Two app instances (two in-process hosts, each with its own memory, cache and key ring) on one database, and the
/// command line as a separate process: a sign-in or a form from one instance works on the other, and a load made
/// anywhere is visible to anonymous readers of every instance on their next request, cache or not.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class InstancesAgreeTests(TestDatabase database) : IAsyncLifetime
{
    private string connectionString = string.Empty;
    private AppFactory instanceA = null!;
    private AppFactory instanceB = null!;

    public async Task InitializeAsync()
    {
        connectionString = await database.CreateCopyAsync();
        instanceA = new AppFactory(connectionString);
        instanceB = new AppFactory(connectionString);
        // Start both before either serves a request, as two instances deployed together would.
        _ = instanceA.Server;
        _ = instanceB.Server;
    }

    public async Task DisposeAsync()
    {
        await instanceA.DisposeAsync();
        await instanceB.DisposeAsync();
    }

    [Fact]
    public async Task A_sign_in_and_forms_from_one_instance_work_on_the_other()
    {
        await SignInAsync(instanceA, "shared.analyst@example.org", "analyst"); // creates the account
        var cookies = new CookieContainer();
        using var onA = instanceA.CreateDefaultClient(new Uri("http://localhost"), new SharedCookies(cookies));
        using var onB = instanceB.CreateDefaultClient(new Uri("http://localhost"), new SharedCookies(cookies));

        // The sign-in form (and its antiforgery cookie) from A, posted to B.
        var token = await TokenAsync(onA, "/account/sign-in");
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "shared.analyst@example.org",
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }))
        {
            var signIn = await onB.PostAsync(Url("/account/sign-in"), form);
            signIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "B accepts A's antiforgery token");
            signIn.Headers.Location!.OriginalString.Should().NotContain("sign-in");
        }

        // The session cookie B issued, read by A.
        (await onA.GetAsync(Url("/returns"))).StatusCode.Should().Be(HttpStatusCode.OK, "A reads the session B started");

        // A signed-in form from A, posted to B.
        var upload = await UploadAsync(onA, "/returns", "ff.csv", Csv("indicator_code,period,value\nFF02,2017/18,£509\n"));
        upload.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var preview = await PageAsync(onA, upload.Headers.Location!.OriginalString);
        var confirm = await SubmitAsync(onB, preview, "confirm-button");
        confirm.StatusCode.Should().Be(HttpStatusCode.Redirect, "B accepts the confirm form A showed");
        confirm.Headers.Location!.OriginalString.Should().StartWith("/returns/loads/");

        await using var db = TestDatabase.CreateContext(connectionString);
        (await db.DataProtectionKeys.CountAsync()).Should().Be(1, "both instances use the one key kept in PostgreSQL");
    }

    [Fact]
    public async Task Each_instance_sees_a_load_committed_by_the_other_on_its_next_request()
    {
        using var readerA = instanceA.CreateClient();
        using var readerB = instanceB.CreateClient();
        foreach (var reader in new[] { readerA, readerB, readerA, readerB })
        {
            (await Ff02Async(reader)).Should().Be("£504");
        }

        var analystA = await SignInAsync(instanceA, "a.analyst@example.org", "analyst");
        await LoadAsync(analystA, "£511");
        (await Soon.AnswerAsync(() => Ff02Async(readerB), "£511")).Should().Be("£511", "B's cached answer gives way to A's load as soon as B hears of it");
        (await PageTextAsync(readerB)).Should().Contain("£511");
        (await Ff02Async(readerA)).Should().Be("£511", "A's own load is seen by A's next request at once");

        var analystB = await SignInAsync(instanceB, "b.analyst@example.org", "analyst");
        await LoadAsync(analystB, "£512");
        (await Soon.AnswerAsync(() => Ff02Async(readerA), "£512")).Should().Be("£512", "and A's gives way to B's");
        (await PageTextAsync(readerA)).Should().Contain("£512");
    }

    [Fact]
    public async Task A_load_by_import_returns_is_visible_on_the_running_apps_next_anonymous_request()
    {
        using var reader = instanceA.CreateClient();
        (await Ff02Async(reader)).Should().Be("£504");
        (await PageTextAsync(reader)).Should().Contain("£504");
        (await Ff02Async(reader)).Should().Be("£504");

        var file = Path.Combine(Path.GetTempPath(), $"ff02-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "indicator_code,period,value\nFF02,2017/18,£513\n");
        try
        {
            var outcome = await CommandLineProcess.RunAsync(connectionString, "import-returns", file);
            outcome.ExitCode.Should().Be(0, "the load succeeds (stderr: {0})", outcome.Error);
            outcome.Output.Should().Contain("Loaded as load");
        }
        finally
        {
            File.Delete(file);
        }

        (await Soon.AnswerAsync(() => Ff02Async(reader), "£513")).Should().Be("£513");
        (await PageTextAsync(reader)).Should().Contain("£513").And.NotContain("£504");
    }

    private static async Task<string> Ff02Async(HttpClient client)
    {
        var dashboard = await client.GetFromJsonAsync<JsonElement>("/api/dashboards/fair-funding?period=2017/18");
        return dashboard.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "FF02")
            .GetProperty("current").GetProperty("display").GetString()!;
    }

    private static async Task<string> PageTextAsync(HttpClient client)
    {
        var page = Parse(await client.GetStringAsync(Url("/dashboards/fair-funding?period=2017/18")));
        return page.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("FF02", StringComparison.Ordinal)).TextContent;
    }

    private static async Task LoadAsync(HttpClient analyst, string value)
    {
        var (_, preview, status) = await UploadAndPreviewAsync(analyst, "/returns", $"ff02-{value}.csv", Csv($"indicator_code,period,value\nFF02,2017/18,{value}\n"));
        status.Should().Be(HttpStatusCode.OK);
        (await SubmitAsync(analyst, preview, "confirm-button")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    /// <summary>One browser's cookie jar across both instances (same host name, as behind a load balancer).</summary>
    private sealed class SharedCookies(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var cookie in set)
                {
                    cookies.SetCookies(request.RequestUri!, cookie);
                }
            }

            return response;
        }
    }
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeicsPerformance.Web.Tests.Committees;

/// <summary>Helpers for the committee tests: accounts, signing in through the real form, forms with their antiforgery token, pages as DOM.</summary>
internal static partial class CommitteeClient
{
    public const string Password = "a long enough passphrase";

    public static async Task CreateUsersAsync(AppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var (email, role) in new[] { ("analyst@example.org", Roles.Analyst), ("viewer@example.org", Roles.Viewer), ("admin@example.org", Roles.Administrator) })
        {
            var user = new AppUser { UserName = email, Email = email, DisplayName = role };
            (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        }
    }

    public static HttpClient Anonymous(AppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = BaseAddress(factory) });

    /// <summary>The in-memory server's address, or the real one when the factory runs Kestrel (the PDF tests).</summary>
    private static Uri BaseAddress(AppFactory factory)
    {
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var real = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal));
        return real is null ? new Uri("http://localhost") : new Uri(real);
    }

    public static async Task<HttpClient> SignedInAsync(AppFactory factory, string email)
    {
        var client = Anonymous(factory);
        var response = await PostFormAsync(client, "/account/sign-in", "/account/sign-in", new() { ["Email"] = email, ["Password"] = Password });
        // Over real Kestrel (the PDF tests) the client follows the redirect itself: success is leaving the sign-in page.
        var signedIn = response.StatusCode == HttpStatusCode.Redirect
            || (response.IsSuccessStatusCode && response.RequestMessage?.RequestUri?.AbsolutePath != "/account/sign-in");
        signedIn.Should().BeTrue($"{email} should be able to sign in (status {response.StatusCode})");
        return client;
    }

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then POSTs the fields to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri(formPage, UriKind.Relative));
        var token = TokenPattern().Matches(page).Select(m => m.Groups[1].Value).LastOrDefault();
        token.Should().NotBeNull($"{formPage} should carry an antiforgery token");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token!);
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    public static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{url} should be shown");
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The text of every report table, with revision notes left out and whitespace folded.</summary>
    public static string TablesWithoutRevisions(IDocument page)
    {
        var tables = page.QuerySelectorAll("table.app-committee-table").ToList();
        tables.Should().NotBeEmpty();
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            var copy = (IElement)table.Clone(deep: true);
            foreach (var note in copy.QuerySelectorAll(".app-revision").ToList())
            {
                note.Remove();
            }

            text.AppendLine(Fold(copy.TextContent));
        }

        return text.ToString();
    }

    public static string Fold(string text) => WhitespacePattern().Replace(text, " ").Trim();

    public static async Task LoadReturnAsync(string connectionString, string csv)
    {
        await using var db = TestDatabase.CreateContext(connectionString);
        var importer = new ReturnImporter(db);
        var plan = await importer.PlanAsync("test-return.csv", Encoding.UTF8.GetBytes(csv));
        plan.Errors.Should().BeEmpty();
        await new ReturnWriter(db).CommitAsync(plan, LoadKind.Upload, "test");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}

using System.Net;
using System.Text.RegularExpressions;
using LeicsPerformance.Web.Controllers;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeicsPerformance.Web.Tests.Accounts;

[Collection(DatabaseCollection.Name)]
public sealed partial class SignInTests(TestDatabase database) : IAsyncLifetime
{
    private const string Password = "a long enough passphrase";
    private AppFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = new AppFactory(await database.CreateCopyAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var analyst = new AppUser { UserName = "analyst@example.org", Email = "analyst@example.org", DisplayName = "An Analyst" };
        (await users.CreateAsync(analyst, Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(analyst, Roles.Analyst)).Succeeded.Should().BeTrue();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> PostSignIn(HttpClient client, string email, string password, bool withToken = true)
    {
        var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var fields = new Dictionary<string, string> { ["Email"] = email, ["Password"] = password };
        if (withToken)
        {
            fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        }

        return await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task An_analyst_signs_in_and_the_header_names_them()
    {
        using var client = Client();
        var response = await PostSignIn(client, "analyst@example.org", Password);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var home = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        home.Should().Contain("Signed in as analyst@example.org");
    }

    [Fact]
    public async Task A_wrong_password_gets_the_same_message_as_an_unknown_account()
    {
        using var client = Client();
        var wrong = await (await PostSignIn(client, "analyst@example.org", "not the password")).Content.ReadAsStringAsync();
        var unknown = await (await PostSignIn(client, "nobody@example.org", "not the password")).Content.ReadAsStringAsync();

        wrong.Should().Contain(AccountController.FailedMessage);
        unknown.Should().Contain(AccountController.FailedMessage);
        wrong.Should().Contain("govuk-error-summary");
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        using var client = Client();
        for (var i = 0; i < 5; i++)
        {
            await PostSignIn(client, "analyst@example.org", "not the password");
        }

        var locked = await PostSignIn(client, "analyst@example.org", Password);
        locked.StatusCode.Should().Be(HttpStatusCode.OK, "a locked account is not signed in");
        (await locked.Content.ReadAsStringAsync()).Should().Contain(AccountController.FailedMessage, "a locked account gets the same words as a wrong password");

        // An unknown address failing just as often answers exactly the same, so the page reveals no accounts.
        for (var i = 0; i < 5; i++)
        {
            await PostSignIn(client, "nobody@example.org", "not the password");
        }

        var unknown = await (await PostSignIn(client, "nobody@example.org", Password)).Content.ReadAsStringAsync();
        unknown.Should().Contain(AccountController.FailedMessage);
    }

    [Fact]
    public async Task An_unknown_address_a_wrong_password_and_a_locked_account_take_similar_time()
    {
        using var client = Client();
        async Task<double> Attempt(string email)
        {
            var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
            var fields = new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = "not the password", ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value,
            };
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(fields));
            return watch.Elapsed.TotalMilliseconds;
        }

        // The fastest of several tries: other work on the machine only ever adds time, so the minimum is what the
        // sign-in itself costs. Unknown and locked tries alternate, so a busy spell slows both alike.
        await Attempt("nobody@example.org"); // warm up the password hasher and the pages
        await Attempt("nobody@example.org");
        var wrongPassword = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            wrongPassword.Add(await Attempt("analyst@example.org")); // the fifth failure locks the account
        }

        var locked = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            locked.Add(await Attempt("analyst@example.org"));
            unknown.Add(await Attempt("nobody@example.org"));
        }

        // Without the decoy hash an unknown address answered in 3 ms against 43 ms; half is a wide margin.
        unknown.Min().Should().BeGreaterThan(wrongPassword.Min() * 0.5, $"unknown {unknown.Min():F1} ms, wrong password {wrongPassword.Min():F1} ms");
        locked.Min().Should().BeGreaterThan(wrongPassword.Min() * 0.5, $"locked {locked.Min():F1} ms, wrong password {wrongPassword.Min():F1} ms");
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused()
    {
        using var client = Client();
        var signedIn = await PostSignIn(client, "analyst@example.org", Password);
        var cookie = SessionCookie(signedIn);
        using var thief = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        (await Replay(thief, cookie)).StatusCode.Should().Be(HttpStatusCode.OK, "the copied cookie works while the session lasts");

        var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var signOut = await client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value }));
        signOut.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var replayed = await Replay(thief, cookie);
        replayed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        replayed.Headers.Location!.ToString().Should().Contain("/account/sign-in");
    }

    [Fact]
    public async Task A_password_change_ends_other_sessions()
    {
        using var client = Client();
        var cookie = SessionCookie(await PostSignIn(client, "analyst@example.org", Password));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var analyst = await users.FindByEmailAsync("analyst@example.org");
            (await users.ChangePasswordAsync(analyst!, Password, Password + " changed")).Succeeded.Should().BeTrue();
        }

        using var thief = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        (await Replay(thief, cookie)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private static string SessionCookie(HttpResponseMessage signedIn)
    {
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("leicsperformance=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<HttpResponseMessage> Replay(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/returns", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_form_posted_without_the_antiforgery_token_is_refused()
    {
        using var client = Client();
        var response = await PostSignIn(client, "analyst@example.org", Password, withToken: false);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

using System.Net;
using System.Text.RegularExpressions;
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

        wrong.Should().Contain("The email address or password is not right");
        unknown.Should().Contain("The email address or password is not right");
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
        (await locked.Content.ReadAsStringAsync()).Should().Contain("locked");
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

using System.Net;
using System.Text.RegularExpressions;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Returns;

/// <summary>
/// Who may write. The endpoints are read from the app's own endpoint data source, so an action added later is
/// checked without anyone remembering to list it: every POST must need a role (or be one of the two account
/// actions that cannot), anonymous callers are sent to sign in, viewers are refused, and a POST without the
/// antiforgery token is a 400 even for someone allowed to make it.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed partial class AuthorisationTests(TestDatabase database) : IAsyncLifetime
{
    /// <summary>Account actions that must work without a role: signing in, and signing out.</summary>
    private static readonly string[] OpenByDesign = ["account/sign-in", "account/sign-out"];

    /// <summary>Actions that answer every HTTP method: the error pages, which re-execute whatever request failed.</summary>
    private static readonly string[] AnyMethodByDesign = ["error", "error/{code:int}"];

    private static readonly string[] LoadingAreas = ["returns", "catalogue", "audit"];

    private string connectionString = string.Empty;
    private AppFactory factory = null!;

    public async Task InitializeAsync()
    {
        connectionString = await database.CreateCopyAsync();
        factory = new AppFactory(connectionString);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private sealed record Action(string Method, string Template, IReadOnlyList<IAuthorizeData> Authorize, bool AllowAnonymous)
    {
        public bool NeedsSignIn => Authorize.Count > 0 && !AllowAnonymous;

        /// <summary>Whether someone with only this role passes every [Authorize(Roles = …)] on the action.</summary>
        public bool Allows(string role) => Authorize.All(a => string.IsNullOrEmpty(a.Roles) || a.Roles.Split(',').Contains(role, StringComparer.Ordinal));

        /// <summary>A concrete address: route parameters filled with values of the right shape.</summary>
        public string Path => "/" + Parameter().Replace(Template, m => m.Groups["constraint"].Value switch
        {
            "int" => "999999",
            "guid" => Guid.NewGuid().ToString(),
            _ => "x",
        });

        public override string ToString() => $"{Method} /{Template}";
    }

    [GeneratedRegex(@"\{(?<name>[^}:?]+)(?::(?<constraint>[^}?]+))?\??\}")]
    private static partial Regex Parameter();

    private List<Action> Actions()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null);
        var actions = new List<Action>();
        foreach (var endpoint in endpoints)
        {
            // An action without [HttpGet]/[HttpPost] answers every method, so it is listed as ANY and must be one of the error pages.
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods)
            {
                actions.Add(new Action(
                    method,
                    endpoint.RoutePattern.RawText!.TrimStart('/'),
                    endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().ToList(),
                    endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null));
            }
        }

        return actions;
    }

    private List<Action> Writing() => Actions().Where(a => a.Method is "POST" or "PUT" or "PATCH" or "DELETE").ToList();

    private List<Action> LoadingPages() => Actions()
        .Where(a => a.Method == "GET" && LoadingAreas.Any(area => a.Template == area || a.Template.StartsWith(area + "/", StringComparison.Ordinal)))
        .ToList();

    [Fact]
    public void Every_writing_endpoint_needs_a_role_unless_it_is_signing_in_or_out()
    {
        var writing = Writing();
        writing.Select(a => a.Template).Should().Contain(
            ["returns/upload", "returns/{id:guid}/confirm", "catalogue/upload", "catalogue/{id:guid}/confirm", "audit/{id:int}/revert"],
            "the endpoint data source is where the writing endpoints are found");

        foreach (var action in writing.Where(a => !OpenByDesign.Contains(a.Template)))
        {
            action.NeedsSignIn.Should().BeTrue("{0} writes, so it must need a role", action);
            action.Authorize.Should().Contain(a => !string.IsNullOrEmpty(a.Roles), "{0} must name the roles that may use it", action);
            action.Allows("viewer").Should().BeFalse("a viewer only reads, so {0} must refuse viewers", action);
        }

        writing.Where(a => a.Template.StartsWith("catalogue/", StringComparison.Ordinal)).Should().OnlyContain(a => !a.Allows("analyst"), "the catalogue is for administrators");
        Actions().Where(a => a.Method == "ANY").Select(a => a.Template).Should().BeSubsetOf(AnyMethodByDesign,
            "an action answering every method also answers POST: give it [HttpGet] or [HttpPost]");
        LoadingPages().Should().HaveCountGreaterThanOrEqualTo(10).And.OnlyContain(a => a.NeedsSignIn && !a.Allows("viewer"));
    }

    [Fact]
    public async Task Anonymous_callers_are_sent_to_sign_in_from_every_writing_endpoint_and_every_loading_page()
    {
        var anonymous = NewClient(factory);
        var before = await FingerprintAsync(connectionString);
        foreach (var action in Writing().Where(a => a.NeedsSignIn).Concat(LoadingPages()))
        {
            using var request = new HttpRequestMessage(new HttpMethod(action.Method), Url(action.Path));
            if (action.Method != "GET")
            {
                request.Content = new FormUrlEncodedContent([]);
            }

            var response = await anonymous.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, "anonymous {0}", action);
            response.Headers.Location!.OriginalString.Should().Contain("/account/sign-in", "anonymous {0}", action);
        }

        (await FingerprintAsync(connectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task A_viewer_is_refused_every_writing_endpoint_and_every_loading_page()
    {
        var viewer = await SignInAsync(factory, "viewer@example.org", "viewer");
        var before = await FingerprintAsync(connectionString);
        var checkedCount = 0;
        foreach (var action in Writing().Where(a => a.NeedsSignIn).Concat(LoadingPages()))
        {
            using var request = new HttpRequestMessage(new HttpMethod(action.Method), Url(action.Path));
            if (action.Method != "GET")
            {
                // A real token, so that only the role stands in the way.
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenAsync(viewer, "/account/sign-in") });
            }

            var response = await viewer.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, "viewer {0}", action);
            var location = response.Headers.Location!.OriginalString;
            location.Should().Contain("/account/access-denied", "viewer {0}", action);
            (await viewer.GetAsync(new Uri(location, UriKind.RelativeOrAbsolute))).StatusCode.Should().Be(HttpStatusCode.Forbidden, "viewer {0} ends on a 403 page", action);
            checkedCount++;
        }

        checkedCount.Should().BeGreaterThan(15);
        (await FingerprintAsync(connectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task An_analyst_may_load_returns_but_not_change_the_catalogue()
    {
        var analyst = await SignInAsync(factory, "analyst@example.org", "analyst");
        (await analyst.GetAsync(Url("/returns"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await analyst.GetAsync(Url("/audit"))).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var path in new[] { "/catalogue", "/catalogue/template" })
        {
            var response = await analyst.GetAsync(Url(path));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            response.Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
        }

        var administrator = await SignInAsync(factory, "admin@example.org", "administrator");
        (await administrator.GetAsync(Url("/catalogue"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await administrator.GetAsync(Url("/returns"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400_for_everyone_allowed_to_make_it()
    {
        var analyst = await SignInAsync(factory, "analyst@example.org", "analyst");
        var administrator = await SignInAsync(factory, "admin@example.org", "administrator");
        var before = await FingerprintAsync(connectionString);
        var forged = 0;
        foreach (var action in Writing().Where(a => a.NeedsSignIn))
        {
            foreach (var (client, role) in new[] { (analyst, "analyst"), (administrator, "administrator") })
            {
                if (!action.Allows(role))
                {
                    continue;
                }

                // What a hostile page could send: the victim's cookies, a plausible body, no token.
                using var request = new HttpRequestMessage(new HttpMethod(action.Method), Url(action.Path))
                {
                    Content = new MultipartFormDataContent { { new ByteArrayContent(Csv("indicator_code,period,value\nFF01,2017/18,1\n")), "file", "x.csv" } },
                };
                var response = await client.SendAsync(request);
                response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "{0} by an {1} without a token", action, role);
                forged++;
            }
        }

        forged.Should().BeGreaterThanOrEqualTo(12);
        (await FingerprintAsync(connectionString)).Should().Equal(before);
        (await ScalarAsync<long>(connectionString, "select count(*) from pending_upload")).Should().Be(0);
    }
}

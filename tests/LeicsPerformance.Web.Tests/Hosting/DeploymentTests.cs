using System.Net;
using LeicsPerformance.Web.Hosting;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LeicsPerformance.Web.Tests.Hosting;

/// <summary>How the app behaves as deployed: Production errors, behind an HTTPS proxy, through a database outage, health checks.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class DeploymentTests(TestDatabase database) : AppTest(database)
{
    /// <summary>
    /// Test-only middleware, outermost: lets a test say which address a request came from (TestServer has none), and
    /// puts a failing URL at the end of the pipeline (reached only when no page matched, inside the exception handler).
    /// </summary>
    private sealed class TestHooks : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Peer", out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                await nextMiddleware();
            });
            next(app);
            app.Run(context => context.Request.Path == "/test-failure"
                ? throw new InvalidOperationException("A deliberate failure with a secret detail")
                : Task.CompletedTask);
        };
    }

    private WebApplicationFactory<Program> Host(string environment, params (string Key, string Value)[] settings) =>
        Factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestHooks>());
        });

    [Fact]
    public async Task Production_shows_an_error_page_with_a_reference_and_no_stack_trace()
    {
        using var client = Host("Production").CreateClient();
        var response = await client.GetAsync(new Uri("/test-failure", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        page.Should().Contain("Sorry, there is a problem with the service");
        var reference = response.Headers.GetValues(RequestLog.Header).Single();
        page.Should().Contain(reference, "the page quotes the correlation id that the log lines carry");
        page.Should().NotContain("secret detail").And.NotContain("InvalidOperationException").And.NotContain("   at ");
    }

    [Fact]
    public async Task The_run_script_and_docker_compose_honour_the_environment_they_are_given()
    {
        // `dotnet run --launch-profile http` set Development whatever ASPNETCORE_ENVIRONMENT said.
        var root = TestDatabase.RepositoryRoot();
        foreach (var file in new[] { "scripts/run.sh", "docker-compose.yml" })
        {
            var text = await File.ReadAllTextAsync(Path.Combine(root, file));
            text.Should().NotContain("--launch-profile", file).And.Contain("no-launch-profile", file);
            text.Should().Contain("ASPNETCORE_ENVIRONMENT:-Development", $"{file} defaults to Development but honours what it is given");
        }
    }

    [Fact]
    public async Task Behind_a_configured_proxy_https_answers_carry_hsts_and_secure_cookies()
    {
        using var client = Host("Production",
            ("Https:Required", "true"), ("Proxy:KnownProxies:0", "10.0.0.5"), ("AllowedHosts", "performance.example.org")).CreateClient(
            new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://performance.example.org"), AllowAutoRedirect = false });

        async Task<HttpResponseMessage> SignInPage(string peer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/sign-in", UriKind.Relative));
            request.Headers.Add("X-Test-Peer", peer);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "198.51.100.7");
            return await client.SendAsync(request);
        }

        var viaProxy = await SignInPage("10.0.0.5");
        viaProxy.StatusCode.Should().Be(HttpStatusCode.OK);
        viaProxy.Headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=31536000");
        viaProxy.Headers.GetValues("Set-Cookie").Should().OnlyContain(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        // Anyone else claiming HTTPS is not believed.
        var forged = await SignInPage("203.0.113.9");
        forged.Headers.Contains("Strict-Transport-Security").Should().BeFalse();

        // A forged Host header cannot choose where the sign-in redirect points.
        using var evil = new HttpRequestMessage(HttpMethod.Get, new Uri("/returns", UriKind.Relative));
        evil.Headers.Host = "evil.example.com";
        (await client.SendAsync(evil)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Reached_over_plain_http_with_https_required_pages_redirect_to_https_and_posts_are_refused_never_a_500()
    {
        using var client = Host("Production",
            ("Https:Required", "true"), ("Proxy:KnownProxies:0", "10.0.0.5"), ("AllowedHosts", "performance.example.org")).CreateClient(
            new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://performance.example.org:8080"), AllowAutoRedirect = false });

        // The sign-in page (a form, so a Secure-only antiforgery cookie) answered 500 over HTTP before.
        var page = await client.GetAsync(new Uri("/account/sign-in?returnUrl=%2Freturns", UriKind.Relative));
        page.StatusCode.Should().Be(HttpStatusCode.PermanentRedirect);
        page.Headers.Location.Should().Be(new Uri("https://performance.example.org/account/sign-in?returnUrl=%2Freturns"));

        // Someone other than the proxy claiming HTTPS is not believed either.
        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboards", UriKind.Relative));
        forged.Headers.Add("X-Test-Peer", "203.0.113.9");
        forged.Headers.Add("X-Forwarded-Proto", "https");
        (await client.SendAsync(forged)).StatusCode.Should().Be(HttpStatusCode.PermanentRedirect);

        // A form post is not redirected (its body would be sent twice) but refused, saying why.
        using var post = new FormUrlEncodedContent([new("Email", "someone@example.org"), new("Password", "not-sent")]);
        var posted = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), post);
        posted.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await posted.Content.ReadAsStringAsync()).Should().Contain("HTTPS only").And.Contain("nothing was sent or saved");

        // Load balancers probe health over plain HTTP.
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task During_a_database_outage_pages_answer_503_with_retry_after_and_readiness_fails()
    {
        using var client = Host("Production").CreateClient();
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database!;
        await AdminAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        NpgsqlConnection.ClearAllPools();
        try
        {
            var page = await client.GetAsync(new Uri("/dashboards?outage=1", UriKind.Relative));
            page.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            page.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(DatabaseUnavailable.RetryAfterSeconds));
            (await page.Content.ReadAsStringAsync()).Should().Contain("the service is unavailable");

            (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            await AdminAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true");
        }

        NpgsqlConnection.ClearAllPools();
        (await client.GetAsync(new Uri("/dashboards?outage=2", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task AdminAsync(string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

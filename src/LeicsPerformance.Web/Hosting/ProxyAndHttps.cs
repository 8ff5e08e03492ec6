using System.Net;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.HttpOverrides;

namespace LeicsPerformance.Web.Hosting;

/// <summary>
/// Serving behind a reverse proxy that terminates HTTPS (see operations.md): the client's address and scheme are taken
/// from X-Forwarded-For/-Proto only when the request comes from a configured proxy (<c>Proxy:KnownProxies</c>, IP
/// addresses; <c>Proxy:KnownNetworks</c>, CIDR ranges; loopback by default). With <c>Https:Required</c> (the default
/// outside Development) cookies are Secure-only, HTTPS answers carry HSTS, and a request that reached the app over plain
/// HTTP is sent to HTTPS (<see cref="UseHttpsOnly"/>).
/// </summary>
public static class ProxyAndHttps
{
    public static bool HttpsRequired(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Https:Required", !environment.IsDevelopment());

    public static void AddProxyAndHttps(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });

        var secure = HttpsRequired(configuration, builder.Environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = secure);
        builder.Services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
            Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme, options => options.Cookie.SecurePolicy = secure);
    }

    /// <summary>
    /// With HTTPS required, a request that did not come over HTTPS (as the trusted proxy reports it) is not served: a
    /// page is redirected permanently to its https:// address on the default port (the proxy's), anything else (a form
    /// post, an upload) is refused with 400, since replaying it elsewhere would send its body twice. Health checks stay
    /// reachable over HTTP for load balancers. Without this a page with a form answered 500, as its Secure-only
    /// antiforgery cookie cannot be set over HTTP.
    /// </summary>
    public static void UseHttpsOnly(this WebApplication app)
    {
        if (!HttpsRequired(app.Configuration, app.Environment))
        {
            return;
        }

        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.IsHttps || request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
            {
                await next();
                return;
            }

            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            {
                var secure = UriHelper.BuildAbsolute("https", new HostString(request.Host.Host), request.PathBase, request.Path, request.QueryString);
                context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
                context.Response.Headers.Location = secure;
                return;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                "This site is reached over HTTPS only: nothing was sent or saved. Open it again with an https:// address and try once more.");
        });
    }
}

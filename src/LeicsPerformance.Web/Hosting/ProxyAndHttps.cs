using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace LeicsPerformance.Web.Hosting;

/// <summary>
/// Serving behind a reverse proxy that terminates HTTPS (see operations.md): the client's address and scheme are taken
/// from X-Forwarded-For/-Proto only when the request comes from a configured proxy (<c>Proxy:KnownProxies</c>, IP
/// addresses; <c>Proxy:KnownNetworks</c>, CIDR ranges; loopback by default). With <c>Https:Required</c> (the default
/// outside Development) cookies are Secure-only and HTTPS answers carry HSTS.
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
}

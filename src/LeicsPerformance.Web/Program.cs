using LeicsPerformance.Web.Commands;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Hosting;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Reporting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

var builder = WebApplication.CreateBuilder(args);
if (!builder.Environment.IsDevelopment())
{
    // One JSON object per line, with the request's correlation id and any load id from the logging scopes, for the
    // council's log platform. Development keeps the readable console format.
    builder.Logging.AddJsonConsole(options =>
    {
        options.IncludeScopes = true;
        options.UseUtcTimestamp = true;
        options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
    });
}

builder.AddProxyAndHttps();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

// Read when first needed (not here) so that test hosts can supply their own database.
// Each commit this instance makes refreshes the data version at once (Data/DataVersionCommits.cs).
builder.Services.AddDbContext<PerformanceDbContext>((services, options) => options
    .UseNpgsql(DatabaseStartup.ConnectionString(services.GetRequiredService<IConfiguration>()))
    .AddInterceptors(services.GetRequiredService<DataVersionCommits>()));
// Options are checked when the app starts, so a mistyped setting stops it with a message instead of failing a page later.
builder.Services.AddOptions<ReportingOptions>().Bind(builder.Configuration.GetSection("Reporting"))
    .Validate(o => !string.IsNullOrWhiteSpace(o.HomeAreaCode), "Reporting:HomeAreaCode must name the council the app reports on (an area code such as leicestershire).")
    .ValidateOnStart();
// Write £, ‐, → and ↑ as themselves in HTML rather than as numeric entities: the pages are UTF-8 throughout.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddScoped<HomeArea>();
builder.Services.AddScoped<ReportingCalendar>();
builder.Services.AddScoped<ComparatorQueries>();
builder.Services.AddScoped<IndicatorSeries>();
builder.Services.AddScoped<PerformanceQueries>();
builder.Services.AddScoped<IndicatorQueries>();
builder.Services.AddScoped<IndicatorTrends>();
builder.Services.AddScoped<IndicatorBenchmarks>();
builder.Services.AddScoped<ValueHistoryQueries>();
builder.Services.AddScoped<FundingQueries>();
builder.Services.AddScoped<LineageQueries>();
builder.Services.AddScoped<IndicatorSearch>();
builder.Services.AddScoped<SampleDataSeeder>();
builder.Services.AddScoped<ReturnImporter>();
builder.Services.AddScoped<ReturnWriter>();
builder.Services.AddOptions<UploadOptions>().Bind(builder.Configuration.GetSection(UploadOptions.Section))
    .Validate(o => o.MaxBytes > 0 && o.MaxRows > 0, "Uploads:MaxBytes and Uploads:MaxRows must be greater than zero.")
    .Validate(o => o.MaxProblemsListed > 0 && o.MaxPendingPerUser > 0, "Uploads:MaxProblemsListed and Uploads:MaxPendingPerUser must be greater than zero.")
    .Validate(o => o.MaxConcurrent > 0 && o.QueueSeconds >= 0, "Uploads:MaxConcurrent must be greater than zero and Uploads:QueueSeconds zero or more.")
    .ValidateOnStart();
builder.Services.AddSingleton<UploadGate>();
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddScoped<PendingUploads>();
builder.Services.AddScoped<UploadConfirmation>();
builder.Services.AddScoped<ReturnUploads>();
builder.Services.AddScoped<ReturnTemplate>();
builder.Services.AddScoped<ReturnConsequences>();
builder.Services.AddScoped<AffectedDashboards>();
builder.Services.AddSingleton<DatasetMappings>();
builder.Services.AddScoped<CatalogueUploads>();
builder.Services.AddScoped<CommitteeUploads>();
builder.Services.AddScoped<LoadReverter>();
// Committees' quarterly reports, and their PDFs printed by the system's Chromium (Pdf:ChromiumPath).
builder.Services.AddScoped<CommitteeScopes>();
builder.Services.AddScoped<CommitteeQueries>();
builder.Services.AddScoped<CommitteeReportBuilder>();
builder.Services.AddScoped<CommitteeReportPublishing>();
builder.Services.AddScoped<CommitteeQuestions>();
builder.Services.AddScoped<CommitteeDownloads>();
builder.Services.AddOptions<PdfOptions>().Bind(builder.Configuration.GetSection("Pdf"))
    .Validate(o => o.BaseUrl.Length == 0 || (Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"), "Pdf:BaseUrl must be empty or an absolute http(s) address.")
    .ValidateOnStart();
builder.Services.AddSingleton<CommitteePdfRenderer>();

builder.Services
    .AddIdentity<AppUser, IdentityRole>(options =>
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
    })
    .AddEntityFrameworkStores<PerformanceDbContext>()
    .AddDefaultTokenProviders();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/sign-in";
    options.LogoutPath = "/account/sign-out";
    options.AccessDeniedPath = "/account/access-denied";
    options.Cookie.Name = "leicsperformance";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.SlidingExpiration = true;
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    // The security stamp is checked against the database on every signed-in request, so signing out, a password
    // change or a role change ends every copy of the session at once (a copied cookie is refused).
    options.Events.OnValidatePrincipal = SessionCheck.ValidatePrincipalAsync;
});
// The keys that sign and encrypt cookies and antiforgery tokens live in PostgreSQL, under one application name
// whatever folder an instance runs from, so a session or a form from one instance is good on every other.
builder.Services.AddDataProtection()
    .SetApplicationName("LeicsPerformance")
    .PersistKeysToDbContext<PerformanceDbContext>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton<DataVersion>();
builder.Services.AddSingleton<DataVersionCommits>();
builder.Services.AddHostedService<DataVersionListener>();
builder.Services.AddSingleton<RatedMemo>();
builder.Services.AddAuthorization();
builder.Services.AddControllersWithViews(options =>
{
    // Every form that writes carries an antiforgery token, and the server checks it on every unsafe method.
    options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
    // A page asked for with an old form of a period (?period=FY2021Q1) moves permanently to its one address form
    // (?period=2021-22-q1); /api keeps reading every form.
    options.Filters.Add(new CanonicalPeriodAddresses());
});

// Read pages and API answers change only when data is committed: cache them for anonymous readers, varying by
// query string and by the data version (held in memory, moved by this instance's commits at once and by every other
// writer's through a PostgreSQL notification; see Data/DataVersion.cs). Signed-in users are never served cache.
builder.Services.AddOutputCache(options =>
    options.AddPolicy(OutputCachePolicies.Data, policy => policy
        .Expire(TimeSpan.FromMinutes(10))
        .SetVaryByQuery("*")
        .VaryByValue(async (context, ct) =>
            new KeyValuePair<string, string>("data-version", await context.RequestServices.GetRequiredService<DataVersion>().CurrentAsync(ct)))));

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    // e.g. `dotnet run --project src/LeicsPerformance.Web -- create-admin --email someone@leics.gov.uk`
    return await CommandLine.RunWithDatabaseAsync(app, args);
}

await app.PrepareDatabaseAsync();

// First: the client's scheme and address as the configured proxy saw them, before anything reads them.
app.UseForwardedHeaders();
app.UseRequestLog();
app.UseHttpsOnly();
if (!app.Environment.IsDevelopment())
{
    // Never a stack trace outside Development: the error page shows the correlation id, the details go to the log.
    app.UseExceptionHandler("/error");
}

if (ProxyAndHttps.HttpsRequired(app.Configuration, app.Environment))
{
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseRequestValidation();
app.Use(async (context, next) =>
{
    // No inline script or style anywhere, so the policy can be strict.
    context.Response.Headers.ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    context.Response.Headers.XContentTypeOptions = "nosniff";
    context.Response.Headers["Referrer-Policy"] = "same-origin";
    await next();
});
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
app.MapControllers();
// For load balancers and orchestrators: live = the process answers; ready = it can reach the database too.
app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Reporting;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

// Read when first needed (not here) so that test hosts can supply their own database.
builder.Services.AddDbContext<PerformanceDbContext>((services, options) =>
    options.UseNpgsql(DatabaseStartup.ConnectionString(services.GetRequiredService<IConfiguration>())));
builder.Services.Configure<ReportingOptions>(builder.Configuration.GetSection("Reporting"));
builder.Services.AddScoped<PerformanceQueries>();
builder.Services.AddScoped<SampleDataSeeder>();
builder.Services.AddControllersWithViews();

var app = builder.Build();

await app.PrepareDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
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
app.MapControllers();

await app.RunAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Reporting;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

var connectionString = builder.Configuration.GetConnectionString("Performance");
if (string.IsNullOrWhiteSpace(connectionString))
{
    throw new InvalidOperationException(
        "No database is configured. Start the app with scripts/run.sh (it starts a local PostgreSQL), " +
        "or set ConnectionStrings__Performance, e.g. \"Host=127.0.0.1;Port=5433;Username=postgres;Database=leicsperformance\".");
}

builder.Services.AddDbContext<PerformanceDbContext>(options => options.UseNpgsql(connectionString));
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

using System.Diagnostics;
using System.Text;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeicsPerformance.Web.Tests.Browser;

/// <summary>
/// A first run as the README's run command gives it (an empty database, the sample data loaded at start-up): a viewer
/// opens the committee list and a published report, sees exceptions first and prints it; an analyst's correction then
/// shows as "revised since publication" while the next quarter's draft uses the new figure.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CommitteeBrowserTests(TestDatabase database, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Report = "/committees/adults-and-communities/2021-22-q1";
    private LiveApp app = null!;

    public Task InitializeAsync()
    {
        app = LiveApp.Start(database.EmptyDatabase(), loadSampleData: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_viewer_reads_a_published_report_exceptions_first_and_a_correction_shows_as_a_revision()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/committees");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        await page.ClickAsync("main a[href='/committees/adults-and-communities']");
        await page.ClickAsync($"main a[href='{Report}']");
        await page.WaitForURLAsync("**" + Report);

        (await page.InnerTextAsync("h1")).Should().Contain("Performance Report for Quarter One 2021-22 (April – June)");
        (await page.InnerTextAsync("main")).Should().Contain("Published").And.Contain("Illustrative figures");
        var order = await page.EvaluateAsync<int[]>("() => ['exceptions', 'quarterly', 'annual'].map(id => Array.from(document.querySelectorAll('h2')).findIndex(h => h.id === id))");
        order.Should().BeInAscendingOrder().And.NotContain(-1);
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();

        var printed = PdfText(await page.PdfAsync(new PagePdfOptions { Format = "A4" }));
        printed.Should().Contain("Performance Report for Quarter One 2021-22").And.Contain("Exceptions").And.NotContain("Skip to main content");

        // An analyst corrects this quarter's figure for QAC01 (571.0 when published).
        await using (var db = TestDatabase.CreateContext(app.ConnectionString))
        {
            var importer = new ReturnImporter(db);
            var plan = await importer.PlanAsync("correction.csv", Encoding.UTF8.GetBytes("indicator_code,period,value\nQAC01,Q1 2021/22,575.5\n"));
            plan.Errors.Should().BeEmpty();
            await new ReturnWriter(db).CommitAsync(plan, LoadKind.Upload, "analyst@example.org");
        }

        await page.ReloadAsync();
        var row = await page.InnerTextAsync("#quarterly ~ * tr[data-code='QAC01']");
        row.Should().Contain("571.0").And.Contain("Revised since publication").And.Contain("575.5");

        // The draft for the next quarter, which only analysts see, compares with the corrected figure.
        await SignInAsAnalystAsync(page);
        await page.GotoAsync("/committees/adults-and-communities/2021-22-q2");
        (await page.InnerTextAsync("main")).Should().Contain("Draft");
        var next = await page.InnerTextAsync("#quarterly ~ * tr[data-code='QAC01']");
        next.Should().Contain("575.5").And.NotContain("Revised since publication");
    }

    private async Task SignInAsAnalystAsync(IPage page)
    {
        const string email = "analyst@example.org";
        const string password = "a sufficiently long passphrase";
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var analyst = new AppUser { UserName = email, Email = email };
            (await users.CreateAsync(analyst, password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(analyst, Roles.Analyst)).Succeeded.Should().BeTrue();
        }

        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForLoadStateAsync();
        page.Url.Should().NotContain("sign-in", "signing in as the analyst should succeed: {0}", await page.InnerTextAsync("main"));
    }

    private static string PdfText(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"lp-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

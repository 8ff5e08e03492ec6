using System.Globalization;
using CsvHelper;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeicsPerformance.Web.Tests.Browser;

/// <summary>
/// An analyst's quarter, in Chromium: sign in, download a template, fill it in with three mistakes, see each named by
/// row and column, fix them, preview, commit, see the dashboard change, and revert.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class AnalystBrowserTests(TestDatabase database, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Email = "analyst@example.org";
    private const string Password = "correct horse battery staple";
    private LiveApp app = null!;

    public async Task InitializeAsync()
    {
        app = LiveApp.Start(await database.CreateCopyAsync());
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var analyst = new AppUser { UserName = Email, Email = Email, DisplayName = "An Analyst" };
        (await users.CreateAsync(analyst, Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(analyst, Roles.Analyst)).Succeeded.Should().BeTrue();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Template_mistakes_fix_preview_commit_dashboard_and_revert()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);

        await page.GotoAsync("/returns");
        await page.WaitForURLAsync("**/account/sign-in**");
        await page.FillAsync("#Email", Email);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("main button[type=submit]");
        // After the sign-in redirect, wait for the page's document, not its load event: in about one full run in three,
        // under parallel tests, Playwright reported network idle but never the load event here, and timed out.
        await page.WaitForURLAsync("**/returns", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();

        await page.SelectOptionAsync("#template-dashboard", "fair-funding");
        await page.FillAsync("#template-period", "2017/18");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#template-button"));
        var template = ReadCsv(await download.PathAsync() ?? throw new InvalidOperationException("no template"));
        template.Select(r => r["indicator_code"]).Should().Contain(["FF02", "FF03", "FF04"]);

        // Fill three rows; make three mistakes: text for a number, an impossible period, a code that does not exist.
        var withMistakes = Fill(template, ("FF02", "2017/18", "£510"), ("FF03", "2017/18", "lots"), ("FF04", "2017/19", "£215"), ("FF99", "2017/18", "£1"));
        await UploadAsync(page, "fair-funding-2017-18.csv", withMistakes);
        var summary = await page.InnerTextAsync("#error-summary");
        summary.Should().Contain("3 problems");
        summary.Should().Contain("Row 3, column value: 'lots' is not a number");
        summary.Should().Contain("Row 4, column period: '2017/19' is not a period");
        summary.Should().Contain("Row 5, column indicator_code: 'FF99' is not an indicator code");
        (await page.Locator("#confirm-button").CountAsync()).Should().Be(0, "a file with errors cannot be confirmed");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();

        var fixedFile = Fill(template, ("FF02", "2017/18", "£510"), ("FF03", "2017/18", "£314"), ("FF04", "2017/18", "£215"));
        await page.GotoAsync("/returns");
        await UploadAsync(page, "fair-funding-2017-18-fixed.csv", fixedFile);
        (await page.GetAttributeAsync("#count-changed", "data-count")).Should().Be("2", "FF02 504 → 510 and FF04 214 → 215");
        (await page.GetAttributeAsync("#count-unchanged", "data-count")).Should().Be("1");
        (await page.InnerTextAsync("#changed-heading ~ div, #changed-heading + *")).Should().Contain("£504").And.Contain("£510");

        await page.ClickAsync("#confirm-button");
        await page.WaitForSelectorAsync("#result-load-id");
        var loadId = (await page.InnerTextAsync("#result-load-id")).Trim();

        await page.GotoAsync("/dashboards/fair-funding?period=2017/18");
        (await page.InnerTextAsync("tr[data-code='FF02']")).Should().Contain("£510");

        await page.GotoAsync($"/audit/{loadId}/revert");
        await page.ClickAsync("#revert-button");
        await page.WaitForLoadStateAsync();
        await page.GotoAsync("/dashboards/fair-funding?period=2017/18");
        (await page.InnerTextAsync("tr[data-code='FF02']")).Should().Contain("£504").And.NotContain("£510");
    }

    private static async Task UploadAsync(IPage page, string name, string content)
    {
        await page.SetInputFilesAsync("#upload-file", new FilePayload { Name = name, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(content) });
        await page.ClickAsync("#upload-button");
        await page.WaitForSelectorAsync("#preview-counts");
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .Select(r => r.ToDictionary(k => k.Key, k => (string)k.Value, StringComparer.Ordinal)).ToList();
    }

    /// <summary>The template's heading row and the rows filled in, as an analyst would save them.</summary>
    private static string Fill(List<Dictionary<string, string>> template, params (string Code, string Period, string Value)[] filled)
    {
        var header = template[0].Keys.ToList();
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        header.ForEach(csv.WriteField);
        csv.NextRecord();
        foreach (var (code, period, value) in filled)
        {
            var row = template.FirstOrDefault(r => r["indicator_code"] == code) ?? header.ToDictionary(h => h, _ => string.Empty, StringComparer.Ordinal);
            foreach (var h in header)
            {
                csv.WriteField(h switch
                {
                    "indicator_code" => code,
                    "period" => period,
                    "value" => value,
                    "area_code" => "leicestershire",
                    _ => row[h],
                });
            }

            csv.NextRecord();
        }

        csv.Flush();
        return writer.ToString();
    }
}

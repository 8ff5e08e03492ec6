using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LeicsPerformance.Web.Tests.Browser;

/// <summary>An officer's journey in Chromium: overview → dashboard → indicator → back, the period picker, a CSV
/// download that matches the table on screen, and printing to PDF.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class JourneyBrowserTests(TestDatabase database, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private LiveApp app = null!;

    public async Task InitializeAsync() => app = LiveApp.Start(await database.CreateCopyAsync());

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Overview_to_dashboard_to_indicator_and_back()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/?period=2017/18");
        (await page.InnerTextAsync("main")).Should().Contain("Out of 191 metrics, 76 improved (44%)");

        await page.ClickAsync("main a[href*='/dashboards/fair-funding']");
        await page.WaitForURLAsync("**/dashboards/fair-funding**");
        (await page.InnerTextAsync("h1")).Should().Contain("Fair Funding");
        (await page.Locator("tr[data-code]").CountAsync()).Should().Be(13);

        await page.ClickAsync("tr[data-code='FF01'] a");
        await page.WaitForURLAsync("**/indicators/FF01**");
        (await page.InnerTextAsync("h1")).Should().Contain("Core Spending Power per head");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();

        await page.GoBackAsync();
        await page.WaitForURLAsync("**/dashboards/fair-funding**");
        (await page.Locator("tr[data-code='FF01']").CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task The_2021_22_overview_opens_the_Safe_and_Well_public_health_dashboard_of_its_own_edition_and_a_trend_across_both_editions()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/?period=2021/22");
        var overview = await page.InnerTextAsync("main");
        overview.Should().Contain("91 improved (45%), 38 saw no real change (19%) and 73 (36%) got worse. For 19 ");
        overview.Should().Contain("Safe & Well \u2010 Public Health").And.NotContain("Wellbeing \u2010 Public Health");

        await page.ClickAsync("main a[href*='/dashboards/safe-and-well-public-health-2021-22']");
        await page.WaitForURLAsync("**/dashboards/safe-and-well-public-health-2021-22**");
        (await page.InnerTextAsync("h1")).Should().Contain("Safe & Well");
        (await page.Locator("tr[data-code]").CountAsync()).Should().Be(25);
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();

        // Life expectancy (males) is PB01 in 2021/22 and was PH01 in 2017/18: one trend across both editions.
        await page.ClickAsync("tr[data-code='PB01'] a");
        await page.WaitForURLAsync("**/indicators/PB01**");
        var trend = await page.InnerTextAsync("#trend-table");
        trend.Should().Contain("2016/17").And.Contain("2021/22").And.Contain("Printed as PH01 in the 2017/18 compendium.");
        await page.ClickAsync("#lineage a[href$='/indicators/PH01']");
        await page.WaitForURLAsync("**/indicators/PH01**");
        (await page.InnerTextAsync("#lineage")).Should().Contain("Continued in the 2021/22 compendium as PB01");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_period_picker_changes_the_overview_by_keyboard()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/?period=2017/18");
        await page.FocusAsync("select[name='period']");
        await page.SelectOptionAsync("select[name='period']", new SelectOptionValue { Label = "2016/17" });
        await page.Keyboard.PressAsync("Tab");
        // The next stop from the select is the form's own button; wait until it has focus before pressing Enter,
        // so a slow machine does not press Enter on the select.
        await page.WaitForFunctionAsync("() => document.activeElement?.textContent?.trim() === 'Show period'");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**period=2016-17**");
        (await page.InnerTextAsync("h1")).Should().Contain("2016/17");
    }

    [Fact]
    public async Task The_dashboard_csv_download_has_the_rows_of_the_table()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/dashboards/wellbeing-public-health?period=2017/18");
        var codesOnScreen = await page.Locator("tr[data-code]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        var titlesOnScreen = await page.Locator("tr[data-code] a").AllInnerTextsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Download this table as CSV"));
        var path = await download.PathAsync();
        using var reader = new StreamReader(path!);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var records = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        codesOnScreen.Should().NotBeEmpty();
        records.Select(r => (string)r["code"]).Should().Equal(codesOnScreen);
        records.Select(r => (string)r["description"]).Should().Equal(titlesOnScreen.Select(t => t.Trim()));
    }

    [Theory]
    [InlineData("/indicators/FF01?period=2018/19")]
    [InlineData("/indicators/ES08?period=2017/18")]
    [InlineData("/funding")]
    [InlineData("/funding?group=county-councils&compare=surrey")]
    [InlineData("/account/sign-in")]
    public async Task More_pages_pass_axe(string url)
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        var response = await page.GotoAsync(url);
        response!.Ok.Should().BeTrue();
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_dashboard_prints_to_pdf_with_its_table_and_without_navigation()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/dashboards/fair-funding?period=2017/18");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        pdf.Length.Should().BeGreaterThan(10_000);

        var text = PdfText(pdf);
        text.Should().Contain("Core Spending Power per head of population").And.Contain("Fair Funding");
        text.Should().NotContain("Skip to main content").And.NotContain("Download this table as CSV");
    }

    /// <summary>Extracts a PDF's text with pdftotext (Debian's poppler-utils), which the test script installs.</summary>
    private static string PdfText(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"lp-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("pdftotext did not start: install poppler-utils.");
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("pdftotext is missing: install it with `sudo apt-get install -y poppler-utils`.", e);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

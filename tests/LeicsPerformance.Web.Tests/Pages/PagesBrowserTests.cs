using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LeicsPerformance.Web.Tests.Pages;

/// <summary>The overview, a dashboard and the exceptions in a real browser: axe, the keyboard, JavaScript enhancements.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class PagesBrowserTests(TestDatabase database, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private LiveApp app = null!;

    public async Task InitializeAsync() => app = LiveApp.Start(await database.CreateCopyAsync());

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("/?period=2017/18")]
    [InlineData("/dashboards")]
    [InlineData("/dashboards/fair-funding?period=2017/18")]
    [InlineData("/dashboards/wellbeing-health-and-care?period=2017/18&direction=worse&strategic=true")]
    [InlineData("/exceptions?period=2017/18")]
    [InlineData("/accessibility")]
    [InlineData("/no-such-page")]
    public async Task Pages_pass_axe(string url)
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // A missing page logs its own 404; anything else (a CSP refusal, a script error) is a bug.
            if (message.Type == "error" && !message.Text.Contains("404", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync(url);

        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        errors.Should().BeEmpty("no Content-Security-Policy refusals or script errors");
    }

    [Fact]
    public async Task Keyboard_focus_on_an_arrow_shows_why_and_escape_hides_it()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/dashboards/fair-funding?period=2017/18");

        var term = page.Locator("tr[data-code=FF01] [data-column=direction] .app-explain__term");
        var text = page.Locator("tr[data-code=FF01] [data-column=direction] .app-explain__text");
        (await text.BoundingBoxAsync())!.Width.Should().BeLessThan(2, "hidden until hover or focus");

        await term.FocusAsync();
        var shown = (await text.BoundingBoxAsync())!;
        shown.Width.Should().BeGreaterThan(100);
        (await text.InnerTextAsync()).Should().Be("£653 → £677, higher is better: improved.");

        await page.Keyboard.PressAsync("Escape");
        (await text.BoundingBoxAsync())!.Width.Should().BeLessThan(2, "Escape dismisses it (WCAG 1.4.13)");
    }

    [Fact]
    public async Task Filters_work_from_the_keyboard_and_the_print_button_appears_with_javascript()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/dashboards/fair-funding?period=2017/18");

        (await page.Locator("button[data-app-print]").IsVisibleAsync()).Should().BeTrue("print.js reveals it");

        await page.FocusAsync("#direction");
        await page.SelectOptionAsync("#direction", "worse");
        await page.FocusAsync("form.app-filters button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("direction=worse", StringComparison.Ordinal));

        var words = await page.Locator("table.app-dashboard-table tr[data-code] .app-direction__words").AllInnerTextsAsync();
        words.Should().NotBeEmpty().And.OnlyContain(w => w == "Got worse");
    }

    [Fact]
    public async Task The_dashboard_table_fits_a_1280_pixel_window_without_scrolling()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/dashboards/fair-funding?period=2017/18");

        var overflow = await page.EvaluateAsync<int>(
            "() => { const w = document.querySelector('.app-dashboard-table').parentElement; return w.scrollWidth - w.clientWidth; }");
        overflow.Should().BeLessThanOrEqualTo(0, "all ten columns, commentary and marker included, are visible at 1280px");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
            .Should().BeLessThanOrEqualTo(0, "the page itself never scrolls sideways");
    }
}

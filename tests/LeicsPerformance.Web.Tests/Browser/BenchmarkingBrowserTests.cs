using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LeicsPerformance.Web.Tests.Browser;

/// <summary>An ONS indicator's long trend and the comparator pickers in Chromium: the chart's lines, axe, the keyboard.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class BenchmarkingBrowserTests(TestDatabase database, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private LiveApp app = null!;

    public async Task InitializeAsync() => app = LiveApp.Start(await database.CreateCopyAsync());

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_trend_chart_draws_england_and_the_median_beside_the_council_and_the_page_passes_axe()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync("/indicators/SA05");
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-chart=trend]'))");
        var lines = await page.EvaluateAsync<string[]>("() => Chart.getChart(document.querySelector('canvas[data-chart=trend]')).data.datasets.map(d => d.label)");
        lines.Should().Equal("Leicestershire", "England", "Median of county councils");
        var fromZero = await page.EvaluateAsync<double>("() => Chart.getChart(document.querySelector('canvas[data-chart=trend]')).scales.y.min");
        fromZero.Should().Be(0, "a percentage is charted from zero");

        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        errors.Should().BeEmpty("no Content-Security-Policy refusals or script errors");
    }

    [Fact]
    public async Task The_dashboards_comparator_picker_works_from_the_keyboard()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/dashboards/opportunity-school-and-academy-performance?period=2017/18");
        await page.FocusAsync("select#group");
        await page.SelectOptionAsync("select#group", new SelectOptionValue { Label = "ONS similar areas" });
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**group=similar-areas**");
        (await page.InputValueAsync("select#group")).Should().Be("similar-areas");
        (await page.InnerTextAsync("main")).Should().Contain("Quartiles are computed against ONS similar areas");
    }
}

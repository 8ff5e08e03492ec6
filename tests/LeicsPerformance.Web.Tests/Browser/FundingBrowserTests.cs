using LeicsPerformance.Web.Tests.Infrastructure;

namespace LeicsPerformance.Web.Tests.Browser;

/// <summary>
/// The funding ranking's chart in Chromium, on a desktop and a phone: 150 bars run to thousands of pixels, so its value
/// axis and quartile-boundary labels must stay in view and apart; its bars are coloured by kind of council with a
/// legend, and the table says the same in words; MHCLG's data is credited.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class FundingBrowserTests(TestDatabase database, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const int Height = 800;

    private LiveApp app = null!;

    public async Task InitializeAsync() => app = LiveApp.Start(await database.CreateCopyAsync());

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_funding_chart_keeps_its_axis_in_view_its_quartile_labels_apart_and_colours_councils_by_kind(int width)
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SetViewportSizeAsync(width, Height);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync("/funding");
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-chart=benchmark]')) && document.querySelectorAll('.app-chart-axis__label').length === 3");

        // The three quartile-boundary labels: none overlaps another, each within the screen.
        var labels = await page.EvaluateAsync<double[][]>(
            "() => Array.from(document.querySelectorAll('.app-chart-axis__label')).map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })");
        labels.Should().HaveCount(3);
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i][0].Should().BeGreaterThanOrEqualTo(0);
            labels[i][2].Should().BeLessThanOrEqualTo(width);
            for (var j = i + 1; j < labels.Length; j++)
            {
                var apart = labels[i][2] <= labels[j][0] || labels[j][2] <= labels[i][0] || labels[i][3] <= labels[j][1] || labels[j][3] <= labels[i][1];
                apart.Should().BeTrue($"quartile labels {i + 1} and {j + 1} should not overlap ({string.Join(",", labels[i])} / {string.Join(",", labels[j])})");
            }
        }

        // Scrolled to the middle of the bars, the value axis is on screen above them, with its values.
        var chartHeight = await page.EvaluateAsync<double>("() => document.querySelector('.app-chart').getBoundingClientRect().height");
        chartHeight.Should().BeGreaterThan(3 * Height, "150 bars need several screens");
        await page.EvaluateAsync("() => { const box = document.querySelector('.app-chart').getBoundingClientRect(); window.scrollTo(0, window.scrollY + box.top + box.height / 2 - window.innerHeight / 2); }");
        await page.WaitForFunctionAsync("() => document.querySelector('.app-chart').getBoundingClientRect().top < -1000");
        var axis = await page.EvaluateAsync<double[]>("() => { const r = document.querySelector('.app-chart-axis').getBoundingClientRect(); return [r.top, r.bottom]; }");
        axis[0].Should().BeGreaterThanOrEqualTo(0, "the axis sticks to the top of the screen");
        axis[1].Should().BeLessThan(Height / 2, "and stays a strip, not a screenful");
        var ticks = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('.app-chart-axis__tick')).map(e => e.textContent)");
        ticks.Should().Contain("£0").And.HaveCountGreaterThanOrEqualTo(3);
        (await page.EvaluateAsync<bool>("() => { const r = document.querySelector('.app-chart-axis__label').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }"))
            .Should().BeTrue("the quartile labels travel with the axis");

        // Bars coloured by kind of council, as the legend and the table's Type column say.
        var legend = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('#chart-legend li')).map(e => e.textContent.replace(/\\s+/g, ' ').trim())");
        var kinds = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('#funding-table tbody tr')).map(tr => tr.cells[2].textContent.trim())");
        kinds.Should().HaveCount(150);
        kinds.Distinct().Should().BeEquivalentTo("County council", "Unitary authority", "Metropolitan district", "London borough");
        legend.Should().Contain(kinds.GroupBy(k => k).Select(g => $"{g.Key} ({g.Count()})"), "the legend names each kind with its count in the table");
        kinds.Count(k => k == "County council").Should().Be(27, "27 county councils are ranked");
        var camden = await page.EvaluateAsync<string[]>(
            "() => { const chart = Chart.getChart(document.querySelector('canvas[data-chart=benchmark]')); const i = chart.data.labels.indexOf('Camden'); return [chart.data.datasets[0].backgroundColor[i], document.querySelector('#funding-table td[data-kind=\"london borough\"] rect').getAttribute('fill')]; }");
        camden[0].Should().Be(camden[1], "Camden's bar has the London borough colour of the legend and table").And.Be("#d53880");

        (await page.InnerTextAsync("#ranking-source")).Should().Contain("Core Spending Power, published by Ministry of Housing, Communities and Local Government (MHCLG)");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(width, "nothing scrolls sideways");
        (await Accessibility.SeriousViolationsAsync(page)).Should().BeEmpty();
        errors.Should().BeEmpty("no Content-Security-Policy refusals or script errors");
    }
}

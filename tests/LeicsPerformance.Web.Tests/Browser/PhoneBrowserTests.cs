using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Tests.Infrastructure;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeicsPerformance.Web.Tests.Browser;

/// <summary>
/// The site on a 375-pixel phone screen: every page reachable from the home page (same-origin links, a bounded
/// crawl) fits the screen without scrolling sideways, its wide tables scroll inside their own focusable region,
/// its charts fit and their titles are not cut off, and axe stays clean.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class PhoneBrowserTests(TestDatabase database, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const int PhoneWidth = 375;

    // Enough to reach every kind of page (the crawl visits a page of a new kind before more of a kind it has seen),
    // few enough for a 2-core machine.
    private const int MaxPages = 70;

    private LiveApp app = null!;

    public async Task InitializeAsync() => app = LiveApp.Start(await database.CreateCopyAsync());

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task No_page_reachable_from_the_home_page_scrolls_sideways_at_375_pixels()
    {
        var page = await NewPhonePageAsync();
        var problems = new List<string>();
        var visited = new List<string>();
        var kindsChecked = new HashSet<string>();
        var seen = new HashSet<string> { "/" };
        var newKinds = new Queue<string>();
        var moreOfAKind = new Queue<string>();
        newKinds.Enqueue("/");
        var kindsQueued = new HashSet<string> { Kind("/") };

        while (visited.Count < MaxPages && (newKinds.Count > 0 || moreOfAKind.Count > 0))
        {
            var url = newKinds.Count > 0 ? newKinds.Dequeue() : moreOfAKind.Dequeue();
            var response = await page.GotoAsync(url);
            if (response is null || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }

            visited.Add(url);
            var layout = (await page.EvaluateAsync<JsonElement>(LayoutScript))
                .Deserialize<PhoneLayout>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            if (layout.ScrollWidth > layout.ViewportWidth)
            {
                problems.Add($"{url}: the page is {layout.ScrollWidth}px wide (widest: {string.Join(", ", layout.Widest)})");
            }

            problems.AddRange(layout.Problems.Select(p => $"{url}: {p}"));

            // axe once for each kind of page: the same template with other data gives the same markup.
            if (kindsChecked.Add(Kind(url)))
            {
                problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{url}: axe {v}"));
            }

            foreach (var link in layout.Links)
            {
                if (IsPage(link) && seen.Add(link))
                {
                    (kindsQueued.Add(Kind(link)) ? newKinds : moreOfAKind).Enqueue(link);
                }
            }
        }

        visited.Should().HaveCountGreaterThan(30, "the crawl reaches the overview, dashboards, indicators, exceptions, funding and committees");
        visited.Should().Contain(u => u.StartsWith("/indicators/", StringComparison.Ordinal))
            .And.Contain(u => u.StartsWith("/dashboards/", StringComparison.Ordinal))
            .And.Contain(u => u.StartsWith("/committees/", StringComparison.Ordinal))
            .And.Contain(u => u.StartsWith("/funding", StringComparison.Ordinal));
        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task A_wide_table_scrolls_in_its_own_region_and_keeps_its_row_headers_in_view()
    {
        var page = await NewPhonePageAsync();
        await page.GotoAsync("/dashboards/fair-funding?period=2017/18");

        var wrapper = page.Locator(".app-table-wrapper:has(.app-dashboard-table)");
        (await wrapper.GetAttributeAsync("tabindex")).Should().Be("0", "keyboard users can scroll it");
        (await wrapper.GetAttributeAsync("role")).Should().Be("region");
        (await wrapper.EvaluateAsync<int>("w => w.scrollWidth - w.clientWidth")).Should().BeGreaterThan(0, "the ten columns do not fit a phone");

        var rowHeader = page.Locator("tr[data-code=FF01] th[scope=row]");
        var heading = page.Locator(".app-dashboard-table thead th.app-col--key");
        (await heading.InnerTextAsync()).Should().Be("Description", "the heading above the row headers is kept with them");
        var before = (await rowHeader.BoundingBoxAsync())!;
        before.Width.Should().BeGreaterThan(100, "titles stay readable").And.BeLessThan(PhoneWidth * 0.5f, "the figures get the rest of the screen");

        await wrapper.EvaluateAsync("w => w.scrollLeft = w.scrollWidth");
        var after = (await rowHeader.BoundingBoxAsync())!;
        var headingAfter = (await heading.BoundingBoxAsync())!;
        after.X.Should().BeGreaterThanOrEqualTo(0).And.BeLessThan(40, "the indicator's title stays at the left edge while the figures scroll");
        headingAfter.X.Should().BeApproximately(after.X, 1);
        (await page.Locator("tr[data-code=FF01] [data-column=marker]").BoundingBoxAsync())!.X
            .Should().BeLessThan(PhoneWidth, "the last column can be scrolled into view");
    }

    [Fact]
    public async Task The_header_search_box_is_wide_enough_to_type_in_on_a_phone()
    {
        var page = await NewPhonePageAsync();
        await page.GotoAsync("/");

        // It had shrunk to a sliver beside a full-width GOV.UK button.
        var box = (await page.Locator("#header-search").BoundingBoxAsync())!;
        var button = (await page.Locator(".app-header-search__button").BoundingBoxAsync())!;
        box.Width.Should().BeGreaterThan(PhoneWidth * 0.5f, "most of the row is the box");
        button.Width.Should().BeLessThan(PhoneWidth * 0.4f, "the button is as wide as its word");
        button.Y.Should().BeApproximately(box.Y, 10, "the button sits beside the box");
    }

    [Fact]
    public async Task The_catalogue_upload_of_dashboards_and_lineage_fits_a_phone_and_axe_is_clean()
    {
        const string email = "admin@example.org", password = "correct horse battery staple";
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = new AppUser { UserName = email, Email = email, DisplayName = "An Administrator" };
            (await users.CreateAsync(admin, password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(admin, Roles.Administrator)).Succeeded.Should().BeTrue();
        }

        var page = await NewPhonePageAsync();
        await page.GotoAsync("/catalogue");
        await page.WaitForURLAsync("**/account/sign-in**");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("main button[type=submit]");
        // After the sign-in redirect, wait for the page's document, not its load event: in about one full run in three,
        // under parallel tests, Playwright reported network idle but never the load event here, and timed out.
        await page.WaitForURLAsync("**/catalogue", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var problems = new List<string>();
        await CheckPhonePageAsync(page, "the catalogue page", problems);

        const string heading = "slug,theme,title,sort_order,comparator_note,edition";
        await UploadCatalogueAsync(page, "dashboards.csv", heading + "\nfair-funding,nowhere,,x,,next year\n");
        (await page.InnerTextAsync("#error-summary")).Should().Contain("Row 2, column theme");
        await CheckPhonePageAsync(page, "a dashboards.csv preview with errors", problems);

        await page.GotoAsync("/catalogue");
        await UploadCatalogueAsync(page, "dashboards.csv", heading + "\nfair-funding,fair-funding,Fair Funding with a much longer title than printed,1,Comparators are other county councils.,2021/22\n");
        (await page.InnerTextAsync("#edition-effects")).Should().Contain("2021/22 edition");
        await CheckPhonePageAsync(page, "a dashboards.csv preview moving a dashboard to 2021/22", problems);
        await page.ClickAsync("#confirm-button");
        await page.WaitForSelectorAsync("#result-load-id");
        await CheckPhonePageAsync(page, "the catalogue result page", problems);

        await page.GotoAsync("/catalogue");
        await UploadCatalogueAsync(page, "indicator-lineage.csv", "code,continues,definition_changed,evidence\nFN01,FF01,no,Printed title is the same in both compendia.\n");
        (await page.GetAttributeAsync("#count-removed", "data-count")).Should().NotBe("0");
        await CheckPhonePageAsync(page, "an indicator-lineage.csv preview removing links", problems);

        problems.Should().BeEmpty();
    }

    private static async Task UploadCatalogueAsync(IPage page, string name, string content)
    {
        await page.SetInputFilesAsync("#upload-file", new FilePayload { Name = name, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(content) });
        await page.ClickAsync("#upload-button");
        await page.WaitForSelectorAsync("#preview-counts");
    }

    /// <summary>The page fits the phone (wide tables scroll in their own region) and axe finds nothing serious.</summary>
    private static async Task CheckPhonePageAsync(IPage page, string what, List<string> problems)
    {
        var layout = (await page.EvaluateAsync<JsonElement>(LayoutScript)).Deserialize<PhoneLayout>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        if (layout.ScrollWidth > layout.ViewportWidth)
        {
            problems.Add($"{what}: the page is {layout.ScrollWidth}px wide (widest: {string.Join(", ", layout.Widest)})");
        }

        problems.AddRange(layout.Problems.Select(p => $"{what}: {p}"));
        problems.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{what}: axe {v}"));
    }

    private async Task<IPage> NewPhonePageAsync()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.SetViewportSizeAsync(PhoneWidth, 800);
        return page;
    }

    /// <summary>Pages to crawl: the app's own HTML pages, not downloads, the API or forms that sign out.</summary>
    private static bool IsPage(string link) =>
        !link.StartsWith("/api", StringComparison.Ordinal)
        && !link.Contains("/csv", StringComparison.Ordinal)
        && !link.Contains("/pdf", StringComparison.Ordinal)
        && !link.Contains(".csv", StringComparison.Ordinal)
        && !link.Contains(".pdf", StringComparison.Ordinal)
        && !link.StartsWith("/account", StringComparison.Ordinal)
        && !link.StartsWith("/docs/api", StringComparison.Ordinal)
        && !link.StartsWith("/health", StringComparison.Ordinal);

    /// <summary>"/indicators/FF01?period=2017-18" → "/indicators/*?period": pages of one kind share a template.</summary>
    private static string Kind(string url)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? url : url[..question];
        var query = question < 0 ? string.Empty : url[(question + 1)..];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var shape = segments.Length == 0 ? "/" : "/" + segments[0] + string.Concat(segments.Skip(1).Select(_ => "/*"));
        var keys = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal);
        return shape + "?" + string.Join("&", keys);
    }

    private sealed record PhoneLayout(int ViewportWidth, int ScrollWidth, string[] Widest, string[] Problems, string[] Links);

    private const string LayoutScript = """
        () => {
          const vw = document.documentElement.clientWidth;
          const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px';
          const widest = [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > vw + 0.5 && !e.closest('.app-table-wrapper'))
            .slice(0, 4).map(describe);
          const problems = [];
          for (const table of document.querySelectorAll('main table')) {
            const wrapper = table.closest('.app-table-wrapper');
            if (table.getBoundingClientRect().width > vw && !wrapper) problems.push('a wide table outside a scrolling region: ' + describe(table));
            if (wrapper && wrapper.scrollWidth > wrapper.clientWidth && wrapper.getAttribute('tabindex') !== '0') problems.push('a scrolling table region keyboard users cannot reach: ' + describe(wrapper));
          }
          for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
            if (canvas.getBoundingClientRect().right > vw + 0.5) problems.push('a chart wider than the screen: ' + describe(canvas));
            const chart = globalThis.Chart?.getChart(canvas);
            if (!chart) { problems.push('a chart that was not drawn: ' + describe(canvas)); continue; }
            const title = chart.options.plugins.title;
            if (title.display) {
              const ctx = chart.ctx;
              ctx.save();
              ctx.font = 'bold ' + title.font.size + 'px ' + (title.font.family || 'arial, sans-serif');
              const lines = Array.isArray(title.text) ? title.text : [title.text];
              for (const line of lines) if (ctx.measureText(line).width > chart.width) problems.push('a chart title cut off: "' + line + '"');
              ctx.restore();
            }
            for (const item of chart.legend?.legendItems ?? []) {
              const box = chart.legend.legendHitBoxes?.[chart.legend.legendItems.indexOf(item)];
              if (box && (box.left < 0 || box.left + box.width > chart.width + 0.5)) problems.push('a legend entry cut off: "' + item.text + '"');
            }
          }
          const links = [...document.querySelectorAll('a[href]:not([download])')]
            .map(a => new URL(a.href, location.href))
            .filter(u => u.origin === location.origin)
            .map(u => u.pathname + u.search);
          return { viewportWidth: vw, scrollWidth: document.documentElement.scrollWidth, widest, problems, links };
        }
        """;
}

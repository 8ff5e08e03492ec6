using Microsoft.Playwright;

namespace LeicsPerformance.Web.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser download does not work on our machines, so the
/// browser is the system one; if it is missing the tests fail and say how to install it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("LEICS_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install it with `sudo apt-get install -y chromium` (scripts/test.sh does this when run as root), or set LEICS_CHROMIUM.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString().TrimEnd('/'),
            AcceptDownloads = true,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: the first page of a run pays for JIT compilation and a cold browser on a 2-core machine.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>The app served by Kestrel on a free loopback port, for a real browser, against the given database.</summary>
public sealed class LiveApp : IAsyncDisposable
{
    private LiveApp(AppFactory factory, Uri baseAddress, string connectionString)
    {
        Factory = factory;
        BaseAddress = baseAddress;
        ConnectionString = connectionString;
    }

    public AppFactory Factory { get; }

    public Uri BaseAddress { get; }

    public string ConnectionString { get; }

    public static LiveApp Start(string connectionString, bool loadSampleData = false)
    {
        var factory = new AppFactory(connectionString, loadSampleData);
        factory.UseKestrel(0);
        factory.StartServer();
        return new LiveApp(factory, factory.ClientOptions.BaseAddress, connectionString);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

/// <summary>Runs axe-core in the page and returns the serious and critical violations, described.</summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "axe", "axe.min.js")));

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol rather than a <script> tag: the app's Content-Security-Policy
        // (rightly) refuses inline scripts, and the tests should not weaken it.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.EvaluateAsync(AxeSource.Value + "\n;window.axe = axe; true");
        }

        var json = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; '));
            }
            """);
        return json.EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}

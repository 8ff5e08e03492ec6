using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace LeicsPerformance.Web.Reporting;

public sealed class PdfOptions
{
    /// <summary>The Chromium (or Chrome) executable. Playwright's own browser download is not used.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>
    /// The app's own address as Chromium should reach it (e.g. http://127.0.0.1:5000). Empty: the address the server
    /// listens on, with a wildcard host read as 127.0.0.1.
    /// </summary>
    public string BaseUrl { get; set; } = string.Empty;

    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>Chromium is not installed where <see cref="PdfOptions.ChromiumPath"/> says.</summary>
public sealed class ChromiumMissingException(string path)
    : Exception($"Chromium was not found at {path}.")
{
    public string Path { get; } = path;
}

/// <summary>
/// Prints a committee report page to PDF with headless Chromium, driven by Playwright: the same page members read
/// on screen, laid out by the print stylesheet, on A4 with the report's title at the top of every page and
/// "Page X of Y" and the publication date at the foot. One browser is started on first use and shared; each PDF
/// gets its own browser context (so cookies never leak between users), closed as soon as the PDF is made.
/// </summary>
public sealed class CommitteePdfRenderer(IOptions<PdfOptions> options, IServer server, ILogger<CommitteePdfRenderer> logger) : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"];

    private readonly PdfOptions settings = options.Value;
    private readonly SemaphoreSlim gate = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string ChromiumPath => settings.ChromiumPath;

    public bool ChromiumAvailable => File.Exists(settings.ChromiumPath);

    /// <summary>The app's own base address, or null when it cannot be known (no server listening, nothing configured).</summary>
    public Uri? BaseAddress()
    {
        if (!string.IsNullOrWhiteSpace(settings.BaseUrl))
        {
            return new Uri(settings.BaseUrl.TrimEnd('/') + "/");
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        // "http://+:80", "http://*:80", "http://[::]:80", "http://0.0.0.0:80": listening everywhere, so loopback reaches it.
        var fixedUp = address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal);
        return Uri.TryCreate(fixedUp.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : null;
    }

    /// <summary>Loads <paramref name="url"/> (sending <paramref name="cookieHeader"/> if given) and prints it to an A4 PDF.</summary>
    public async Task<byte[]> RenderAsync(Uri url, string? cookieHeader, string headerText, string footerText, CancellationToken ct)
    {
        if (!ChromiumAvailable)
        {
            throw new ChromiumMissingException(settings.ChromiumPath);
        }

        var instance = await BrowserAsync(ct);
        var headers = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(cookieHeader))
        {
            headers["Cookie"] = cookieHeader;
        }

        if (url.Scheme == Uri.UriSchemeHttp)
        {
            // Chromium reaches the app directly on its own (loopback, so trusted) address, inside the HTTPS the reader
            // came through: said as a proxy would, or a server requiring HTTPS would send it to https:// and fail.
            headers["X-Forwarded-Proto"] = "https";
        }

        var contextOptions = new BrowserNewContextOptions { Locale = "en-GB", TimezoneId = "Europe/London", ExtraHTTPHeaders = headers };

        await using var context = await instance.NewContextAsync(contextOptions);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(settings.TimeoutSeconds * 1000f);
        var response = await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        if (response is null || !response.Ok)
        {
            throw new InvalidOperationException($"The report page {url} answered {(response is null ? "nothing" : ((int)response.Status).ToString(System.Globalization.CultureInfo.InvariantCulture))} when loaded for the PDF.");
        }

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var pdfOptions = new PagePdfOptions
        {
            Format = "A4",
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = Template(headerText, "left"),
            FooterTemplate = Template(WebUtility.HtmlEncode(footerText) + " · Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span>", "left", encode: false),
            Margin = new Margin { Top = "18mm", Bottom = "18mm", Left = "12mm", Right = "12mm" },

            // Bookmarks from the page's headings, and a tagged (accessible) PDF, which Chromium needs to make them.
            Outline = true,
            Tagged = true,
        };
        var bytes = await page.PdfAsync(pdfOptions);

        // The contents list's page numbers. Only the printed PDF knows where a section lands, so: print, read which
        // page each section's heading is on from the PDF's own bookmarks, write the numbers into the contents, print
        // again. The numbers sit in fixed-width slots, so writing them moves nothing; the reprint is read back to
        // check, and printed once more if a section did move.
        var entries = PdfContents.ReadEntries(await page.EvaluateAsync<System.Text.Json.JsonElement>(PdfContents.ReadEntriesScript));
        IReadOnlyDictionary<string, int> written = new Dictionary<string, int>();
        for (var pass = 0; pass < PdfContents.MaxReprints && entries.Length > 0; pass++)
        {
            var found = PdfContents.StartPages(bytes, entries);
            if (PdfContents.Same(found, written))
            {
                break;
            }

            if (found.Count < entries.Length)
            {
                logger.LogWarning("The committee report PDF has no bookmark for {Missing} of its {Count} contents entries; those are printed without a page number.", entries.Length - found.Count, entries.Length);
            }

            await page.EvaluateAsync(PdfContents.WriteNumbersScript, found);
            bytes = await page.PdfAsync(pdfOptions);
            written = found;
        }

        return bytes;
    }

    /// <summary>Header and footer are drawn by Chromium outside the page, so they carry their own (inline) style.</summary>
    private static string Template(string text, string align, bool encode = true) =>
        $"<div style=\"font-family: Arial, sans-serif; font-size: 8pt; color: #0b0c0c; width: 100%; margin: 0 12mm; text-align: {align};\">{(encode ? WebUtility.HtmlEncode(text) : text)}</div>";

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (browser is { IsConnected: true })
            {
                return browser;
            }

            playwright ??= await Playwright.CreateAsync();
            logger.LogInformation("Starting Chromium from {Path} for committee report PDFs.", settings.ChromiumPath);
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = settings.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = settings.TimeoutSeconds * 1000f,
            });
            return browser;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            browser = null;
        }

        playwright?.Dispose();
        playwright = null;
        gate.Dispose();
    }
}

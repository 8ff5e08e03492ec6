using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LeicsPerformance.Web.Tests.Infrastructure;
using static LeicsPerformance.Web.Tests.Committees.CommitteeClient;

namespace LeicsPerformance.Web.Tests.Committees;

/// <summary>
/// The PDF download, end to end: the app runs on real Kestrel (Chromium has to load the page over HTTP), prints the
/// report with the system's headless Chromium, and the PDF's text is read back with pdftotext. These tests do not skip:
/// without Chromium or poppler-utils they fail, saying what to install.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed partial class CommitteePdfTests(TestDatabase database) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Report = "/committees/adults-and-communities/2021-22-q1";
    private const string Title = "Performance Report for Quarter One 2021-22 (April – June)";

    private AppFactory factory = null!;
    private string connectionString = null!;

    public async Task InitializeAsync()
    {
        connectionString = await database.CreateCopyAsync();
        factory = new AppFactory(connectionString);
        factory.UseKestrel(0);
        factory.StartServer();
        await CreateUsersAsync(factory);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_published_report_downloads_as_an_A4_PDF_with_its_title_page_numbers_and_publication_date()
    {
        RequireTools();
        using var analyst = await SignedInAsync(factory, "analyst@example.org");
        var publish = await PostFormAsync(analyst, Report + "/publish", Report + "/publish", new() { ["confirm"] = "yes" });
        (publish.StatusCode == HttpStatusCode.Redirect || publish.RequestMessage!.RequestUri!.AbsolutePath == Report).Should().BeTrue($"publishing should lead back to the report (status {publish.StatusCode})");

        using var anonymous = Anonymous(factory);
        var response = await anonymous.GetAsync(new Uri(Report + "/pdf", UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(body));
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("adults-and-communities-performance-report-2021-22-q1.pdf");
        body.AsSpan(0, 5).ToArray().Should().Equal("%PDF-"u8.ToArray());

        var text = Fold(await PdfTextAsync(body));
        text.Should().Contain(Title);
        text.Should().Contain("Page 1 of ");
        text.Should().Contain("Published " + CommitteePublishedDate());
        text.Should().Contain("Illustrative figures: these quarterly values are made up", "the warning is in the page, and so in the PDF");
        text.Should().Contain("QAC01").And.Contain("Exceptions").And.Contain("Quarterly indicators");
        (await PdfInfoAsync(body)).Should().Contain("(A4)");

        // The page says the web page is the accessible version, and links to the PDF.
        var page = await PageAsync(anonymous, Report);
        page.QuerySelector(".app-committee-accessible")!.TextContent.Should().Contain("accessible version");
        page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Should().Contain(Report + "/pdf");
    }

    [Fact]
    public async Task On_a_server_requiring_https_behind_its_proxy_the_PDF_still_prints()
    {
        RequireTools();
        using var analyst = await SignedInAsync(factory, "analyst@example.org");
        await PostFormAsync(analyst, Report + "/publish", Report + "/publish", new() { ["confirm"] = "yes" });

        // The same database served as in Production: HTTPS required, the reader coming through the (loopback) proxy.
        // Chromium loads the report from the app's own plain-HTTP address; it must not be sent to https:// there.
        await using var secured = new AppFactory(connectionString, settings: new Dictionary<string, string> { ["Https:Required"] = "true" });
        secured.UseKestrel(0);
        secured.StartServer();
        using var reader = Anonymous(secured);
        reader.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await reader.GetAsync(new Uri(Report + "/pdf", UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(body));
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        Fold(await PdfTextAsync(body)).Should().Contain(Title).And.Contain("Page 1 of ");
    }

    [Fact]
    public async Task A_draft_prints_with_the_analysts_own_session_and_says_it_is_a_draft()
    {
        RequireTools();
        using var analyst = await SignedInAsync(factory, "analyst@example.org");
        var response = await analyst.GetAsync(new Uri(Report + "/pdf", UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(body));
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");

        var text = Fold(await PdfTextAsync(body));
        text.Should().Contain(Title).And.Contain("Page 1 of ").And.Contain("DRAFT, not published");
    }

    [Fact]
    public async Task The_PDF_contents_gives_the_page_each_section_starts_on_it_has_bookmarks_and_no_page_holds_a_single_row()
    {
        RequireTools();
        using var analyst = await SignedInAsync(factory, "analyst@example.org");
        var response = await analyst.GetAsync(new Uri(Report + "/pdf", UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(body));

        var pageCount = int.Parse(Regex.Match(await PdfInfoAsync(body), @"Pages:\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        pageCount.Should().BeGreaterThan(3, "the report runs to several pages");
        var pages = new List<string>();
        for (var n = 1; n <= pageCount; n++)
        {
            var number = n.ToString(CultureInfo.InvariantCulture);
            pages.Add(await RunAsync("pdftotext", body, ["-layout", "-f", number, "-l", number], ["-"]));
        }

        // Each contents entry (on the first page) ends with a page number; that is the first page where the section's
        // heading stands on a line of its own.
        var outline = await RunAsync("pdftohtml", body, ["-xml", "-i", "-q", "-stdout"], []);
        var bookmarks = Regex.Matches(outline, "<item page=\"(\\d+)\">([^<]*)</item>")
            .Select(m => (Page: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Title: WithoutSpaces(WebUtility.HtmlDecode(m.Groups[2].Value))))
            .ToList();
        bookmarks.Select(b => b.Title).Should().Contain(WithoutSpaces(Title), "the PDF has bookmarks (an outline) made from the report's headings (Chromium drops the space where a heading wraps)");

        (string Entry, string Heading)[] sections =
        [
            ("Summary", "Summary"),
            ("Exceptions: bottom quartile", "Exceptions"),
            ("Quarterly indicators (", "Quarterly indicators"),
            ("Annual indicators: latest figures (", "Annual indicators: latest figures"),
            ("Members' questions and actions", "Members' questions and actions"),
            ("Questions members agreed to ask", "Questions members agreed to ask"),
            ("About this report", "About this report"),
        ];
        var previous = 0;
        foreach (var (entry, heading) in sections)
        {
            var line = Regex.Match(pages[0], "^\\s*(?:\\d+\\.\\s+)?" + Regex.Escape(entry) + ".*?\\s(\\d+)\\s*$", RegexOptions.Multiline);
            line.Success.Should().BeTrue($"the contents should list “{entry}” with a page number; page 1 reads:\n{pages[0]}");
            var listed = int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture);
            var headingPage = pages.FindIndex(text => HasLine(text, heading)) + 1;
            headingPage.Should().Be(listed, $"the contents says “{heading}” starts on page {listed}");
            listed.Should().BeGreaterThanOrEqualTo(previous, "the sections are in order");
            previous = listed;
            bookmarks.Should().Contain((listed, WithoutSpaces(heading)), $"“{heading}” has a bookmark to its page");
        }

        // No page holds a single row of a table: each row's indicator cell starts "CODE ·".
        for (var n = 0; n < pages.Count; n++)
        {
            var rows = RowCode().Matches(pages[n]).Count;
            rows.Should().NotBe(1, $"page {n + 1} should not hold a single row:\n{pages[n]}");
        }
    }

    private static string WithoutSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static bool HasLine(string text, string line) =>
        text.Split('\n').Any(l => Fold(l) == line);

    [GeneratedRegex(@"\b[A-Z][A-Z0-9]{1,5}[0-9]{2}[A-Za-z0-9-]* ·")]
    private static partial Regex RowCode();

    private static void RequireTools()
    {
        File.Exists(Chromium).Should().BeTrue(
            $"the PDF is printed by headless Chromium at {Chromium}: install it with `apt-get install chromium` (the tests do not skip without it)");
        File.Exists("/usr/bin/pdftotext").Should().BeTrue("the PDF tests read the PDF back with pdftotext: install it with `apt-get install poppler-utils`");
    }

    private static string CommitteePublishedDate() =>
        LeicsPerformance.Domain.Wording.Date(DateTimeOffset.UtcNow);

    private static Task<string> PdfTextAsync(byte[] pdf) => RunAsync("pdftotext", pdf, ["-layout"], ["-"]);

    private static Task<string> PdfInfoAsync(byte[] pdf) => RunAsync("pdfinfo", pdf, [], []);

    /// <summary>Runs a poppler tool on the PDF (written to a temporary file): tool [before…] file [after…].</summary>
    private static async Task<string> RunAsync(string tool, byte[] pdf, string[] before, string[] after)
    {
        var path = Path.Combine(Path.GetTempPath(), $"committee-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in before.Append(path).Concat(after))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.Should().Be(0, errors);
            return output;
        }
        finally
        {
            File.Delete(path);
        }
    }
}

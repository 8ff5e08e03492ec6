using System.Diagnostics;
using System.Net;
using LeicsPerformance.Web.Tests.Infrastructure;
using static LeicsPerformance.Web.Tests.Committees.CommitteeClient;

namespace LeicsPerformance.Web.Tests.Committees;

/// <summary>
/// The PDF download, end to end: the app runs on real Kestrel (Chromium has to load the page over HTTP), prints the
/// report with the system's headless Chromium, and the PDF's text is read back with pdftotext. These tests do not skip:
/// without Chromium or poppler-utils they fail, saying what to install.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CommitteePdfTests(TestDatabase database) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Report = "/committees/adults-and-communities/2021-22-q1";
    private const string Title = "Performance Report for Quarter One 2021-22 (April – June)";

    private AppFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = new AppFactory(await database.CreateCopyAsync());
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

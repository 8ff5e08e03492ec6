using System.Net;
using System.Text;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Returns;

/// <summary>
/// Every file in <c>Returns/BadFiles</c> (plus one generated here, over the row limit) is uploaded through the HTTP
/// upload endpoint as an analyst. Its sidecar <c>name.expected.txt</c> lists what the page must say, one substring a
/// line (case-insensitive, on the page's text), plus directives:
/// <c>@no-errors</c> (a file that is odd but loadable: no error summary, a confirm button),
/// <c>@form-error</c> (refused before any preview: the upload form comes back with the message),
/// <c>@problems-csv: text</c> and <c>@changes-csv: text</c> (in those downloads).
/// And in every case the database is byte-for-byte what it was: nothing is written before a confirm.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class BadFileCorpusTests(TestDatabase database)
{
    private const string Generated = "generated-over-max-rows.csv";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly int CaseCount = Files().Count;
    private static Shared? shared;
    private static int casesRun;

    private sealed record Shared(AppFactory Factory, HttpClient Analyst, string ConnectionString, int MaxRows);

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Returns", "BadFiles");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        data.Add(Generated);
        return data;
    }

    /// <summary>
    /// One app and one analyst for the whole corpus (each case checks the database did not change), disposed after
    /// the last case so its file watchers do not outlive it.
    /// </summary>
    private async Task<Shared> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (shared is null)
            {
                var connectionString = await database.CreateCopyAsync();
                // One analyst uploads the whole corpus, each file left waiting: more than the per-person limit allows.
                var factory = new AppFactory(connectionString, settings: new Dictionary<string, string> { ["Uploads:MaxPendingPerUser"] = "1000" });
                var analyst = await SignInAsync(factory, "corpus.analyst@example.org", "analyst");
                var maxRows = factory.Services.GetRequiredService<IOptions<UploadOptions>>().Value.MaxRows;
                shared = new Shared(factory, analyst, connectionString, maxRows);
            }

            return shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    [Fact]
    public void The_corpus_has_at_least_40_files_and_every_one_says_what_to_expect()
    {
        var files = Directory.GetFiles(Folder, "*.csv");
        files.Length.Should().BeGreaterThanOrEqualTo(40);
        foreach (var file in files)
        {
            var sidecar = Path.ChangeExtension(file, ".expected.txt");
            File.Exists(sidecar).Should().BeTrue("{0} needs a sidecar listing what the page must say", Path.GetFileName(file));
            Expectations.Read(File.ReadAllLines(sidecar)).Texts.Should().NotBeEmpty("{0}'s sidecar should expect at least one message", Path.GetFileName(file));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_bad_file_is_explained_by_row_and_column_and_nothing_is_written(string name)
    {
        try
        {
            await CheckAsync(name, await SharedAsync());
        }
        finally
        {
            if (Interlocked.Increment(ref casesRun) == CaseCount && shared is { } done)
            {
                shared = null;
                done.Analyst.Dispose();
                await done.Factory.DisposeAsync();
            }
        }
    }

    private static async Task CheckAsync(string name, Shared s)
    {
        var (content, expected) = name == Generated
            ? (OverMaxRows(s.MaxRows), new Expectations(
                [$"has {s.MaxRows + 1:N0} rows of values, more than the {s.MaxRows:N0} one load may hold", "Split it into smaller files"], [], [], false, false))
            : (await File.ReadAllBytesAsync(Path.Combine(Folder, name)), Expectations.Read(await File.ReadAllLinesAsync(Path.Combine(Folder, Path.ChangeExtension(name, ".expected.txt")))));

        var before = await FingerprintAsync(s.ConnectionString);
        before.Keys.Should().Contain(["indicator_value", "indicator_value_history", "data_load", "indicator_assessment", "indicator", "load_revert"]);
        var pendingBefore = await ScalarAsync<long>(s.ConnectionString, "select count(*) from pending_upload");

        var (url, page, status) = await UploadAndPreviewAsync(s.Analyst, "/returns", name, content);
        var text = Text(page);

        foreach (var message in expected.Texts)
        {
            text.Should().ContainEquivalentOf(message, "the page for {0} should say it", name);
        }

        // Whatever the file holds, nothing from it runs as markup on the page.
        page.QuerySelectorAll("main script, main img, main iframe, main [onerror], main [onclick]").Should().BeEmpty();

        if (expected.FormError)
        {
            status.Should().Be(HttpStatusCode.BadRequest);
            page.GetElementById("error-summary").Should().NotBeNull();
            page.QuerySelector("#error-summary a")!.GetAttribute("href").Should().Be("#upload-file");
            page.GetElementById("upload-file").Should().NotBeNull("the form is shown again");
            (await ScalarAsync<long>(s.ConnectionString, "select count(*) from pending_upload")).Should().Be(pendingBefore, "a refused upload is not kept");
        }
        else
        {
            status.Should().Be(HttpStatusCode.OK);
            page.GetElementById("preview-counts").Should().NotBeNull();
            if (expected.NoErrors)
            {
                page.GetElementById("error-summary").Should().BeNull("{0} has nothing wrong with it", name);
                page.GetElementById("confirm-button").Should().NotBeNull("{0} could be loaded", name);
            }
            else
            {
                page.GetElementById("error-summary").Should().NotBeNull("{0} has errors", name);
                page.GetElementById("confirm-button").Should().BeNull("a file with errors cannot be confirmed");
                var links = page.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")!).ToList();
                links.Should().NotBeEmpty().And.OnlyContain(href => href.StartsWith('#'));
                foreach (var href in links)
                {
                    page.GetElementById(href[1..]).Should().NotBeNull("the error summary link {0} should lead to a row of the errors table", href);
                }
            }

            if (expected.ProblemsCsv.Count > 0)
            {
                var csv = await s.Analyst.GetStringAsync(Url(url + "/problems.csv"));
                foreach (var cell in expected.ProblemsCsv)
                {
                    csv.Should().Contain(cell);
                }
            }

            if (expected.ChangesCsv.Count > 0)
            {
                var csv = await s.Analyst.GetStringAsync(Url(url + "/changes.csv"));
                foreach (var cell in expected.ChangesCsv)
                {
                    csv.Should().Contain(cell);
                }
            }
        }

        var after = await FingerprintAsync(s.ConnectionString);
        after.Should().Equal(before, "uploading {0} must not change any table", name);
    }

    /// <summary>One row more than the limit (rows may repeat: the limit is checked before the rows are).</summary>
    private static byte[] OverMaxRows(int maxRows)
    {
        var text = new StringBuilder("indicator_code,period,value\n", (maxRows + 2) * 16);
        for (var i = 0; i <= maxRows; i++)
        {
            text.Append("FF01,2019/20,1\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private sealed record Expectations(IReadOnlyList<string> Texts, IReadOnlyList<string> ProblemsCsv, IReadOnlyList<string> ChangesCsv, bool NoErrors, bool FormError)
    {
        public static Expectations Read(IEnumerable<string> lines)
        {
            var texts = new List<string>();
            var problems = new List<string>();
            var changes = new List<string>();
            bool noErrors = false, formError = false;
            foreach (var raw in lines)
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                if (line == "@no-errors")
                {
                    noErrors = true;
                }
                else if (line == "@form-error")
                {
                    formError = true;
                }
                else if (line.StartsWith("@problems-csv:", StringComparison.Ordinal))
                {
                    problems.Add(line["@problems-csv:".Length..].Trim());
                }
                else if (line.StartsWith("@changes-csv:", StringComparison.Ordinal))
                {
                    changes.Add(line["@changes-csv:".Length..].Trim());
                }
                else
                {
                    texts.Add(line);
                }
            }

            return new Expectations(texts, problems, changes, noErrors, formError);
        }
    }
}

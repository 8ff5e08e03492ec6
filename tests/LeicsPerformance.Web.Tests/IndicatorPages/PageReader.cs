using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsvHelper;

namespace LeicsPerformance.Web.Tests.IndicatorPages;

/// <summary>Fetches pages and CSV downloads and reads their tables the way a person (or a spreadsheet) would.</summary>
internal static class PageReader
{
    public static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {url} should succeed");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlParser().ParseDocument(html);
    }

    /// <summary>Every body row of a table, as the trimmed text of its cells (th and td), whitespace collapsed.</summary>
    public static List<string[]> BodyRows(IDocument document, string tableId)
    {
        var table = document.GetElementById(tableId);
        table.Should().NotBeNull($"the page should have a table #{tableId}");
        return table!.QuerySelectorAll("tbody tr")
            .Select(tr => tr.Children.Select(cell => Text(cell)).ToArray())
            .ToList();
    }

    public static string Text(IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A CSV download: the header and rows, read with an invariant-culture CSV reader.</summary>
    public static async Task<(string[] Header, List<string[]> Rows, HttpResponseMessage Response)> CsvAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {url} should succeed");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "Excel needs the UTF-8 BOM to read £ correctly");
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (parser.Read())
        {
            records.Add(parser.Record!);
        }

        return (records[0], records.Skip(1).ToList(), response);
    }

    /// <summary>The page's accessibility and Content-Security-Policy basics that every page must keep.</summary>
    public static void ShouldBeAccessibleAndCspClean(IDocument document)
    {
        document.QuerySelectorAll("h1").Should().HaveCount(1, "a page has exactly one h1");
        document.QuerySelectorAll("[style]").Should().BeEmpty("the CSP forbids inline style attributes");
        foreach (var script in document.QuerySelectorAll("script:not([src])"))
        {
            script.GetAttribute("type").Should().Be("application/json", "the only inline scripts allowed are JSON data islands");
        }

        foreach (var table in document.QuerySelectorAll("main table"))
        {
            table.QuerySelector("caption").Should().NotBeNull($"table #{table.Id} needs a caption");
            foreach (var th in table.QuerySelectorAll("th"))
            {
                th.GetAttribute("scope").Should().BeOneOf(["col", "row"], $"every th in #{table.Id} needs a scope");
            }
        }

        foreach (var canvas in document.QuerySelectorAll("canvas[data-chart]"))
        {
            canvas.GetAttribute("role").Should().Be("img");
            canvas.GetAttribute("aria-label").Should().NotBeNullOrWhiteSpace();
            var source = document.GetElementById(canvas.GetAttribute("data-chart-source")!);
            source.Should().NotBeNull("each chart reads a JSON data island on the page");
        }

        foreach (var select in document.QuerySelectorAll("select"))
        {
            document.QuerySelector($"label[for='{select.Id}']").Should().NotBeNull($"select #{select.Id} needs a label");
            select.Closest("form")!.GetAttribute("method").Should().Be("get");
            select.Closest("form")!.QuerySelector("button[type=submit]").Should().NotBeNull("a form works without JavaScript only with a submit button");
        }
    }
}

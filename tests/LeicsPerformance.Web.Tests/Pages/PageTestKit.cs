using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CsvHelper;

namespace LeicsPerformance.Web.Tests.Pages;

/// <summary>Fetching pages and CSV downloads and reading them the way a user (or a screen reader) would.</summary>
internal static class PageTestKit
{
    public sealed record Page(HttpResponseMessage Response, string Html, IHtmlDocument Document);

    public static async Task<Page> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response, html, new HtmlParser().ParseDocument(html));
    }

    /// <summary>A CSV download as its header and rows (UTF-8 with a BOM, as CsvExport writes it).</summary>
    public static async Task<(byte[] Bytes, string[] Header, List<Dictionary<string, string>> Rows)> GetCsvAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? string.Empty, StringComparer.Ordinal));
        }

        return (bytes, header, rows);
    }

    /// <summary>Text with runs of white space collapsed, as it reads on screen.</summary>
    public static string Words(this INode node) => string.Join(' ', node.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The rows of the dashboard table (one per indicator; section heading rows excluded).</summary>
    public static IReadOnlyList<IElement> IndicatorRows(this IDocument document, string tableSelector = "table.app-dashboard-table") =>
        document.QuerySelectorAll($"{tableSelector} tbody tr[data-code]").ToList();

    /// <summary>The explanation an element points at with aria-describedby (what a screen reader reads with it).</summary>
    public static string DescribedBy(this IElement element, IDocument document)
    {
        var id = element.GetAttribute("aria-describedby");
        id.Should().NotBeNullOrEmpty();
        var target = document.GetElementById(id!);
        target.Should().NotBeNull($"aria-describedby=\"{id}\" must point at an element on the page");
        return target!.Words();
    }

    /// <summary>
    /// What every page must satisfy under the Content-Security-Policy and our accessibility rules: one h1, no inline
    /// style or script, every table captioned with scoped header cells, every select labelled.
    /// </summary>
    public static void ShouldBeAccessibleAndCspClean(this IDocument document)
    {
        document.QuerySelectorAll("h1").Should().HaveCount(1, "a page has exactly one h1");
        document.QuerySelectorAll("[style]").Should().BeEmpty("the CSP forbids inline styles");
        document.QuerySelectorAll("script").Where(s => s.GetAttribute("src") is null && s.GetAttribute("type") != "application/json")
            .Should().BeEmpty("the CSP forbids inline script");
        document.QuerySelectorAll("*").Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)))
            .Should().BeEmpty("no inline event handlers");
        foreach (var table in document.QuerySelectorAll("table"))
        {
            table.QuerySelector("caption").Should().NotBeNull("every table has a caption");
            table.QuerySelectorAll("th").Where(th => th.GetAttribute("scope") is null).Should().BeEmpty("every th has a scope");
        }

        foreach (var control in document.QuerySelectorAll("select, input:not([type=hidden])"))
        {
            var id = control.GetAttribute("id");
            id.Should().NotBeNull();
            document.QuerySelector($"label[for='{id}']").Should().NotBeNull($"#{id} has a label");
        }

        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        ids.Should().OnlyHaveUniqueItems("ids (and so aria-describedby targets) are unique");
    }
}

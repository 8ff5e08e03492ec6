namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// The committee report's contents list with page numbers: its entries are the page's <c>[data-contents-page]</c>
/// slots, each naming the id of the heading it points at; where each heading landed is read from the bookmarks
/// (outline) Chromium writes into the PDF, one per heading, each with its page.
/// </summary>
public static class PdfContents
{
    /// <summary>A contents entry: the heading's id and its text (which is the bookmark's title).</summary>
    public sealed record Entry(string Id, string Title);

    /// <summary>Prints after the first at most this many times: once normally, a second time only if a section moved.</summary>
    public const int MaxReprints = 3;

    public const string ReadEntriesScript = """
        () => Array.from(document.querySelectorAll('[data-contents-page]'))
            .map(slot => {
                const heading = document.getElementById(slot.dataset.contentsPage);
                return { id: slot.dataset.contentsPage, title: heading ? heading.textContent.replace(/\s+/g, ' ').trim() : '' };
            })
            .filter(entry => entry.title.length > 0)
        """;

    public const string WriteNumbersScript = """
        pages => {
            for (const slot of document.querySelectorAll('[data-contents-page]')) {
                const page = pages[slot.dataset.contentsPage];
                slot.textContent = page === undefined ? '' : String(page);
            }
        }
        """;

    /// <summary>The entries as <see cref="ReadEntriesScript"/> returns them: an array of { id, title }.</summary>
    public static Entry[] ReadEntries(System.Text.Json.JsonElement array) =>
        array.ValueKind != System.Text.Json.JsonValueKind.Array
            ? []
            : array.EnumerateArray()
                .Select(e => new Entry(e.GetProperty("id").GetString() ?? string.Empty, e.GetProperty("title").GetString() ?? string.Empty))
                .Where(e => e.Id.Length > 0 && e.Title.Length > 0)
                .ToArray();

    /// <summary>
    /// The page each entry's section starts on: the first bookmark, in document order, titled as its heading.
    /// Entries without a bookmark are left out (the contents then shows no number for them rather than a guess).
    /// </summary>
    public static IReadOnlyDictionary<string, int> StartPages(byte[] pdf, IReadOnlyList<Entry> entries)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        if (!document.TryGetBookmarks(out var bookmarks))
        {
            return new Dictionary<string, int>();
        }

        var inOrder = new List<UglyToad.PdfPig.Outline.DocumentBookmarkNode>();
        void Walk(IEnumerable<UglyToad.PdfPig.Outline.BookmarkNode> nodes)
        {
            foreach (var node in nodes)
            {
                if (node is UglyToad.PdfPig.Outline.DocumentBookmarkNode onPage)
                {
                    inOrder.Add(onPage);
                }

                Walk(node.Children);
            }
        }

        Walk(bookmarks.Roots);
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var bookmark = inOrder.FirstOrDefault(b => WithoutSpaces(b.Title) == WithoutSpaces(entry.Title));
            if (bookmark is not null)
            {
                pages[entry.Id] = bookmark.PageNumber;
            }
        }

        return pages;
    }

    public static bool Same(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var n) && n == kv.Value);

    /// <summary>Titles are compared without their spaces: Chromium joins a heading that wraps onto two lines without one.</summary>
    private static string WithoutSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// What can be said about an uploaded file before it is read as CSV: a spreadsheet saved in its own format,
/// UTF-16 ("Unicode text"), or other binary content. The CSV reader would otherwise report these as missing
/// headings, or (for UTF-16 with a byte-order mark) quietly accept a format the CSV rules do not allow.
/// </summary>
public static class UploadChecks
{
    /// <summary>A plain-English reason the bytes are not a UTF-8 CSV file, or null when they may be one.</summary>
    public static string? NotCsvText(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return "The file is an Excel workbook or another zip file, not CSV. In Excel, choose File, Save As, and the type 'CSV UTF-8 (comma delimited)', then upload that file.";
        }

        if (content.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            return "The file is an older Excel (.xls) or Word file, not CSV. In Excel, choose File, Save As, and the type 'CSV UTF-8 (comma delimited)', then upload that file.";
        }

        if (content.StartsWith("%PDF"u8))
        {
            return "The file is a PDF, not CSV. Upload the values as a CSV file: download a template from the returns page to start from.";
        }

        if (content.StartsWith(new byte[] { 0xFF, 0xFE }) || content.StartsWith(new byte[] { 0xFE, 0xFF }) || LooksLikeUtf16WithoutMark(content))
        {
            return "The file is saved as UTF-16 ('Unicode text'), not UTF-8. In Excel, choose File, Save As, and the type 'CSV UTF-8 (comma delimited)'.";
        }

        if (content.IndexOf((byte)0) >= 0)
        {
            return "The file is not text (it contains binary data): is it a spreadsheet or another kind of file? Save it as 'CSV UTF-8 (comma delimited)'.";
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(content);
        }
        catch (DecoderFallbackException)
        {
            return "The file is not UTF-8 text: it may have been saved as 'CSV (comma delimited)' in an older encoding, which garbles £ and other symbols. In Excel, choose File, Save As, and the type 'CSV UTF-8 (comma delimited)'.";
        }

        return null;
    }

    /// <summary>
    /// Reads an uploaded file — a return, a catalogue or a committee file — as CSV (no columns required yet: the heading
    /// row says which file it is), or says why it cannot be read at all: not UTF-8 text (<see cref="NotCsvText"/>), quotes
    /// in the wrong places (<see cref="QuoteProblems"/>), empty or unreadable, or more rows than one upload may hold
    /// (refused whole, rather than loading the first rows; <c>RowsInFile</c> says how many it has).
    /// </summary>
    /// <param name="rowsAre">How the row-limit message calls the file's rows: "rows under its heading", a return's "rows of values".</param>
    /// <param name="limitOf">What the row limit is of: "one upload", a return's "one load".</param>
    public static (CsvTable? Table, IReadOnlyList<ImportProblem> Refusal, int RowsInFile) ReadCsv(
        string fileName, byte[] content, int maxRows, string rowsAre = "rows under its heading", string limitOf = "one upload")
    {
        if (NotCsvText(content) is { } notText)
        {
            return (null, [new(fileName, 0, string.Empty, string.Empty, notText)], 0);
        }

        if (QuoteProblems(fileName, content) is { Count: > 0 } quoteProblems)
        {
            return (null, quoteProblems, 0);
        }

        using var stream = new MemoryStream(content, writable: false);
        var table = CsvTable.Read(fileName, stream, [], maxRows);
        if (table.Columns.Count == 0 && table.Problems.Count > 0)
        {
            // Empty, or not readable as CSV at all: the reader has said why. (A heading row of blank cells is read: the
            // caller names the headings it needs.)
            return (null, table.Problems, 0);
        }

        // The row limit is about the file, not a row: say so first and alone, rather than check 200,000 rows.
        if (table.OverRowLimit)
        {
            return (null, [new(fileName, 0, string.Empty, string.Empty,
                string.Create(Wording.Uk, $"The file has {table.RowsInFile:N0} {rowsAre}, more than the {maxRows:N0} {limitOf} may hold. Split it into smaller files and upload each."))], table.RowsInFile);
        }

        return (table, [], table.Rows.Count);
    }

    /// <summary>A hint for a heading row that is one cell holding semicolons or tabs (a file saved with another separator), or "".</summary>
    public static string SeparatorHint(CsvTable table) =>
        table.Columns.Count == 1 && table.Columns.Keys.Single().IndexOfAny([';', '\t']) >= 0
            ? " The headings look separated by semicolons or tabs: save the file as 'CSV (comma delimited)'."
            : string.Empty;

    /// <summary>
    /// Double quotes in the wrong places, which a lenient reader would otherwise turn silently into different cells:
    /// a quote opened and never closed (the rest of the file becomes one cell), and a quote inside a cell that is not
    /// itself quoted, or text after a closing quote. Rows are numbered as a spreadsheet numbers them. Call only for
    /// UTF-8 text (after <see cref="NotCsvText"/>).
    /// </summary>
    public static IReadOnlyList<ImportProblem> QuoteProblems(string fileName, byte[] content, int limit = 25)
    {
        var text = new UTF8Encoding(false).GetString(content).TrimStart('\uFEFF');
        var problems = new List<ImportProblem>();

        if (UnclosedQuote(text) is { } open)
        {
            var preview = text.Substring(open.Offset, Math.Min(20, text.Length - open.Offset)).Split('\n')[0].TrimEnd('\r');
            problems.Add(new ImportProblem(fileName, open.Line, HeadingAt(text, open.Field), preview,
                $"A double quote opens a cell here ({preview}…) and is never closed, so everything after it would be read as one cell. Close the quote, or remove it."));
            return problems;
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Mode = CsvMode.RFC4180,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
            BadDataFound = args =>
            {
                if (problems.Count < limit)
                {
                    var row = args.Context.Parser?.RawRow ?? 0;
                    var field = args.Field.Trim();
                    problems.Add(new ImportProblem(fileName, row, string.Empty, field,
                        $"The cell {field} has a double quote in the wrong place. A cell with a quote in it must be wrapped in double quotes, with each quote inside written twice (\"\"), and nothing after the closing quote. Saving from Excel as CSV does this for you."));
                }
            },
        };
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        try
        {
            while (parser.Read())
            {
                _ = parser.Record;
            }
        }
        catch (CsvHelperException e)
        {
            problems.Add(new ImportProblem(fileName, e.Context?.Parser?.RawRow ?? 0, string.Empty, string.Empty, "The file could not be read as CSV: check for a stray double quote."));
        }

        return problems;
    }

    /// <summary>Where a quoted cell that never closes starts: its line (1-based), field index and offset.</summary>
    private static (int Line, int Field, int Offset)? UnclosedQuote(string text)
    {
        var line = 1;
        var field = 0;
        var atFieldStart = true;
        var inQuotes = false;
        (int Line, int Field, int Offset) start = default;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else if (c == '\n')
                {
                    line++;
                }

                continue;
            }

            switch (c)
            {
                case '"' when atFieldStart:
                    inQuotes = true;
                    start = (line, field, i);
                    atFieldStart = false;
                    break;
                case ',':
                    field++;
                    atFieldStart = true;
                    break;
                case '\n':
                    line++;
                    field = 0;
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                default:
                    atFieldStart = false;
                    break;
            }
        }

        return inQuotes ? start : null;
    }

    /// <summary>The heading of a column by its index, when the heading row is plain (no quotes).</summary>
    private static string HeadingAt(string text, int field)
    {
        var header = text.Split('\n', 2)[0].TrimEnd('\r');
        if (header.Contains('"', StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var headings = header.Split(',');
        return field < headings.Length ? CsvTable.NormaliseHeading(headings[field]) : string.Empty;
    }

    /// <summary>ASCII text saved as UTF-16 has a zero byte in every other position.</summary>
    private static bool LooksLikeUtf16WithoutMark(ReadOnlySpan<byte> content)
    {
        var sample = content[..Math.Min(content.Length, 512)];
        if (sample.Length < 4)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if (i % 2 == 0)
                {
                    evenZeros++;
                }
                else
                {
                    oddZeros++;
                }
            }
        }

        var half = sample.Length / 2;
        return evenZeros > half * 0.4 || oddZeros > half * 0.4;
    }
}

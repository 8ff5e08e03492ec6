using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace LeicsPerformance.Web.Imports;

/// <summary>A row of a CSV file with its spreadsheet row number, read by column heading.</summary>
public sealed class CsvRow(int rowNumber, IReadOnlyDictionary<string, int> columns, string[] fields)
{
    public int RowNumber { get; } = rowNumber;

    /// <summary>The trimmed cell under a heading; empty when the column is absent or the row is short.</summary>
    public string this[string column] =>
        columns.TryGetValue(column, out var index) && index < fields.Length ? fields[index].Trim() : string.Empty;

    public bool IsBlank => fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Reads a CSV file leniently where people differ (UTF-8 BOM, Windows line endings, column order, heading case
/// and spacing, trailing blank lines) and reports, by row, what cannot be read at all.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(string fileName, IReadOnlyDictionary<string, int> columns, IReadOnlyList<CsvRow> rows, IReadOnlyList<ImportProblem> problems, string[]? header = null, int rowsInFile = -1)
    {
        FileName = fileName;
        Columns = columns;
        Rows = rows;
        Problems = problems;
        this.header = header ?? [];
        RowsInFile = rowsInFile < 0 ? rows.Count : rowsInFile;
    }

    /// <summary>The heading row as written (for the missing-columns message).</summary>
    private readonly string[] header;

    public string FileName { get; }

    /// <summary>Normalised heading (lower case, spaces as underscores) → field index.</summary>
    public IReadOnlyDictionary<string, int> Columns { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public IReadOnlyList<ImportProblem> Problems { get; }

    /// <summary>Rows of values in the whole file: more than <see cref="Rows"/> when it goes past the row limit it was read with.</summary>
    public int RowsInFile { get; }

    /// <summary>Whether the file holds more rows than the limit it was read with (only the first ones are kept).</summary>
    public bool OverRowLimit => RowsInFile > Rows.Count;

    public bool HasColumn(string column) => Columns.ContainsKey(column);

    /// <summary>
    /// The table as <see cref="Read"/> with these required columns would have given it: itself when they are all
    /// there, else no rows and a problem naming the missing ones. Lets a caller read a file once, look at its
    /// headings (is it a return or a published dataset?) and then require the columns of the kind it is.
    /// </summary>
    public CsvTable Require(IReadOnlyCollection<string> requiredColumns)
    {
        if (MissingColumns(FileName, header, Columns, requiredColumns) is not { } missing)
        {
            return this;
        }

        return new(FileName, Columns, [], [.. Problems, missing], header);
    }

    private static ImportProblem? MissingColumns(string fileName, string[] header, IReadOnlyDictionary<string, int> columns, IReadOnlyCollection<string> requiredColumns)
    {
        var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var hint = header.Length == 1 && (header[0].Contains(';', StringComparison.Ordinal) || header[0].Contains('\t', StringComparison.Ordinal))
            ? " The headings look separated by semicolons or tabs: save the file as 'CSV (comma delimited)'."
            : string.Empty;
        return new(fileName, 1, string.Empty, string.Join(",", header),
            $"The heading row is missing the column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}.{hint} Expected headings include: {string.Join(", ", requiredColumns)}.");
    }

    public static string NormaliseHeading(string heading) =>
        heading.Trim().Trim('\uFEFF').ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    public static CsvTable Read(string fileName, Stream stream, IReadOnlyCollection<string> requiredColumns, int maxRows = int.MaxValue)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<CsvRow>();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);

        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Mode = CsvMode.RFC4180,
            BadDataFound = null,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
        };

        try
        {
            using var parser = new CsvParser(reader, config);
            if (!parser.Read())
            {
                problems.Add(new(fileName, 0, string.Empty, string.Empty, "The file is empty: it needs a heading row naming the columns, then one row per value."));
                return new(fileName, columns, rows, problems);
            }

            var header = parser.Record ?? [];
            for (var i = 0; i < header.Length; i++)
            {
                var name = NormaliseHeading(header[i]);
                if (name.Length == 0)
                {
                    continue;
                }

                if (!columns.TryAdd(name, i))
                {
                    problems.Add(new(fileName, 1, header[i].Trim(), header[i], $"The heading '{header[i].Trim()}' appears twice: each column may appear only once."));
                }
            }

            if (MissingColumns(fileName, header, columns, requiredColumns) is { } missing)
            {
                problems.Add(missing);
                return new(fileName, columns, rows, problems, header);
            }

            var beyond = 0;
            while (parser.Read())
            {
                var rowNumber = parser.RawRow;
                var row = new CsvRow(rowNumber, columns, parser.Record ?? []);
                if (row.IsBlank)
                {
                    continue;
                }

                if (rows.Count >= maxRows)
                {
                    // Past the limit the rest are only counted, keeping nothing of them, so the message can give the total.
                    if (beyond++ == 0)
                    {
                        problems.Add(new(fileName, rowNumber, string.Empty, string.Empty, $"The file has more than {maxRows:N0} rows, the most one load may hold. Split it into smaller files."));
                    }

                    continue;
                }

                if ((parser.Record?.Length ?? 0) > header.Length && parser.Record!.Skip(header.Length).Any(f => !string.IsNullOrWhiteSpace(f)))
                {
                    problems.Add(new(fileName, rowNumber, string.Empty, string.Empty, $"This row has {parser.Record!.Length} cells but the heading row has {header.Length}: check for an unquoted comma (a value with a comma must be in double quotes)."));
                    continue;
                }

                rows.Add(row);
            }

            return new(fileName, columns, rows, problems, header, rows.Count + beyond);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new(fileName, 0, string.Empty, string.Empty, "The file is not UTF-8 text (is it a spreadsheet or another binary file?). Save it as 'CSV UTF-8 (comma delimited)'."));
        }
        catch (CsvHelperException e)
        {
            problems.Add(new(fileName, e.Context?.Parser?.RawRow ?? 0, string.Empty, string.Empty, "The file could not be read as CSV: check for a stray double quote. " + e.Message.Split('\n')[0]));
        }

        return new(fileName, columns, rows, problems);
    }
}

using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data.Entities;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Reads the rows of a committee file into typed rows, naming by row and column what cannot be read (a blank or
/// malformed slug, a date or quarter, a sort order, a kind; a row given twice). What needs the stored data (does the
/// committee, dashboard or indicator exist?) is checked next, by <see cref="CommitteeFileCheck"/>. Every row is
/// returned, with <c>Ok</c> false where it has a problem, so the check still names its other problems.
/// </summary>
public static class CommitteeFileParser
{
    private static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "d MMMM yyyy", "d MMM yyyy"];

    public static List<CommitteeFileRow> Committees(CsvTable table, ProblemList problems)
    {
        var rows = new List<CommitteeFileRow>();
        var taken = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var slug = row["slug"];
            var before = problems.Count;
            if (slug.Length == 0)
            {
                Problem(problems, table, row, "slug", "The slug is blank: every committee needs one, e.g. adults-and-communities.");
            }
            else if (!IsSlug(slug))
            {
                Problem(problems, table, row, "slug", $"'{slug}' is not a slug: use lower-case letters, digits and hyphens (it becomes the web address).");
            }
            else if (seen.TryGetValue(slug, out var first))
            {
                Problem(problems, table, row, "slug", $"'{slug}' is already given on row {first}: each committee appears once.");
            }

            if (row["title"].Length == 0)
            {
                Problem(problems, table, row, "title", "The title is blank.");
            }

            var order = SortOrder(problems, table, row, taken + 1);
            var ok = problems.Count == before;
            if (ok)
            {
                seen[slug] = row.RowNumber;
                taken++;
            }

            rows.Add(new(row.RowNumber, ok, slug, row["title"], row["short_title"].Length > 0 ? row["short_title"] : row["title"], order, row["remit"]));
        }

        return rows;
    }

    public static List<ScopeFileRow> Scope(CsvTable table, ProblemList problems)
    {
        var rows = new List<ScopeFileRow>();
        var taken = 0;
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            if ((row["dashboard"].Length > 0) == (row["indicator"].Length > 0))
            {
                Problem(problems, table, row, "dashboard", "Give either a dashboard (all its indicators) or one indicator code on each row, not both and not neither.");
            }

            // The fallback order counts the rows before it that were taken, as the scope is numbered on screen.
            var order = SortOrder(problems, table, row, taken + 1);
            var ok = problems.Count == before;
            taken += ok ? 1 : 0;
            rows.Add(new(row.RowNumber, ok, row["committee"], row["dashboard"], row["indicator"], order));
        }

        return rows;
    }

    public static List<MeetingFileRow> Meetings(CsvTable table, ProblemList problems)
    {
        var rows = new List<MeetingFileRow>();
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            if (!DateOnly.TryParseExact(row["date"], DateFormats, UK, DateTimeStyles.None, out var date))
            {
                Problem(problems, table, row, "date", $"'{row["date"]}' is not a date: write it like 2021-09-06 or 06/09/2021.");
            }
            else if (!ReportingPeriod.YearInRange(date.Year))
            {
                Problem(problems, table, row, "date", $"'{row["date"]}' is not a date between {ReportingPeriod.MinYear} and {ReportingPeriod.MaxYear}.");
            }

            string? periodCode = null;
            var periodText = row["considers_period"];
            if (periodText.Length > 0)
            {
                if (!ReportingPeriod.TryParse(periodText, out var period) || period.Kind != PeriodKind.FinancialQuarter)
                {
                    Problem(problems, table, row, "considers_period", $"'{periodText}' is not a quarter: write it like Q1 2021/22 or Quarter One 2021-22.");
                }
                else
                {
                    periodCode = period.Code;
                }
            }

            rows.Add(new(row.RowNumber, problems.Count == before, row["committee"], row["date"], date, periodCode, row["source"]));
        }

        return rows;
    }

    public static List<PromptFileRow> Prompts(CsvTable table, ProblemList problems)
    {
        var rows = new List<PromptFileRow>();
        var taken = 0;
        var seen = new Dictionary<(PromptKind, int), int>();
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            if (!PromptKinds.TryParse(row["kind"], out var kind))
            {
                Problem(problems, table, row, "kind", $"'{row["kind"]}' is not a kind: use introduction (the text before the list) or prompt (one question).");
            }

            if (row["text"].Length == 0)
            {
                Problem(problems, table, row, "text", "The text is blank.");
            }

            var order = SortOrder(problems, table, row, taken + 1);
            if (problems.Count == before && seen.TryGetValue((kind, order), out var first))
            {
                Problem(problems, table, row, "sort_order", $"Row {first} already has {kind.ToCode()} number {order.ToString(UK)}.");
            }

            var ok = problems.Count == before;
            if (ok)
            {
                seen[(kind, order)] = row.RowNumber;
                taken++;
            }

            rows.Add(new(row.RowNumber, ok, kind, order, row["text"]));
        }

        return rows;
    }

    private static int SortOrder(ProblemList problems, CsvTable table, CsvRow row, int fallback)
    {
        var text = row["sort_order"];
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var order))
        {
            return order;
        }

        Problem(problems, table, row, "sort_order", $"'{text}' is not a whole number giving the order.");
        return 0;
    }

    private static bool IsSlug(string s) => s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && !s.StartsWith('-') && !s.EndsWith('-');

    internal static void Problem(ProblemList problems, CsvTable table, CsvRow row, string column, string message) =>
        problems.Add(new(table.FileName, row.RowNumber, column, row[column], message));

    /// <summary>A problem on a row already read, for the check against stored data.</summary>
    internal static void Problem(ProblemList problems, CsvTable table, int rowNumber, string column, string value, string message) =>
        problems.Add(new(table.FileName, rowNumber, column, value, message));
}

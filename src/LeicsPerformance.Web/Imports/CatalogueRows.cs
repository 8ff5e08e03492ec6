using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Reads dashboards.csv and indicators.csv into typed rows (<see cref="DashboardRow"/>, <see cref="IndicatorRow"/>),
/// naming by row and column everything that cannot be taken: blanks, duplicates, numbers, codes, and references to
/// themes, dashboards and comparator groups not held. Writes nothing; <see cref="CatalogueCheck"/> compares the rows with
/// what is held, <see cref="CatalogueWriter"/> writes them.
/// </summary>
public sealed class CatalogueRows(PerformanceDbContext db)
{
    public static readonly string[] DashboardColumns = ["slug", "theme", "title", "sort_order", "comparator_note", "edition"];

    public static readonly string[] RequiredDashboardColumns = ["slug", "theme", "title", "sort_order"];

    /// <summary>The edition of a dashboard whose <c>edition</c> cell is blank: the first compendium the app held.</summary>
    public const string FirstEdition = "FY2017";

    public static readonly string[] IndicatorColumns =
    [
        "code", "dashboard", "section", "sort_order", "title", "definition", "polarity", "unit", "decimals", "scale", "rate_per",
        "strategic_plan", "internal", "source", "geography_note", "comparator_group", "frequency", "no_real_change_rule", "notes", "percent_bounded",
        "source_dataset", "source_publisher", "source_release",
    ];

    public static readonly string[] RequiredIndicatorColumns = ["code", "dashboard", "title", "polarity", "unit", "sort_order"];

    /// <summary>Reads and checks every row of dashboards.csv, adding a problem for each thing wrong; returns the rows with none.</summary>
    public async Task<List<DashboardRow>> ReadDashboardRowsAsync(CsvTable table, List<ImportProblem> found, CancellationToken ct)
    {
        var themes = (await db.Themes.Select(t => t.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<DashboardRow>();
        foreach (var row in table.Rows)
        {
            var before = found.Count;
            void Problem(string column, string message) => found.Add(new(table.FileName, row.RowNumber, column, row[column], message));

            var slug = row["slug"];
            if (slug.Length == 0)
            {
                Problem("slug", "The slug is blank: every row needs one.");
            }
            else if (seen.TryGetValue(slug, out var firstRow))
            {
                Problem("slug", string.Create(CultureInfo.InvariantCulture, $"A second row for {slug}: row {firstRow} already describes it. Keep one row per dashboard."));
            }
            else
            {
                seen[slug] = row.RowNumber;
            }

            if (!themes.Contains(row["theme"]))
            {
                Problem("theme", $"'{row["theme"]}' is not a theme slug in themes.csv.");
            }

            var title = Text(row["title"]);
            if (title.Length == 0)
            {
                Problem("title", "The title is blank: every row needs one.");
            }

            if (!int.TryParse(row["sort_order"], NumberStyles.None, CultureInfo.InvariantCulture, out var order))
            {
                Problem("sort_order", $"'{row["sort_order"]}' is not a whole number giving the order on screen.");
            }

            var edition = FirstEdition;
            if (row["edition"].Length > 0)
            {
                if (LeicsPerformance.Domain.Periods.ReportingPeriod.TryParse(row["edition"], out var period))
                {
                    edition = period.Code;
                }
                else
                {
                    Problem("edition", $"'{row["edition"]}' is not a period: give the first period the edition reports, such as 2021/22.");
                }
            }

            if (found.Count == before)
            {
                rows.Add(new DashboardRow(row.RowNumber, slug, row["theme"], title, order, Text(row["comparator_note"]), edition));
            }
        }

        return rows;
    }

    /// <summary>Reads and checks every row, adding a problem for each thing wrong; returns the rows with none.</summary>
    public async Task<List<IndicatorRow>> ReadIndicatorRowsAsync(CsvTable table, List<ImportProblem> found, CancellationToken ct)
    {
        var dashboards = (await db.Dashboards.Select(d => d.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var groups = (await db.ComparatorGroups.Select(g => g.Code).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<IndicatorRow>();

        foreach (var row in table.Rows)
        {
            var before = found.Count;
            void Problem(string column, string message) => found.Add(new(table.FileName, row.RowNumber, column, row[column], message));

            var code = row["code"];
            if (code.Length == 0)
            {
                Problem("code", "The code is blank: every row needs one.");
            }
            else if (seen.TryGetValue(code, out var firstRow))
            {
                Problem("code", string.Create(CultureInfo.InvariantCulture, $"A second row for {code}: row {firstRow} already describes it. Keep one row per indicator."));
            }
            else
            {
                seen[code] = row.RowNumber;
            }

            var title = Text(row["title"]);
            if (title.Length == 0)
            {
                Problem("title", "The title is blank: every row needs one.");
            }

            if (!int.TryParse(row["sort_order"], NumberStyles.None, CultureInfo.InvariantCulture, out var order))
            {
                Problem("sort_order", $"'{row["sort_order"]}' is not a whole number giving the order on screen.");
            }

            if (!dashboards.Contains(row["dashboard"]))
            {
                Problem("dashboard", $"'{row["dashboard"]}' is not a dashboard slug in dashboards.csv.");
            }

            if (!PolarityText.TryParse(row["polarity"], out var polarity))
            {
                Problem("polarity", $"'{row["polarity"]}' is not a polarity: use high, low or none.");
            }

            if (!ValueFormat.TryParseUnit(row["unit"], out var unit))
            {
                Problem("unit", $"'{row["unit"]}' is not a unit: use one of {string.Join(", ", Enum.GetValues<Unit>().Select(ValueFormat.UnitCode))}.");
            }

            if (!ValueFormat.TryParseScale(row["scale"], out var scale))
            {
                Problem("scale", $"'{row["scale"]}' is not a scale: use none, thousands, millions or billions.");
            }

            var decimals = 0;
            if (row["decimals"].Length > 0 && (!int.TryParse(row["decimals"], NumberStyles.None, CultureInfo.InvariantCulture, out decimals) || decimals > 6))
            {
                Problem("decimals", $"'{row["decimals"]}' is not a number of decimal places from 0 to 6.");
            }

            int? ratePer = null;
            if (row["rate_per"].Length > 0)
            {
                if (!int.TryParse(row["rate_per"].Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var per) || per <= 0)
                {
                    Problem("rate_per", $"'{row["rate_per"]}' is not a whole number such as 1000 or 100000.");
                }
                else
                {
                    ratePer = per;
                }
            }

            if (!NoRealChangeRule.TryParse(row["no_real_change_rule"], out var rule))
            {
                Problem("no_real_change_rule", $"'{row["no_real_change_rule"]}' is not a rule: use same-when-rounded, absolute:0.5 or relative:1%.");
            }

            if (!FrequencyText.TryParse(row["frequency"], out var frequency))
            {
                Problem("frequency", $"'{row["frequency"]}' is not a frequency: use annual or quarterly.");
            }

            var group = row["comparator_group"];
            if (group.Length > 0 && !groups.Contains(group))
            {
                Problem("comparator_group", $"'{group}' is not a comparator group code in comparator-groups.csv.");
            }

            // A percentage is at most 100% unless the catalogue says otherwise (blank means bounded).
            var bounded = row["percent_bounded"].Trim().ToUpperInvariant();
            if (bounded is not ("" or "YES" or "NO" or "Y" or "N"))
            {
                Problem("percent_bounded", $"'{row["percent_bounded"]}' is not yes or no (whether a percentage stays within 100%).");
            }

            if (found.Count > before)
            {
                continue;
            }

            rows.Add(new IndicatorRow(
                row.RowNumber,
                code,
                row["dashboard"],
                Text(row["section"]),
                order,
                title,
                Text(row["definition"]),
                polarity,
                unit,
                decimals,
                scale,
                ratePer,
                YesNo(row["strategic_plan"]),
                YesNo(row["internal"]),
                Text(row["source"]),
                Text(row["geography_note"]),
                group.Length > 0 ? group : null,
                frequency,
                rule!,
                Text(row["notes"]),
                bounded is not ("NO" or "N"),
                Text(row["source_dataset"]),
                Text(row["source_publisher"]),
                Text(row["source_release"])));
        }

        return rows;
    }

    /// <summary>
    /// A text cell as typed, except that an apostrophe our own CSV downloads put before = + - @ (so spreadsheets do
    /// not run it as a formula) is taken off again: a downloaded catalogue uploads back unchanged.
    /// </summary>
    public static string Text(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' ? cell[1..] : cell;

    private static bool YesNo(string text) => text.Trim().ToUpperInvariant() is "YES" or "Y" or "TRUE" or "1" or "*";
}

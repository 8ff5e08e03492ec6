using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data.Entities;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// A checked row of one of the catalogue files: the key it is matched on (an indicator's code, a dashboard's slug, the
/// later indicator of a lineage link), how the preview names it, and its cells in the file's column order.
/// </summary>
public interface ICatalogueRow
{
    int Row { get; }

    string Key { get; }

    /// <summary>What the preview calls it beside its key: the title, or "continues FF01".</summary>
    string Label { get; }

    /// <summary>Where it sits, for the preview's third column: the dashboard, the theme, the earlier indicator.</summary>
    string Place { get; }

    /// <summary>A short description for new and unchanged rows (unit and polarity, the edition, the evidence).</summary>
    string Detail { get; }

    IReadOnlyList<string> Cells { get; }
}

/// <summary>A checked row of indicators.csv (docs/csv-format.md), in the form the catalogue stores.</summary>
public sealed record IndicatorRow(
    int Row,
    string Code,
    string Dashboard,
    string Section,
    int SortOrder,
    string Title,
    string Definition,
    Polarity Polarity,
    Unit Unit,
    int Decimals,
    Scale Scale,
    int? RatePer,
    bool StrategicPlan,
    bool Internal,
    string Source,
    string GeographyNote,
    string? ComparatorGroup,
    Frequency Frequency,
    NoRealChangeRule NoRealChangeRule,
    string Notes,
    bool PercentBounded = true,
    string SourceDataset = "",
    string SourcePublisher = "",
    string SourceRelease = "") : ICatalogueRow
{
    string ICatalogueRow.Key => Code;

    string ICatalogueRow.Label => Title;

    string ICatalogueRow.Place => Dashboard;

    string ICatalogueRow.Detail => ValueFormat.UnitCode(Unit) + ", " + Polarity.ToCode();

    public static IndicatorRow From(Indicator indicator, string dashboardSlug, string sectionTitle) => new(
        0,
        indicator.Code,
        dashboardSlug,
        sectionTitle,
        indicator.SortOrder,
        indicator.Title,
        indicator.Definition,
        indicator.Polarity,
        indicator.Unit,
        indicator.Decimals,
        indicator.Scale,
        indicator.RatePer,
        indicator.StrategicPlan,
        indicator.Internal,
        indicator.Source,
        indicator.GeographyNote,
        indicator.ComparatorGroupCode,
        indicator.Frequency,
        indicator.NoRealChangeRule,
        indicator.Notes,
        indicator.PercentBounded,
        indicator.SourceDataset,
        indicator.SourcePublisher,
        indicator.SourceRelease);

    /// <summary>The cells of indicators.csv, in <see cref="CatalogueRows.IndicatorColumns"/> order.</summary>
    public IReadOnlyList<string> Cells =>
    [
        Code, Dashboard, Section, SortOrder.ToString(CultureInfo.InvariantCulture), Title, Definition, Polarity.ToCode(), ValueFormat.UnitCode(Unit),
        Decimals.ToString(CultureInfo.InvariantCulture), ValueFormat.ScaleCode(Scale), RatePer?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        StrategicPlan ? "yes" : "no", Internal ? "yes" : "no", Source, GeographyNote, ComparatorGroup ?? string.Empty, Frequency.ToCode(),
        NoRealChangeRule.Code, Notes, PercentBounded ? "yes" : "no", SourceDataset, SourcePublisher, SourceRelease,
    ];
}

/// <summary>A checked row of dashboards.csv: <see cref="Edition"/> is the code of the edition's first period (FY2021).</summary>
public sealed record DashboardRow(int Row, string Slug, string Theme, string Title, int SortOrder, string ComparatorNote, string Edition) : ICatalogueRow
{
    /// <summary>The edition as the file writes it, 2021/22.</summary>
    public string EditionLabel => LeicsPerformance.Domain.Periods.ReportingPeriod.Parse(Edition).Label;

    string ICatalogueRow.Key => Slug;

    string ICatalogueRow.Label => Title;

    string ICatalogueRow.Place => Theme;

    string ICatalogueRow.Detail => EditionLabel + " edition";

    /// <summary>The cells of dashboards.csv, in <see cref="CatalogueRows.DashboardColumns"/> order.</summary>
    public IReadOnlyList<string> Cells =>
        [Slug, Theme, Title, SortOrder.ToString(CultureInfo.InvariantCulture), ComparatorNote, EditionLabel];
}

/// <summary>One column of a catalogue row that a file would change.</summary>
public sealed record FieldChange(string Field, string Old, string New)
{
    /// <summary>The columns whose cells differ between what is held and the file's row.</summary>
    public static IReadOnlyList<FieldChange> Between(IReadOnlyList<string> columns, IReadOnlyList<string> held, IReadOnlyList<string> file)
    {
        var changes = new List<FieldChange>();
        for (var i = 0; i < columns.Count && i < held.Count && i < file.Count; i++)
        {
            if (!string.Equals(held[i], file[i], StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(columns[i], held[i], file[i]));
            }
        }

        return changes;
    }
}

/// <summary>One row of the file: new, changed (with the columns that change) or unchanged.</summary>
public sealed record CatalogueChange(ICatalogueRow Row, ChangeKind Kind, IReadOnlyList<FieldChange> Fields);

/// <summary>How many dashboards an edition holds now and would hold once the file is loaded.</summary>
public sealed record EditionEffect(string Edition, int DashboardsNow, int DashboardsAfter, IReadOnlyList<string> Joining, IReadOnlyList<string> Leaving)
{
    public bool Changes => Joining.Count > 0 || Leaving.Count > 0;
}

/// <summary>
/// The result of checking a catalogue file (indicators.csv, dashboards.csv or indicator-lineage.csv) against what is
/// held now; nothing has been written. The three files share it: rows keyed on a code or slug, compared cell by cell.
/// </summary>
public sealed record CataloguePlan : IUploadPlan
{
    public required string FileName { get; init; }

    public required string Sha256 { get; init; }

    /// <summary>Which catalogue file it is, recognised from its heading row; null when the heading matched none.</summary>
    public CatalogueFile? File { get; init; }

    public int RowsRead { get; init; }

    public required IReadOnlyList<CatalogueChange> Changes { get; init; }

    /// <summary>Rows held now that the file no longer has, for a file that is the whole list (lineage); else empty.</summary>
    public IReadOnlyList<ICatalogueRow> Removed { get; init; } = [];

    public required IReadOnlyList<ImportProblem> Problems { get; init; }

    /// <summary>What is held as it was when checked, by key (for the expected cells kept with the preview).</summary>
    public IReadOnlyDictionary<string, ICatalogueRow> Current { get; init; } = new Dictionary<string, ICatalogueRow>(StringComparer.Ordinal);

    /// <summary>For dashboards.csv: per edition, how many dashboards it holds now and would hold.</summary>
    public IReadOnlyList<EditionEffect> Editions { get; init; } = [];

    public IEnumerable<ImportProblem> Errors => Problems.Where(p => !p.IsWarning);

    public IEnumerable<ImportProblem> Warnings => Problems.Where(p => p.IsWarning);

    /// <summary>Errors found but not listed in <see cref="Problems"/>, which is capped (Uploads:MaxProblemsListed) as a return's is.</summary>
    public int UnlistedErrorCount { get; init; }

    public int UnlistedWarningCount { get; init; }

    public bool HasErrors => UnlistedErrorCount > 0 || Problems.Any(p => !p.IsWarning);

    public int NewCount => Changes.Count(c => c.Kind == ChangeKind.New);

    public int ChangedCount => Changes.Count(c => c.Kind == ChangeKind.Changed);

    public int UnchangedCount => Changes.Count(c => c.Kind == ChangeKind.Unchanged);

    public int RemovedCount => Removed.Count;

    public int RejectedRowCount => rejectedRowCount ?? Problems.Where(p => !p.IsWarning && p.Row > 0).Select(p => p.Row).Distinct().Count();

    /// <summary>Set when the list is capped: the rows with an error among all the problems found.</summary>
    private int? rejectedRowCount;

    /// <summary>Something to write, and nothing wrong.</summary>
    public bool CanCommit => !HasErrors && NewCount + ChangedCount + RemovedCount > 0;

    /// <summary>The file's rows that would be written (new or changed), as the file's own kind of row.</summary>
    public IReadOnlyList<T> ToWrite<T>() where T : ICatalogueRow =>
        Changes.Where(c => c.Kind != ChangeKind.Unchanged).Select(c => c.Row).OfType<T>().ToList();

    /// <summary>Every row of the file, changed or not, as the file's own kind of row (a whole-list file is written whole).</summary>
    public IReadOnlyList<T> AllRows<T>() where T : ICatalogueRow => Changes.Select(c => c.Row).OfType<T>().ToList();

    /// <summary>The plan with further problems (warnings found once the changes are known), in row order.</summary>
    public CataloguePlan With(IReadOnlyCollection<ImportProblem> more) =>
        more.Count == 0 ? this : this with { Problems = Ordered(Problems.Concat(more)) };

    /// <summary>The plan listing at most <paramref name="most"/> problems (the first by row), the rest counted (<see cref="ProblemList"/>).</summary>
    public CataloguePlan Capped(int most)
    {
        if (Problems.Count <= most)
        {
            return this;
        }

        var list = new ProblemList(most);
        list.AddRange(Problems);
        return this with
        {
            Problems = list.Listed(),
            UnlistedErrorCount = UnlistedErrorCount + list.UnlistedErrors,
            UnlistedWarningCount = UnlistedWarningCount + list.UnlistedWarnings,
            rejectedRowCount = list.RejectedRowCount,
        };
    }

    private static List<ImportProblem> Ordered(IEnumerable<ImportProblem> problems) => problems.OrderBy(p => p.Row).ThenBy(p => p.IsWarning).ToList();

    /// <summary>
    /// Compares the checked rows of a file with what is held: each row new, changed (column by column) or unchanged,
    /// and, for a file that is the whole list, each held row the file no longer has.
    /// </summary>
    public static CataloguePlan Compare(
        CatalogueFile file, CsvTable table, string sha256, IReadOnlyList<ICatalogueRow> rows,
        IReadOnlyDictionary<string, ICatalogueRow> current, IReadOnlyList<ImportProblem> problems)
    {
        var changes = new List<CatalogueChange>();
        foreach (var row in rows)
        {
            if (!current.TryGetValue(row.Key, out var now))
            {
                changes.Add(new CatalogueChange(row, ChangeKind.New, []));
                continue;
            }

            var fields = FieldChange.Between(file.Columns, now.Cells, row.Cells);
            changes.Add(new CatalogueChange(row, fields.Count == 0 ? ChangeKind.Unchanged : ChangeKind.Changed, fields));
        }

        var inFile = rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        return new CataloguePlan
        {
            File = file,
            FileName = table.FileName,
            Sha256 = sha256,
            RowsRead = table.Rows.Count,
            Changes = changes,
            Removed = file.IsWholeList ? current.Values.Where(r => !inFile.Contains(r.Key)).ToList() : [],
            Problems = Ordered(problems),
            Current = current,
        };
    }
}

using System.Globalization;
using LeicsPerformance.Web.Data.Entities;

namespace LeicsPerformance.Web.Imports;

/// <summary>A checked row of indicators.csv (docs/csv-format.md), in the form the catalogue stores.</summary>
public sealed record IndicatorRow(
    int Row,
    string Code,
    string Dashboard,
    string Section,
    int SortOrder,
    string Title,
    string Definition,
    string Polarity,
    string Unit,
    int Decimals,
    string Scale,
    int? RatePer,
    bool StrategicPlan,
    bool Internal,
    string Source,
    string GeographyNote,
    string? ComparatorGroup,
    string Frequency,
    string NoRealChangeRule,
    string Notes,
    bool PercentBounded = true,
    string SourceDataset = "",
    string SourcePublisher = "",
    string SourceRelease = "")
{
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

    /// <summary>The cells of indicators.csv, in <see cref="CatalogueImporter.IndicatorColumns"/> order.</summary>
    public IReadOnlyList<string> Cells =>
    [
        Code, Dashboard, Section, SortOrder.ToString(CultureInfo.InvariantCulture), Title, Definition, Polarity, Unit,
        Decimals.ToString(CultureInfo.InvariantCulture), Scale, RatePer?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        StrategicPlan ? "yes" : "no", Internal ? "yes" : "no", Source, GeographyNote, ComparatorGroup ?? string.Empty, Frequency,
        NoRealChangeRule, Notes, PercentBounded ? "yes" : "no", SourceDataset, SourcePublisher, SourceRelease,
    ];

    /// <summary>Everything that describes the indicator, as one string: equal when nothing differs.</summary>
    public string Fingerprint => string.Join('\u001f', Cells);

    /// <summary>The columns whose values differ between what is held and a row of the file.</summary>
    public static IReadOnlyList<FieldChange> Differences(IndicatorRow now, IndicatorRow file)
    {
        var changes = new List<FieldChange>();
        var before = now.Cells;
        var after = file.Cells;
        for (var i = 0; i < before.Count; i++)
        {
            if (!string.Equals(before[i], after[i], StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(CatalogueImporter.IndicatorColumns[i], before[i], after[i]));
            }
        }

        return changes;
    }
}

/// <summary>One column of an indicator that a catalogue file would change.</summary>
public sealed record FieldChange(string Field, string Old, string New);

/// <summary>One indicator of the file: new, changed (with the columns that change) or unchanged.</summary>
public sealed record IndicatorChange(IndicatorRow Row, ChangeKind Kind, IReadOnlyList<FieldChange> Fields);

/// <summary>The result of checking an indicators.csv file against the catalogue held now; nothing has been written.</summary>
public sealed class CataloguePlan
{
    public required string FileName { get; init; }

    public required string Sha256 { get; init; }

    public int RowsRead { get; init; }

    public required IReadOnlyList<IndicatorChange> Changes { get; init; }

    public required IReadOnlyList<ImportProblem> Problems { get; init; }

    /// <summary>The catalogue as it was when checked, by code (for the expected values kept with the preview).</summary>
    public IReadOnlyDictionary<string, IndicatorRow> Current { get; init; } = new Dictionary<string, IndicatorRow>(StringComparer.Ordinal);

    public IEnumerable<ImportProblem> Errors => Problems.Where(p => !p.IsWarning);

    public IEnumerable<ImportProblem> Warnings => Problems.Where(p => p.IsWarning);

    public bool HasErrors => Problems.Any(p => !p.IsWarning);

    public int NewCount => Changes.Count(c => c.Kind == ChangeKind.New);

    public int ChangedCount => Changes.Count(c => c.Kind == ChangeKind.Changed);

    public int UnchangedCount => Changes.Count(c => c.Kind == ChangeKind.Unchanged);

    public int RejectedRowCount => Problems.Where(p => !p.IsWarning && p.Row > 0).Select(p => p.Row).Distinct().Count();

    /// <summary>Something to write, and nothing wrong.</summary>
    public bool CanCommit => !HasErrors && NewCount + ChangedCount > 0;
}

using System.Globalization;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Web.Exports;

namespace LeicsPerformance.Web.Imports;

/// <summary>A returns preview's CSV downloads, problems and changes, made once with its plan and kept with the upload.</summary>
public static class ReturnDownloads
{
    /// <summary>A preview's problems and changes as CSV, made once with its plan (issue 12: a download does not check the file again).</summary>
    public static PreviewDownloads Of(ReturnPlan plan, PreviewConsequences consequences) => new(
        CsvExport.WriteCompressed(LoadDisplay.ProblemCsvHeader, LoadDisplay.ProblemCsvRows(plan)),
        CsvExport.WriteCompressed(ChangesCsvHeader, plan.Changes.Select(c => ChangeCsvRow(c, consequences.For(c)))));

    /// <summary>
    /// The preview's changes download: every row (new, changed, unchanged) with what it would write, and for the
    /// council's values the preview worked out, what the dashboards and committees' reports would show once loaded.
    /// </summary>
    public static readonly IReadOnlyList<string> ChangesCsvHeader =
    [
        "row", "change", "indicator_code", "indicator_title", "area", "period", "now", "in_file", "value_as_typed", "target", "quartile", "comparator_group", "direction", "commentary",
        "direction_once_loaded", "target_status_once_loaded", "exception_once_loaded", "committees",
    ];

    private static IReadOnlyList<string?> ChangeCsvRow(PlannedChange c, ValueConsequence? after) =>
    [
        c.Line.Row.ToString(CultureInfo.InvariantCulture),
        c.Kind.ToCode(),
        c.Line.IndicatorCode,
        c.Line.IndicatorTitle,
        c.Line.AreaName,
        c.Line.Period.Label,
        c.Kind == ChangeKind.New ? string.Empty : c.OldDisplay,
        c.NewDisplay,
        c.Line.AsPrinted,
        c.Line.Assessment?.TargetText,
        c.Line.Assessment?.Quartile?.Original,
        c.Line.Assessment?.QuartileGroupCode,
        c.Line.Assessment?.OfficerDirection?.Words(),
        c.Line.Assessment?.Commentary,
        after is null ? null : Wording.Direction(after.Loaded.Direction.Direction),
        after is null ? null : Wording.TargetStatus(after.Loaded.Target.Status),
        after?.ExceptionText,
        after is null ? null : string.Join("; ", after.Committees),
    ];
}

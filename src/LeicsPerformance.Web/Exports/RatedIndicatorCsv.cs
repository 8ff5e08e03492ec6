using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Web.Reporting;

namespace LeicsPerformance.Web.Exports;

/// <summary>
/// A rated indicator as a CSV row, the same in every download that lists rated indicators: a dashboard's table and
/// the exceptions lists (which put the theme and dashboard first). The compendium's columns, numbers in invariant
/// culture, then the text as shown and the reasons.
/// </summary>
public static class RatedIndicatorCsv
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "code", "section", "strategic_plan", "description", "quartile", "direction", "current", "current_display",
        "target", "target_status", "previous", "previous_display", "polarity", "marker", "commentary",
        "quartile_reason", "direction_reason",
    ];

    public static IReadOnlyList<string?> Row(RatedIndicator row) =>
    [
        row.Code,
        row.Section,
        row.StrategicPlan ? "yes" : "no",
        row.Title,
        row.QuartileLabel,
        row.Direction.Direction.Words(),
        CsvExport.Number(row.Current?.Number),
        row.Current?.Display ?? string.Empty,
        Wording.Target(row.TargetText, row.Format),
        TargetWords(row.Target.Status),
        CsvExport.Number(row.Previous?.Number),
        row.Previous?.Display ?? string.Empty,
        Wording.Polarity(row.Polarity),
        row.Marker.Marker.Words(),
        row.Commentary,
        row.QuartileReason,
        row.Direction.Explanation,
    ];

    private static string TargetWords(TargetStatus status) => status switch
    {
        TargetStatus.Met => "met",
        TargetStatus.NotMet => "not met",
        TargetStatus.NotAssessable => "not assessed",
        _ => string.Empty,
    };
}

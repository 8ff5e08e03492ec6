using System.Globalization;
using LeicsPerformance.Domain.Ratings;
using Microsoft.AspNetCore.Http;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// What the rating badges in <c>Views/Shared/_*Badge.cshtml</c> show: the same badge on dashboards, exceptions,
/// indicator pages, funding and committee reports. An explanation, where given, is shown on hover and keyboard
/// focus and is always in the page for screen readers (the .app-explain pattern, docs/frontend.md).
/// </summary>
public sealed record DirectionBadge(Direction Direction, string? Explanation = null)
{
    /// <summary>A committee report's frozen direction ("worse") with what it was compared with.</summary>
    public static DirectionBadge Of(CommitteeDirection direction, string comparedWith) =>
        new(Badges.FromCode(direction.Code, d => d.ToCode(), Domain.Ratings.Direction.NotDetermined), $"Compared with {comparedWith}: {direction.Explanation}");
}

/// <summary>A quartile position coloured by its worse end: "4th quartile", "1st/2nd quartile", "No quartile".</summary>
public sealed record QuartileBadge(int? Worst, string Label, string? Reason = null)
{
    public bool HasQuartile => Worst is not null && Label.Length > 0;
}

/// <summary>The red circle or green tick, in words too; nothing for none.</summary>
public sealed record MarkerBadge(Marker Marker, string Explanation, string PlacementClass = "");

public static class Badges
{
    /// <summary>A fresh id for an explanation: unique on the page even when one indicator is shown twice (the exception lists).</summary>
    public static string NextExplainId(HttpContext context)
    {
        var sequence = context.Items["app-explain-sequence"] is int n ? n + 1 : 1;
        context.Items["app-explain-sequence"] = sequence;
        return "explain-" + sequence.ToString(CultureInfo.InvariantCulture);
    }

    public static DirectionBadge Direction(RatedIndicator row) => new(row.Direction.Direction, row.Direction.Explanation);

    public static QuartileBadge Quartile(RatedIndicator row) => new(row.QuartileWorst, row.QuartileLabel, row.QuartileReason);

    public static QuartileBadge Quartile(CommitteeReportRow row) => new(row.QuartileWorst, row.QuartileLabel, row.QuartileReason);

    public static MarkerBadge Marker(RatedIndicator row) => new(row.Marker.Marker, row.Marker.Explanation);

    public static MarkerBadge Marker(CommitteeReportRow row) =>
        new(FromCode(row.Marker, m => m.ToCode(), Domain.Ratings.Marker.None), row.MarkerExplanation, "app-committee-marker");

    public static TargetStatus Target(CommitteeReportRow row) => FromCode(row.TargetStatus, t => t.ToCode(), TargetStatus.NoTarget);

    /// <summary>Reads back a code a committee report froze (the enum's own <c>ToCode</c>); an unknown one is <paramref name="otherwise"/>.</summary>
    public static T FromCode<T>(string code, Func<T, string> toCode, T otherwise)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (toCode(value) == code)
            {
                return value;
            }
        }

        return otherwise;
    }
}

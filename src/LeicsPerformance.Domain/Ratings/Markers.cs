namespace LeicsPerformance.Domain.Ratings;

/// <summary>"A red circle indicates a performance issue, whereas a green tick indicates exceptional performance."</summary>
public enum Marker
{
    None,
    PerformanceIssue,
    Exceptional,
}

/// <summary>
/// When the app raises a marker. The compendium's markers were officers' calls; the app proposes them by a
/// rule the council can change in configuration (section <c>Markers</c>), and shows the rule it used.
/// </summary>
public sealed record MarkerRule
{
    /// <summary>Red circle for a 4th-quartile indicator that also got worse.</summary>
    public bool IssueWhenBottomQuartileAndWorse { get; init; } = true;

    /// <summary>Red circle for an indicator that missed its target and got worse.</summary>
    public bool IssueWhenTargetMissedAndWorse { get; init; } = true;

    /// <summary>Green tick for a 1st-quartile indicator that improved.</summary>
    public bool ExceptionalWhenTopQuartileAndImproved { get; init; } = true;

    /// <summary>Green tick for an indicator that met its target and improved.</summary>
    public bool ExceptionalWhenTargetMetAndImproved { get; init; }

    public static MarkerRule Default { get; } = new();
}

public sealed record MarkerRating(Marker Marker, string Explanation);

public static class Markers
{
    public static string ToCode(this Marker marker) => marker switch
    {
        Marker.PerformanceIssue => "performanceIssue",
        Marker.Exceptional => "exceptional",
        _ => "none",
    };

    /// <summary>Reads a stored code (an officers' printed marker: exceptional, performanceIssue, none); anything else is corrupt data.</summary>
    public static Marker FromCode(string code) => StoredCode.Read<Marker>(code, ToCode);

    public static string Words(this Marker marker) => marker switch
    {
        Marker.PerformanceIssue => "Performance issue",
        Marker.Exceptional => "Exceptional performance",
        _ => string.Empty,
    };

    /// <summary>The symbol as printed in the compendium; words beside it on screen.</summary>
    public static string Symbol(this Marker marker) => marker switch
    {
        Marker.PerformanceIssue => "●",
        Marker.Exceptional => "✓",
        _ => string.Empty,
    };

    /// <summary>
    /// Reads an officers' marker as printed or typed in a return: ✓ (green tick) or ● (red circle), or the words.
    /// Blank is null (no call recorded); "none" records that officers chose no marker.
    /// </summary>
    public static bool TryParse(string? text, out Marker? marker)
    {
        marker = (text ?? string.Empty).Trim().ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal) switch
        {
            "" => null,
            "✓" or "✔" or "TICK" or "GREENTICK" or "EXCEPTIONAL" or "EXCEPTIONALPERFORMANCE" => Marker.Exceptional,
            "●" or "•" or "REDCIRCLE" or "CIRCLE" or "PERFORMANCEISSUE" or "ISSUE" => Marker.PerformanceIssue,
            "NONE" or "NOMARKER" => Marker.None,
            _ => (Marker)(-1),
        };
        if (marker is { } m && !Enum.IsDefined(m))
        {
            marker = null;
            return false;
        }

        return true;
    }

    /// <summary>Quartile is the best-known position (a range such as 1st/2nd counts by its worse end, to be safe).</summary>
    public static MarkerRating Evaluate(Direction direction, int? quartile, TargetStatus target, MarkerRule rule)
    {
        if (direction == Direction.Worse)
        {
            if (rule.IssueWhenBottomQuartileAndWorse && quartile == 4)
            {
                return new(Marker.PerformanceIssue, "Performance issue: bottom quartile and got worse.");
            }

            if (rule.IssueWhenTargetMissedAndWorse && target == TargetStatus.NotMet)
            {
                return new(Marker.PerformanceIssue, "Performance issue: target not met and got worse.");
            }
        }

        if (direction == Direction.Improved)
        {
            if (rule.ExceptionalWhenTopQuartileAndImproved && quartile == 1)
            {
                return new(Marker.Exceptional, "Exceptional: top quartile and improved.");
            }

            if (rule.ExceptionalWhenTargetMetAndImproved && target == TargetStatus.Met)
            {
                return new(Marker.Exceptional, "Exceptional: target met and improved.");
            }
        }

        return new(Marker.None, string.Empty);
    }
}

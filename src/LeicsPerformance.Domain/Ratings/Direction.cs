namespace LeicsPerformance.Domain.Ratings;

/// <summary>
/// Direction of travel: "an improvement or deterioration in performance compared to the previous result".
/// It describes performance, not the raw number: with lower-is-better, a rising figure is <see cref="Worse"/>.
/// </summary>
public enum Direction
{
    /// <summary>↑ performance improved on the previous result.</summary>
    Improved,

    /// <summary>
    /// → no real change: the values are the same at the precision they are published at, or within the
    /// tolerance set for the indicator, or officers judged the difference not meaningful
    /// ("statistically similar").
    /// </summary>
    NoRealChange,

    /// <summary>↓ performance got worse than the previous result.</summary>
    Worse,

    /// <summary>
    /// Cannot be determined: no previous value, a change to the indicator's definition, or no polarity
    /// to say which way is better. Printed as "‐".
    /// </summary>
    NotDetermined,
}

/// <summary>Why a direction came out as it did.</summary>
public enum DirectionReason
{
    Compared,
    WithinTolerance,
    NoCurrentValue,
    NoPreviousValue,
    NoPolarity,
    DefinitionChanged,
    OfficerJudgement,

    /// <summary>The significance rule: the two values' 95% confidence intervals overlap.</summary>
    NotSignificant,

    /// <summary>The significance rule: the intervals do not overlap, so the change is real.</summary>
    Significant,
}

public static class DirectionText
{
    public static string ToCode(this Direction direction) => direction switch
    {
        Direction.Improved => "improved",
        Direction.NoRealChange => "noRealChange",
        Direction.Worse => "worse",
        _ => "notDetermined",
    };

    /// <summary>Reads a stored code (an officers' printed arrow: improved, noRealChange, worse, notDetermined); anything else is corrupt data.</summary>
    public static Direction FromCode(string code) => StoredCode.Read<Direction>(code, ToCode);

    /// <summary>The direction in web addresses and style names: "improved", "no-real-change", "worse", "not-determined".</summary>
    public static string Slug(this Direction direction) => direction switch
    {
        Direction.Improved => "improved",
        Direction.NoRealChange => "no-real-change",
        Direction.Worse => "worse",
        _ => "not-determined",
    };

    public static string Arrow(this Direction direction) => direction switch
    {
        Direction.Improved => "↑",
        Direction.NoRealChange => "→",
        Direction.Worse => "↓",
        _ => "‐",
    };

    public static string Words(this Direction direction) => direction switch
    {
        Direction.Improved => "improved",
        Direction.NoRealChange => "no real change",
        Direction.Worse => "got worse",
        _ => "cannot be determined",
    };

    /// <summary>Reads arrows as printed (↑ ↓ →, N/A) and words people type in a return.</summary>
    public static bool TryParse(string? text, out Direction? direction)
    {
        var s = (text ?? string.Empty).Trim().Replace('\u2010', '-');
        direction = s.ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal) switch
        {
            "" => null,
            "↑" or "IMPROVED" or "UP" or "BETTER" => Direction.Improved,
            "↓" or "WORSE" or "GOTWORSE" or "DOWN" or "DETERIORATED" => Direction.Worse,
            "→" or "NOREALCHANGE" or "NOCHANGE" or "SAME" or "STATISTICALLYSIMILAR" => Direction.NoRealChange,
            "N/A" or "NA" or "-" or "NOTDETERMINED" or "CANNOTBEDETERMINED" => Direction.NotDetermined,
            _ => (Direction)(-1),
        };
        if (direction is { } d && !Enum.IsDefined(d))
        {
            direction = null;
            return false;
        }

        return true;
    }
}

/// <summary>A direction with its reason and a one-line explanation a scrutiny member can follow.</summary>
public sealed record DirectionRating(Direction Direction, DirectionReason Reason, string Explanation);

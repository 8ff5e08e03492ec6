namespace LeicsPerformance.Domain.Ratings;

/// <summary>Why an indicator is an exception: what a scrutiny member should look at first.</summary>
[Flags]
public enum ExceptionReasons
{
    None = 0,

    /// <summary>In the 4th quartile (a range such as 3rd/4th counts by its worse end).</summary>
    BottomQuartile = 1,

    /// <summary>The direction of travel is "got worse".</summary>
    Worse = 2,

    /// <summary>A target that could be scored against was not met.</summary>
    TargetNotMet = 4,
}

/// <summary>
/// The exception rule, once: used by the exceptions page and the committee reports alike. A position is only
/// an exception while there is a figure for the period: a row that reads "No data" is never "Bottom quartile"
/// (the quartile would be an older period's, or another source's, beside a missing figure).
/// </summary>
public static class ExceptionRule
{
    public static ExceptionReasons Reasons(bool hasFigure, int? worstQuartile, Direction direction, TargetStatus target)
    {
        var reasons = ExceptionReasons.None;
        if (hasFigure && worstQuartile == 4)
        {
            reasons |= ExceptionReasons.BottomQuartile;
        }

        if (direction == Direction.Worse)
        {
            reasons |= ExceptionReasons.Worse;
        }

        if (target == TargetStatus.NotMet)
        {
            reasons |= ExceptionReasons.TargetNotMet;
        }

        return reasons;
    }
}

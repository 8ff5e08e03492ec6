using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Domain.Ratings;

public enum TargetStatus
{
    NoTarget,
    Met,
    NotMet,

    /// <summary>There is a target, but not one a number can be scored against ("MTFS"), or no value yet.</summary>
    NotAssessable,
}

public sealed record TargetRating(TargetStatus Status, string Explanation);

public static class TargetEvaluation
{
    public static string ToCode(this TargetStatus status) => status switch
    {
        TargetStatus.Met => "met",
        TargetStatus.NotMet => "notMet",
        TargetStatus.NotAssessable => "notAssessable",
        _ => "noTarget",
    };

    public static TargetRating Evaluate(decimal? value, Target? target, Polarity polarity, ValueFormat format)
    {
        if (target is null)
        {
            return new(TargetStatus.NoTarget, "No target set.");
        }

        if (target.Kind == TargetKind.Words)
        {
            return new(TargetStatus.NotAssessable, $"The target is \"{target.Text}\", which is not a figure to measure against.");
        }

        if (value is not { } v)
        {
            return new(TargetStatus.NotAssessable, $"Target {target.Describe(format)}, but there is no value yet.");
        }

        bool met;
        string? why = null;
        switch (target.Kind)
        {
            case TargetKind.Range:
                (met, why) = RateAgainstRange(v, target.Low!.Value, target.High!.Value, polarity);
                break;
            case TargetKind.UpperBound:
                met = target.Inclusive ? v <= target.High : v < target.High;
                break;
            case TargetKind.LowerBound:
                met = target.Inclusive ? v >= target.Low : v > target.Low;
                break;
            default:
                if (polarity == Polarity.None)
                {
                    return new(TargetStatus.NotAssessable, $"Target {target.Describe(format)}, but without a polarity it is unclear whether above or below is good.");
                }

                // Compare at the published precision: 80.0% against a target of 80% is met.
                var rounded = format.RoundForDisplay(v);
                met = polarity == Polarity.HighIsGood ? rounded >= target.Low : rounded <= target.Low;
                break;
        }

        var verdict = met ? "met" : "not met";
        var reason = why is null ? string.Empty : $" ({why})";
        return new(met ? TargetStatus.Met : TargetStatus.NotMet, $"{format.Format(v)} against a target of {target.Describe(format)}: {verdict}{reason}.");
    }

    /// <summary>
    /// A range is met inside it (ends included) and on its good side: 2% road needing maintenance against a
    /// 5-6% target, lower is better, is better than the target asked for. Without a polarity only inside counts.
    /// </summary>
    private static (bool Met, string Why) RateAgainstRange(decimal v, decimal low, decimal high, Polarity polarity)
    {
        if (v >= low && v <= high)
        {
            return (true, "inside the range");
        }

        var below = v < low;
        var side = below ? "below the range" : "above the range";
        return polarity switch
        {
            Polarity.LowIsGood => (below, $"{side}, and lower is better"),
            Polarity.HighIsGood => (!below, $"{side}, and higher is better"),
            _ => (false, $"{side}, and with no polarity only inside the range counts"),
        };
    }
}

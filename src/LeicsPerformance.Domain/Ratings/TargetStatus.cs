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
        switch (target.Kind)
        {
            case TargetKind.Range:
                met = v >= target.Low && v <= target.High;
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
        return new(met ? TargetStatus.Met : TargetStatus.NotMet, $"{format.Format(v)} against a target of {target.Describe(format)}: {verdict}.");
    }
}

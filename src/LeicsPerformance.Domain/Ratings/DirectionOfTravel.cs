using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Domain.Ratings;

/// <summary>The direction-of-travel rule, as the compendium defines it, with polarity deciding which way is better.</summary>
public static class DirectionOfTravel
{
    /// <summary>
    /// Compares this period's value with the previous one.
    /// Order of checks: a value missing either side, a definition change, equal-or-within-tolerance
    /// (no real change, even without polarity), then polarity decides improved or worse.
    /// </summary>
    public static DirectionRating Compute(
        decimal? current,
        decimal? previous,
        Polarity polarity,
        NoRealChangeRule rule,
        ValueFormat format,
        bool definitionChanged = false,
        ConfidenceInterval? currentInterval = null,
        ConfidenceInterval? previousInterval = null)
    {
        if (current is not { } now)
        {
            return new(Direction.NotDetermined, DirectionReason.NoCurrentValue, "No value for this period, so the direction cannot be determined.");
        }

        if (previous is not { } before)
        {
            return new(Direction.NotDetermined, DirectionReason.NoPreviousValue, $"{format.Format(now)} with no previous value to compare: cannot be determined.");
        }

        var change = $"{format.Format(before)} → {format.Format(now)}";
        if (definitionChanged)
        {
            return new(Direction.NotDetermined, DirectionReason.DefinitionChanged, $"{change}, but the indicator's definition changed: cannot be determined.");
        }

        if (rule.Kind == NoRealChangeKind.Significance)
        {
            if (currentInterval is { } ci && previousInterval is { } pi)
            {
                return Significance(now, before, ci, pi, polarity, format);
            }

            // Without limits on both sides there is nothing to test: the strict default decides, and says why.
            var fallback = Compute(now, before, polarity, NoRealChangeRule.Default, format);
            return fallback with { Explanation = fallback.Explanation + " (No 95% confidence limits for both periods, so the default rule applies.)" };
        }

        if (IsNoRealChange(now, before, rule, format))
        {
            var why = rule.Kind == NoRealChangeKind.SameWhenRounded
                ? "the same at the published precision"
                : $"within the indicator's tolerance ({Tolerance(rule, format)})";
            return new(Direction.NoRealChange, rule.Kind == NoRealChangeKind.SameWhenRounded ? DirectionReason.Compared : DirectionReason.WithinTolerance, $"{change}, {why}: no real change.");
        }

        if (polarity == Polarity.None)
        {
            return new(Direction.NotDetermined, DirectionReason.NoPolarity, $"{change}, but neither higher nor lower is better for this indicator: cannot be determined.");
        }

        var better = polarity == Polarity.HighIsGood ? now > before : now < before;
        var direction = better ? Direction.Improved : Direction.Worse;
        return new(direction, DirectionReason.Compared, $"{change}, {polarity.Describe()}: {direction.Words()}.");
    }

    /// <summary>
    /// Officers may override the computed arrow (most often to "no real change" for a statistically similar
    /// result). The override wins; the explanation keeps what the rule said so the difference is visible.
    /// </summary>
    public static DirectionRating WithOfficerJudgement(DirectionRating computed, Direction? officerJudgement)
    {
        if (officerJudgement is not { } judged || judged == computed.Direction)
        {
            return computed;
        }

        return new(judged, DirectionReason.OfficerJudgement, $"Officers judged this {judged.Words()}; the rule alone gives: {computed.Explanation}");
    }

    /// <summary>
    /// The significance rule: overlapping 95% confidence intervals are "no real change"; intervals apart are a real
    /// change, and polarity says which way. Overlap is the conservative test (two intervals can overlap a little while
    /// the difference is still significant at 5%), so the rule errs towards "no real change", never inventing a trend.
    /// </summary>
    private static DirectionRating Significance(decimal now, decimal before, ConfidenceInterval current, ConfidenceInterval previous, Polarity polarity, ValueFormat format)
    {
        var change = $"{WithInterval(before, previous, format)} → {WithInterval(now, current, format)}";
        var method = current.Source == IntervalSource.WilsonScore || previous.Source == IntervalSource.WilsonScore
            ? " (limits from the numerator and denominator, Wilson score method)"
            : string.Empty;
        if (current.Overlaps(previous))
        {
            return new(Direction.NoRealChange, DirectionReason.NotSignificant, $"{change}: the 95% confidence intervals overlap, so this is not a significant change{method}.");
        }

        if (polarity == Polarity.None)
        {
            return new(Direction.NotDetermined, DirectionReason.NoPolarity, $"{change}: the 95% confidence intervals do not overlap{method}, but neither higher nor lower is better for this indicator: cannot be determined.");
        }

        var better = polarity == Polarity.HighIsGood ? now > before : now < before;
        var direction = better ? Direction.Improved : Direction.Worse;
        return new(direction, DirectionReason.Significant, $"{change}: the 95% confidence intervals do not overlap, so this is a significant change{method}; {polarity.Describe()}: {direction.Words()}.");
    }

    /// <summary>"62.8% (61.0–64.6)": the value with its limits at the value's precision.</summary>
    public static string WithInterval(decimal value, ConfidenceInterval interval, ValueFormat format)
    {
        var bare = format with { Unit = format.Unit == Unit.Percent || format.Unit == Unit.Currency ? Unit.Number : format.Unit };
        return $"{format.Format(value)} ({bare.Format(interval.Lower)}–{bare.Format(interval.Upper)})";
    }

    private static bool IsNoRealChange(decimal now, decimal before, NoRealChangeRule rule, ValueFormat format) => rule.Kind switch
    {
        NoRealChangeKind.AbsoluteTolerance => Math.Abs(now - before) <= rule.Tolerance,
        NoRealChangeKind.RelativeTolerance => before == 0 ? now == 0 : Math.Abs(now - before) / Math.Abs(before) * 100m <= rule.Tolerance,
        _ => format.RoundForDisplay(now) == format.RoundForDisplay(before),
    };

    private static string Tolerance(NoRealChangeRule rule, ValueFormat format) => rule.Kind == NoRealChangeKind.RelativeTolerance
        ? $"{rule.Tolerance.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}% of the previous value"
        : (format.Unit == Unit.Percent ? $"{rule.Tolerance.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} percentage points" : format.Format(rule.Tolerance));
}

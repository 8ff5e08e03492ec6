using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Web.Reporting;

/// <summary>How a stored value is read for rating and showing: its usable number, its confidence limits, its display.</summary>
public static class StoredValues
{
    /// <summary>
    /// A value's 95% confidence limits: as published, else (for a percentage) the Wilson score interval of its
    /// numerator and denominator. A rate or mean without published limits has none.
    /// </summary>
    public static ConfidenceInterval? IntervalOf(ValueFormat format, decimal? lower, decimal? upper, decimal? numerator, decimal? denominator) =>
        format.Unit == Unit.Percent
            ? ConfidenceInterval.Of(lower, upper, numerator, denominator, 100m)
            : ConfidenceInterval.Of(lower, upper, null, null, 1m);

    /// <summary>The number a rating may use: none for a state without one (awaited, not available, suppressed).</summary>
    public static decimal? UsableNumber(decimal? value, ValueStatus? status) =>
        status is { } s && s.HasNumber() ? value : null;

    /// <summary>A stored value as every page shows it, written by <see cref="Wording.Value(ValueFormat, decimal?, ValueStatus?, string?)"/>.</summary>
    public static ShownValue ShowValue(ValueFormat format, decimal? value, ValueStatus status, string note, string asPrinted, ReportingPeriod period) =>
        new(value, status, Wording.Value(format, value, status, asPrinted), note, period.Label);
}

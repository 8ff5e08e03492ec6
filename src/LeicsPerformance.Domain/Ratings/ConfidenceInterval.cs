namespace LeicsPerformance.Domain.Ratings;

/// <summary>How a value's 95% confidence limits were obtained.</summary>
public enum IntervalSource
{
    /// <summary>Published with the value (ONS, OHID and DfE releases give lower and upper limits).</summary>
    Published,

    /// <summary>Worked out from a published numerator and denominator with the Wilson score method.</summary>
    WilsonScore,
}

/// <summary>A value's 95% confidence limits, in the value's own units (48.6 for 48.6%).</summary>
public sealed record ConfidenceInterval(decimal Lower, decimal Upper, IntervalSource Source)
{
    /// <summary>z for a two-sided 95% interval.</summary>
    private const double Z = 1.959963984540054;

    /// <summary>
    /// The limits a value carries: the published ones when both are given, else the Wilson score interval of the
    /// numerator over the denominator, scaled like the value (×100 for a percentage). Null when neither is possible.
    /// </summary>
    /// <remarks>
    /// Wilson rather than the textbook p ± z·√(p(1−p)/n): it stays inside 0–100% and behaves for small counts, and
    /// it is the method OHID's Fingertips uses for proportions. It only fits a proportion (numerator a part of the
    /// denominator); for a rate or a mean the published limits are needed.
    /// </remarks>
    public static ConfidenceInterval? Of(decimal? lower, decimal? upper, decimal? numerator, decimal? denominator, decimal scale)
    {
        if (lower is { } lo && upper is { } hi)
        {
            return new(Math.Min(lo, hi), Math.Max(lo, hi), IntervalSource.Published);
        }

        if (numerator is { } n && denominator is { } d && d > 0 && n >= 0 && n <= d)
        {
            var (wl, wu) = Wilson((double)n, (double)d);
            return new((decimal)wl * scale, (decimal)wu * scale, IntervalSource.WilsonScore);
        }

        return null;
    }

    /// <summary>The Wilson score interval for a proportion of <paramref name="numerator"/> in <paramref name="denominator"/>.</summary>
    public static (double Lower, double Upper) Wilson(double numerator, double denominator)
    {
        var p = numerator / denominator;
        var z2 = Z * Z;
        var centre = p + (z2 / (2 * denominator));
        var spread = Z * Math.Sqrt((p * (1 - p) / denominator) + (z2 / (4 * denominator * denominator)));
        var divisor = 1 + (z2 / denominator);
        return (Math.Max(0, (centre - spread) / divisor), Math.Min(1, (centre + spread) / divisor));
    }

    /// <summary>Two intervals overlap when neither lies wholly above the other (touching counts as overlapping).</summary>
    public bool Overlaps(ConfidenceInterval other) => Lower <= other.Upper && other.Lower <= Upper;
}

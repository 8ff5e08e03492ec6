using System.Globalization;

namespace LeicsPerformance.Domain.Ratings;

public enum NoRealChangeKind
{
    /// <summary>No real change only when the two values are equal at the precision they are published at.</summary>
    SameWhenRounded,

    /// <summary>No real change when the values differ by no more than a fixed amount (e.g. 0.5 percentage points).</summary>
    AbsoluteTolerance,

    /// <summary>No real change when the values differ by no more than a share of the previous value (e.g. 1%).</summary>
    RelativeTolerance,

    /// <summary>
    /// No real change when both values carry 95% confidence limits (published, or following from a numerator and
    /// denominator) and the two intervals overlap. Without limits on both sides it falls back to the default.
    /// </summary>
    Significance,
}

/// <summary>
/// Each indicator's rule for "no real change". The default is the strictest: only values that print the same
/// count as unchanged; anything wider is a decision for the indicator's owner, recorded as data.
/// </summary>
public sealed record NoRealChangeRule(NoRealChangeKind Kind, decimal Tolerance)
{
    public static NoRealChangeRule Default { get; } = new(NoRealChangeKind.SameWhenRounded, 0m);

    public string Code => Kind switch
    {
        NoRealChangeKind.AbsoluteTolerance => string.Create(CultureInfo.InvariantCulture, $"absolute:{Tolerance}"),
        NoRealChangeKind.RelativeTolerance => string.Create(CultureInfo.InvariantCulture, $"relative:{Tolerance}%"),
        NoRealChangeKind.Significance => "significance",
        _ => "same-when-rounded",
    };

    public static NoRealChangeRule Significance { get; } = new(NoRealChangeKind.Significance, 0m);

    /// <summary>Reads a stored <see cref="Code"/>; a blank or unreadable one is corrupt data.</summary>
    public static NoRealChangeRule FromCode(string code) =>
        !string.IsNullOrWhiteSpace(code) && TryParse(code, out var rule)
            ? rule
            : throw StoredCode.Corrupt("no-real-change rule", code, "same-when-rounded, absolute:0.5, relative:1%, significance");

    /// <summary>Reads "same-when-rounded", "absolute:0.5", "relative:1%" or "significance".</summary>
    public static bool TryParse(string? text, out NoRealChangeRule rule)
    {
        var s = (text ?? string.Empty).Trim().ToLowerInvariant();
        rule = Default;
        if (s is "" or "same-when-rounded")
        {
            return true;
        }

        if (s == "significance")
        {
            rule = Significance;
            return true;
        }

        var parts = s.Split(':', 2);
        if (parts.Length != 2 || !decimal.TryParse(parts[1].TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var tolerance))
        {
            return false;
        }

        switch (parts[0])
        {
            case "absolute":
                rule = new NoRealChangeRule(NoRealChangeKind.AbsoluteTolerance, tolerance);
                return true;
            case "relative":
                rule = new NoRealChangeRule(NoRealChangeKind.RelativeTolerance, tolerance);
                return true;
            default:
                return false;
        }
    }
}

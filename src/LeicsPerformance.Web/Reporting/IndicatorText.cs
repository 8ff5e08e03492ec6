using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Web.Reporting;

/// <summary>The words (and badge classes) the indicator and funding pages use for catalogue fields and ratings.</summary>
public static class IndicatorText
{
    private static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");

    public static string FrequencyWords(Frequency frequency) => frequency == Frequency.Quarterly ? "Quarterly" : "Annual";

    /// <summary>"Shown to 1 decimal place, e.g. 48.6%"; with a scale, "in millions, e.g. £24.2m".</summary>
    public static string PrecisionWords(ValueFormat format)
    {
        var places = format.Decimals switch
        {
            0 => "Whole numbers",
            1 => "Shown to 1 decimal place",
            _ => $"Shown to {format.Decimals.ToString(UK)} decimal places",
        };
        var scale = format.Scale switch
        {
            Scale.Thousands => ", in thousands",
            Scale.Millions => ", in millions",
            Scale.Billions => ", in billions",
            _ => string.Empty,
        };
        var example = format.Unit switch
        {
            Unit.Percent => 48.6m,
            _ => 1234.5m * ValueFormat.Multiplier(format.Scale),
        };
        return $"{places}{scale}, for example {format.Format(example)}";
    }

    /// <summary>The indicator's no-real-change rule in words.</summary>
    public static string NoRealChangeWords(NoRealChangeRule rule, ValueFormat format) => rule.Kind switch
    {
        NoRealChangeKind.AbsoluteTolerance => format.Unit == Unit.Percent
            ? $"No real change when the values differ by no more than {rule.Tolerance.ToString("0.##", UK)} percentage points."
            : $"No real change when the values differ by no more than {format.Format(rule.Tolerance)}.",
        NoRealChangeKind.RelativeTolerance =>
            $"No real change when the values differ by no more than {rule.Tolerance.ToString("0.##", UK)}% of the previous value.",
        _ => "No real change only when the two values are the same at the precision they are published at "
             + "(anything else is improved or got worse, unless officers judge otherwise).",
    };

    /// <summary>"£" and "%" go into charts' axis numbers; other units become the axis title.</summary>
    public static string UnitLabel(ValueFormat format) => format.Unit switch
    {
        Unit.Currency => "£",
        Unit.Percent => "%",
        _ => format.UnitDescription,
    };

    /// <summary>The four directions in the order pages list them: improved, no real change, got worse, cannot be determined.</summary>
    public static IReadOnlyList<Direction> Directions { get; } = [Direction.Improved, Direction.NoRealChange, Direction.Worse, Direction.NotDetermined];

    /// <summary>The quartiles in the order pages list them: 1st (top) to 4th (bottom), then none.</summary>
    public static IReadOnlyList<int?> Quartiles { get; } = [1, 2, 3, 4, null];

    public static string DirectionClass(Direction direction) => "app-direction--" + direction.Slug();

    /// <summary>A quartile in web addresses and style names: "1" to "4", or "none".</summary>
    public static string QuartileSlug(int? quartile) => quartile is >= 1 and <= 4 ? quartile.Value.ToString(CultureInfo.InvariantCulture) : "none";

    public static string QuartileClass(int? quartile) => "app-quartile--" + QuartileSlug(quartile);

    /// <summary>Lower-cases a group name for use in a sentence and drops a leading "All ": "upper-tier authorities".</summary>
    public static string GroupNoun(string name)
    {
        var lower = name.ToLower(UK);
        return lower.StartsWith("all ", StringComparison.Ordinal) ? lower[4..] : lower;
    }
}

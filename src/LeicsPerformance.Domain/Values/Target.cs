using System.Globalization;
using System.Text.RegularExpressions;
using LeicsPerformance.Domain.Ratings;

namespace LeicsPerformance.Domain.Values;

public enum TargetKind
{
    /// <summary>A single figure: met when performance is at least as good, by the indicator's polarity.</summary>
    Number,

    /// <summary>A band such as "2-4%": met when the value is inside it, ends included.</summary>
    Range,

    /// <summary>"&lt;538.0": met when the value is below the bound (or equal, for "&lt;=").</summary>
    UpperBound,

    /// <summary>"&gt;90%": met when the value is above the bound (or equal, for "&gt;=").</summary>
    LowerBound,

    /// <summary>Words such as "MTFS", "Fair Funding" or "Year on year decrease": shown, never scored.</summary>
    Words,
}

/// <summary>A target or standard as the council writes it. Numbers are in base units, like values.</summary>
public sealed partial record Target(TargetKind Kind, decimal? Low, decimal? High, bool Inclusive, string Text, string? Note)
{
    /// <summary>Reads a target cell. Blank, "N/A" and "NA" mean no target (returns null).</summary>
    public static Target? Parse(string? text)
    {
        var original = (text ?? string.Empty).Trim();
        var s = PrintedValue.NormaliseDashes(original);
        if (s.Length == 0 || s.ToUpperInvariant() is "N/A" or "NA" or "-" or "NONE")
        {
            return null;
        }

        if (BoundPattern().Match(s) is { Success: true } bound && ReadNumber(bound.Groups["value"].Value) is { } limit)
        {
            var inclusive = bound.Groups["eq"].Success;
            return bound.Groups["op"].Value == "<"
                ? new Target(TargetKind.UpperBound, null, limit.Number, inclusive, original, limit.Note)
                : new Target(TargetKind.LowerBound, limit.Number, null, inclusive, original, limit.Note);
        }

        if (RangePattern().Match(s) is { Success: true } range
            && ReadNumber(range.Groups["low"].Value + (range.Groups["lowscale"].Success ? range.Groups["lowscale"].Value : range.Groups["scale"].Value) + range.Groups["unit"].Value) is { } low
            && ReadNumber(range.Groups["high"].Value) is { } high)
        {
            var (a, b) = low.Number <= high.Number ? (low.Number, high.Number) : (high.Number, low.Number);
            return new Target(TargetKind.Range, a, b, true, original, null);
        }

        if (ReadNumber(s) is { } single)
        {
            return new Target(TargetKind.Number, single.Number, single.Number, true, original, single.Note);
        }

        return new Target(TargetKind.Words, null, null, false, original, null);
    }

    private static (decimal Number, string? Note)? ReadNumber(string text) =>
        PrintedValue.TryParse(text, out var value, out _) && value.Number is { } number ? (number, value.Note) : null;

    [GeneratedRegex(@"^(?<op>[<>])(?<eq>=)?\s*(?<value>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex BoundPattern();

    /// <summary>"5-6%", "28%-40%", "2 to 4%", "1.0-1.5m": the unit and scale on the second number apply to the first too.</summary>
    [GeneratedRegex(@"^(?<low>£?\d[\d,]*(?:\.\d+)?)(?:\s*(?<lowscale>bn|k|m))?(?<unit>%)?\s*(?:-|to)\s*(?<high>£?\d[\d,]*(?:\.\d+)?\s*(?<scale>bn|k|m)?\s*%?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();

    public string Describe(ValueFormat format) => Kind switch
    {
        TargetKind.Number => format.Format(Low!.Value),
        TargetKind.Range => $"{format.Format(Low!.Value)} to {format.Format(High!.Value)}",
        TargetKind.UpperBound => (Inclusive ? "at most " : "below ") + format.Format(High!.Value),
        TargetKind.LowerBound => (Inclusive ? "at least " : "above ") + format.Format(Low!.Value),
        _ => Text,
    };

    /// <summary>The value a chart draws as the target line, when there is one figure to draw.</summary>
    public decimal? LineValue => Kind switch
    {
        TargetKind.Number => Low,
        TargetKind.UpperBound => High,
        TargetKind.LowerBound => Low,
        _ => null,
    };

    public override string ToString() => Text.Length > 0 ? Text : string.Create(CultureInfo.InvariantCulture, $"{Kind} {Low}-{High}");
}

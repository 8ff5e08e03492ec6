namespace LeicsPerformance.Domain.Values;

/// <summary>What a value cell says when it is not (only) a plain number.</summary>
public enum ValueStatus
{
    /// <summary>A number, as published.</summary>
    Published,

    /// <summary>A number that may still change ("provisional").</summary>
    Provisional,

    /// <summary>Expected but not yet received ("data awaited").</summary>
    Awaited,

    /// <summary>No figure exists ("N/A", "No data").</summary>
    NotAvailable,

    /// <summary>A figure exists but cannot be compared with earlier ones (definition change, new method).</summary>
    NotComparable,

    /// <summary>Withheld, usually because small numbers could identify people.</summary>
    Suppressed,
}

public static class ValueStatusText
{
    public static string ToCode(this ValueStatus status) => status switch
    {
        ValueStatus.Published => "published",
        ValueStatus.Provisional => "provisional",
        ValueStatus.Awaited => "awaited",
        ValueStatus.NotAvailable => "not available",
        ValueStatus.NotComparable => "not comparable",
        _ => "suppressed",
    };

    /// <summary>Reads a stored code; anything else is corrupt data.</summary>
    public static ValueStatus FromCode(string code) => StoredCode.Read<ValueStatus>(code, ToCode);

    public static bool TryParse(string? text, out ValueStatus status)
    {
        status = (text ?? string.Empty).Trim().ToUpperInvariant().Replace('_', ' ').Replace('-', ' ') switch
        {
            "" or "PUBLISHED" or "FINAL" => ValueStatus.Published,
            "PROVISIONAL" => ValueStatus.Provisional,
            "AWAITED" or "DATA AWAITED" => ValueStatus.Awaited,
            "NOT AVAILABLE" or "N/A" or "NA" or "NO DATA" => ValueStatus.NotAvailable,
            "NOT COMPARABLE" => ValueStatus.NotComparable,
            "SUPPRESSED" => ValueStatus.Suppressed,
            _ => (ValueStatus)(-1),
        };
        return Enum.IsDefined(status);
    }

    /// <summary>The states whose figures a comparator ranking (quartiles, funding ranks, medians) counts: published and provisional, not a figure that cannot be compared.</summary>
    public static IReadOnlyList<ValueStatus> Ranked { get; } = [ValueStatus.Published, ValueStatus.Provisional];

    /// <summary>Whether a comparator ranking counts a figure in this state (see <see cref="Ranked"/>).</summary>
    public static bool IsRanked(this ValueStatus status) => Ranked.Contains(status);

    /// <summary>Whether a value in this state carries a number that ratings may use.</summary>
    public static bool HasNumber(this ValueStatus status) => status is ValueStatus.Published or ValueStatus.Provisional or ValueStatus.NotComparable;
}

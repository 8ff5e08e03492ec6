namespace LeicsPerformance.Domain.Periods;

/// <summary>How often an indicator is reported: once a year (its periods are years) or every quarter.</summary>
public enum Frequency
{
    Annual,
    Quarterly,
}

public static class FrequencyText
{
    /// <summary>The stored and catalogue code: "annual" or "quarterly".</summary>
    public static string ToCode(this Frequency frequency) => frequency == Frequency.Quarterly ? "quarterly" : "annual";

    /// <summary>Reads the catalogue column: annual or quarterly, any case; blank is annual.</summary>
    public static bool TryParse(string? text, out Frequency frequency)
    {
        var s = (text ?? string.Empty).Trim();
        frequency = s.Equals("quarterly", StringComparison.OrdinalIgnoreCase) ? Frequency.Quarterly : Frequency.Annual;
        return s.Length == 0 || s.Equals("annual", StringComparison.OrdinalIgnoreCase) || frequency == Frequency.Quarterly;
    }

    /// <summary>Reads a stored code; anything else is corrupt data.</summary>
    public static Frequency FromCode(string code) => StoredCode.Read<Frequency>(code, ToCode);

    /// <summary>The frequency whose periods are of this kind: quarters for quarterly indicators, years for the rest.</summary>
    public static Frequency Of(PeriodKind kind) => kind == PeriodKind.FinancialQuarter ? Frequency.Quarterly : Frequency.Annual;

    public static bool Fits(this Frequency frequency, ReportingPeriod period) => Of(period.Kind) == frequency;
}

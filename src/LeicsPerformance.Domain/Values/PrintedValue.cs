using System.Globalization;
using System.Text.RegularExpressions;

namespace LeicsPerformance.Domain.Values;

/// <summary>
/// A figure as people type or print it: "£24.2bn", "48.6%", "96,580", "‐0.28" (U+2010 as minus),
/// "31.3 (2017)" (a value with its own period), "N/A", "No data". Parsing keeps what was written
/// next to the number it means, so nothing is lost on the way in.
/// </summary>
public sealed partial record PrintedValue(
    decimal? Number,
    ValueStatus Status,
    bool HasCurrencySign,
    bool HasPercentSign,
    Scale Scale,
    int Decimals,
    string? Note,
    string Original)
{
    /// <summary>
    /// The period the figure is for when its note names one that a return could also name: "31.3 (2021)" is for
    /// calendar 2021, "8.6 (2020/21)" for 2020/21, whatever column it was printed under. Null for other notes.
    /// </summary>
    public Periods.ReportingPeriod? NotePeriod =>
        Note is { } n && YearNotePattern().IsMatch(n) && Periods.ReportingPeriod.TryParse(n, out var period) ? period : null;

    /// <summary>Normalises the dashes and minus signs the papers use to plain ASCII hyphens.</summary>
    public static string NormaliseDashes(string text) =>
        text.Replace('\u2010', '-').Replace('\u2011', '-').Replace('\u2012', '-').Replace('\u2013', '-').Replace('\u2212', '-');

    /// <summary>
    /// Reads one cell. Returns false, with a plain-English reason, when the text is neither a number
    /// nor a recognised state; blank text is "not available".
    /// </summary>
    public static bool TryParse(string? text, out PrintedValue value, out string error)
    {
        var original = text ?? string.Empty;
        var s = NormaliseDashes(original).Replace('\u00a0', ' ').Trim();
        error = string.Empty;

        if (StateWords(s) is { } state)
        {
            value = new PrintedValue(null, state, false, false, Scale.None, 0, null, original);
            return true;
        }

        var m = NumberPattern().Match(s);
        if (!m.Success)
        {
            value = null!;
            error = $"'{original}' is not a number (expected something like 48.6, 48.6%, £1,234 or £24.2bn) or a state such as N/A, awaited, not comparable or suppressed";
            return false;
        }

        var digits = m.Groups["digits"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        if (m.Groups["digits"].Value.Contains(',', StringComparison.Ordinal) && !ThousandsPattern().IsMatch(m.Groups["digits"].Value))
        {
            value = null!;
            error = $"'{original}' has commas in the wrong places: use a comma only between groups of three digits, and a full stop for decimals";
            return false;
        }

        var number = decimal.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var scale = m.Groups["scale"].Value.ToUpperInvariant() switch
        {
            "K" => Scale.Thousands,
            "M" => Scale.Millions,
            "BN" => Scale.Billions,
            _ => Scale.None,
        };
        number *= ValueFormat.Multiplier(scale);
        if (m.Groups["sign"].Value == "-" || m.Groups["sign2"].Value == "-")
        {
            number = -number;
        }

        var decimals = digits.Contains('.', StringComparison.Ordinal) ? digits.Length - digits.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var note = m.Groups["note"].Success ? m.Groups["note"].Value.Trim() : null;
        var status = ValueStatus.Published;
        if (note is not null && note.Equals("provisional", StringComparison.OrdinalIgnoreCase))
        {
            status = ValueStatus.Provisional;
            note = null;
        }

        value = new PrintedValue(
            number,
            status,
            m.Groups["pound"].Success,
            m.Groups["percent"].Success,
            scale,
            decimals,
            note,
            original);
        return true;
    }

    private static ValueStatus? StateWords(string s) => s.ToUpperInvariant() switch
    {
        "" or "-" or "N/A" or "NA" or "N.A." or "NO DATA" or "NOT AVAILABLE" or "NONE" => ValueStatus.NotAvailable,
        "AWAITED" or "DATA AWAITED" or "DATA DUE" or "TBC" => ValueStatus.Awaited,
        "NOT COMPARABLE" or "N/C" or "NEW METHOD" => ValueStatus.NotComparable,
        "SUPPRESSED" or "*" or "[C]" => ValueStatus.Suppressed,
        _ => null,
    };

    /// <summary>
    /// Sign, optional £, digits with optional thousands commas and decimals, optional k/m/bn, optional %,
    /// then an optional bracketed note such as "(2017)" or "(provisional)" (a missing ")" is forgiven).
    /// </summary>
    [GeneratedRegex(@"^(?<sign>[+-])?\s*(?<pound>£)?\s*(?<sign2>[+-])?(?<digits>\d[\d,]*(?:\.\d+)?|\.\d+)\s*(?<scale>bn|k|m)?\s*(?<percent>%)?\s*(?:\((?<note>[^)]*)\)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    /// <summary>A year or financial year on its own, "2021" or "2020/21": the forms the council prints after a figure.</summary>
    [GeneratedRegex(@"^(?:19|20)\d\d(?:/\d\d)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YearNotePattern();

    [GeneratedRegex(@"^\d{1,3}(?:,\d{3})*(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsPattern();
}

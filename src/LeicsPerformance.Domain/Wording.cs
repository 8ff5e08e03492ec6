using System.Globalization;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Domain;

/// <summary>
/// How the app writes things for people: a stored value, a polarity, a direction, a target, a quartile, an ordinal,
/// a count with its noun, a UK date and a download's file name. Every page, CSV and report writes them through
/// here, so a value reads the same on the dashboard, the indicator page, the committee report and the import
/// preview. Numbers are UK-formatted; times are in UK time (GMT or BST).
/// </summary>
public static class Wording
{
    public static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    private static readonly TimeZoneInfo London = FindLondon();

    /// <summary>
    /// A stored value: the number in the indicator's format with its state where that matters
    /// ("48.6% (provisional)", "48.6% (not comparable)"), the state in words when there is no number
    /// ("Data awaited", "No data"), or "no value" when nothing is stored. A sign the source printed is kept ("+9%").
    /// </summary>
    public static string Value(ValueFormat format, decimal? number, ValueStatus? status, string? asPrinted = null)
    {
        if (status is not { } s)
        {
            return "no value";
        }

        if (number is not { } n)
        {
            return Status(s);
        }

        var written = Number(format, n, asPrinted);
        return s switch
        {
            ValueStatus.Provisional => written + " (provisional)",
            ValueStatus.NotComparable => written + " (not comparable)",
            _ => written,
        };
    }

    /// <summary>The same as <see cref="Value(ValueFormat, decimal?, ValueStatus?, string?)"/> for a stored status code ("not comparable").</summary>
    public static string Value(ValueFormat format, decimal? number, string? statusCode, string? asPrinted = null) =>
        statusCode is null ? Value(format, number, (ValueStatus?)null, asPrinted)
        : ValueStatusText.TryParse(statusCode, out var status) ? Value(format, number, status, asPrinted)
        : number is { } n ? Number(format, n, asPrinted) : statusCode;

    /// <summary>A number in the indicator's format; "+" is kept where the source printed it ("+9%": a balance, not a level).</summary>
    public static string Number(ValueFormat format, decimal number, string? asPrinted = null)
    {
        var written = format.Format(number);
        return number > 0 && asPrinted is not null && asPrinted.TrimStart().StartsWith('+') && format.Format(number) != format.Format(0)
            ? "+" + written
            : written;
    }

    /// <summary>
    /// How an analyst writes an indicator's figure in a return: its unit, scale and decimal places, and an example in
    /// the form the dashboards print ("pounds (£) in millions, 1 decimal place, written like £42.5m"). Figures are read
    /// with or without the £, % or k/m/bn the example shows.
    /// </summary>
    public static string HowToWrite(ValueFormat format)
    {
        var scale = format.Scale switch
        {
            Scale.Thousands => " in thousands",
            Scale.Millions => " in millions",
            Scale.Billions => " in billions",
            _ => string.Empty,
        };
        var places = format.Decimals == 0 ? "whole numbers" : Count(format.Decimals, "decimal place", "decimal places");
        var example = format.Format(42.5m * ValueFormat.Multiplier(format.Scale));
        return $"{format.UnitDescription}{scale}, {places}, written like {example}";
    }

    /// <summary>The state of a value in words, as the dashboards print them.</summary>
    public static string Status(ValueStatus status) => status switch
    {
        ValueStatus.Awaited => "Data awaited",
        ValueStatus.NotAvailable => "No data",
        ValueStatus.NotComparable => "Not comparable",
        ValueStatus.Suppressed => "Suppressed",
        ValueStatus.Provisional => "Provisional",
        _ => "Published",
    };

    /// <summary>The same for a stored status code; an unknown code is shown as it is.</summary>
    public static string Status(string statusCode) =>
        ValueStatusText.TryParse(statusCode, out var status) ? Status(status) : statusCode;

    /// <summary>
    /// A target as the row shows it: as reported, unless it was printed at another scale than the row's values
    /// ("1.0m" beside "980.6k"), when it is written in the indicator's format ("1,000.0k") so one row has one scale.
    /// </summary>
    public static string Target(string reported, ValueFormat format)
    {
        if (reported.Length == 0 || !PrintedValue.TryParse(reported, out var printed, out _) || printed.Number is not { } n)
        {
            return reported;
        }

        return printed.Scale != Scale.None && printed.Scale != format.Scale ? format.Format(n) : reported;
    }

    /// <summary>"Higher is better", "Lower is better", "No polarity".</summary>
    public static string Polarity(Polarity polarity) => polarity switch
    {
        Ratings.Polarity.HighIsGood => "Higher is better",
        Ratings.Polarity.LowIsGood => "Lower is better",
        _ => "No polarity",
    };

    /// <summary>"Higher is better", "Lower is better", "No polarity: neither higher nor lower is better".</summary>
    public static string PolarityInFull(Polarity polarity) =>
        polarity == Ratings.Polarity.None ? "No polarity: neither higher nor lower is better" : Polarity(polarity);

    /// <summary>"Improved", "No real change", "Got worse", "Cannot be determined".</summary>
    public static string Direction(Direction direction) => Capitalised(direction.Words());

    /// <summary>"Target met", "Target not met", "Not assessed against the target", "No target".</summary>
    public static string TargetStatus(TargetStatus status) => status switch
    {
        Ratings.TargetStatus.Met => "Target met",
        Ratings.TargetStatus.NotMet => "Target not met",
        Ratings.TargetStatus.NotAssessable => "Not assessed against the target",
        _ => "No target",
    };

    /// <summary>"4th quartile", "No quartile".</summary>
    public static string Quartile(int? quartile) => quartile is { } q ? Ordinal(q) + " quartile" : "No quartile";

    /// <summary>"1st quartile (top)", "2nd quartile", "3rd quartile", "4th quartile (bottom)", "No quartile": for lists where the reader needs to know which end is the best.</summary>
    public static string QuartileWithEnd(int? quartile) => quartile switch
    {
        1 => Quartile(quartile) + " (top)",
        4 => Quartile(quartile) + " (bottom)",
        _ => Quartile(quartile),
    };

    /// <summary>"1st/2nd quartile" from a label such as "1st/2nd"; "No quartile" for none.</summary>
    public static string Quartile(string label) => label.Length == 0 ? "No quartile" : label + " quartile";

    /// <summary>1 → "1st", 22 → "22nd", 113 → "113th".</summary>
    public static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>"1,234".</summary>
    public static string Number(int n) => n.ToString("N0", Uk);

    /// <summary>"1 problem", "3 problems", "1,204 values".</summary>
    public static string Count(int n, string singular, string plural) => Number(n) + " " + (n == 1 ? singular : plural);

    /// <summary>"3 March 2025" in UK time.</summary>
    public static string Date(DateTimeOffset time) => InUk(time).ToString("d MMMM yyyy", Uk);

    /// <summary>"3 March 2025" for a calendar date.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Uk);

    /// <summary>"3 March 2025 at 14:05" in UK time.</summary>
    public static string DateAndTime(DateTimeOffset time) => InUk(time).ToString("d MMMM yyyy 'at' HH:mm", Uk);

    /// <summary>An ISO 8601 UTC timestamp for a <c>&lt;time datetime&gt;</c> attribute or a CSV cell.</summary>
    public static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A piece of a download's file name: lower case, letters and digits, single hyphens between
    /// ("Q1 2021/22" → "q1-2021-22"); "file" when nothing is left.
    /// </summary>
    public static string FileName(string text)
    {
        var safe = new string(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (safe.Contains("--", StringComparison.Ordinal))
        {
            safe = safe.Replace("--", "-", StringComparison.Ordinal);
        }

        return safe.Length == 0 ? "file" : safe;
    }

    private static string Capitalised(string words) => words.Length == 0 ? words : char.ToUpper(words[0], Uk) + words[1..];

    private static DateTimeOffset InUk(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, London);

    private static TimeZoneInfo FindLondon()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}

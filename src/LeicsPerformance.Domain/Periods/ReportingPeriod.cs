using System.Globalization;
using System.Text.RegularExpressions;

namespace LeicsPerformance.Domain.Periods;

/// <summary>
/// A period a value belongs to. Every period has a stable <see cref="Code"/> (used in files and URLs),
/// the council's own wording as its <see cref="Label"/>, and start/end dates so that periods of
/// different kinds sort together by when they end.
/// </summary>
/// <remarks>
/// Codes: <c>FY2017</c> = financial year 2017/18; <c>FY2021Q1</c> = Quarter One 2021-22 (April–June 2021);
/// <c>CY2017</c> = calendar year 2017; <c>AY2017</c> = academic year 2017/18; <c>D2018-03-31</c> = as at a date.
/// The year in a code is always the year the period starts in. Web addresses use the readable <see cref="UrlForm"/>
/// instead (<c>2021-22-q1</c>); <see cref="TryParse"/> reads both, and every wording below.
/// </remarks>
public sealed partial record ReportingPeriod : IComparable<ReportingPeriod>
{
    private static readonly string[] QuarterWords = ["One", "Two", "Three", "Four"];
    private static readonly string[] QuarterMonths = ["April – June", "July – September", "October – December", "January – March"];

    private ReportingPeriod(PeriodKind kind, int year, int quarter, DateOnly start, DateOnly end)
    {
        Kind = kind;
        Year = year;
        Quarter = quarter;
        Start = start;
        End = end;
    }

    /// <summary>
    /// The earliest and latest years a period may start in. Far wider than the council's data needs, and well inside
    /// what dates can hold, so that the period before or after any period read is still a period (FY0001 and FY9999
    /// once crashed pages that asked for the year before or the year after).
    /// </summary>
    public const int MinYear = 1900;

    public const int MaxYear = 2100;

    public static bool YearInRange(int year) => year is >= MinYear and <= MaxYear;

    public PeriodKind Kind { get; }

    /// <summary>The year the period starts in (for a point date, the date's year).</summary>
    public int Year { get; }

    /// <summary>1–4 for a financial quarter, otherwise 0.</summary>
    public int Quarter { get; }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public string Code => Kind switch
    {
        PeriodKind.FinancialYear => string.Create(CultureInfo.InvariantCulture, $"FY{Year}"),
        PeriodKind.FinancialQuarter => string.Create(CultureInfo.InvariantCulture, $"FY{Year}Q{Quarter}"),
        PeriodKind.CalendarYear => string.Create(CultureInfo.InvariantCulture, $"CY{Year}"),
        PeriodKind.AcademicYear => string.Create(CultureInfo.InvariantCulture, $"AY{Year}"),
        _ => "D" + Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The one form of the period in web addresses, readable and needing no escaping: <c>2021-22</c> (financial year),
    /// <c>2021-22-q1</c> (a quarter of it), <c>2021</c> (calendar year), <c>2021-22-academic</c> (academic year),
    /// <c>2018-03-31</c> (as at a date). <see cref="TryParse"/> reads it back.
    /// </summary>
    public string UrlForm => Kind switch
    {
        PeriodKind.FinancialYear => YearSpan(Year, "-"),
        PeriodKind.FinancialQuarter => string.Create(CultureInfo.InvariantCulture, $"{YearSpan(Year, "-")}-q{Quarter}"),
        PeriodKind.CalendarYear => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.AcademicYear => YearSpan(Year, "-") + "-academic",
        _ => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The short form used in tables: 2017/18, Q1 2021/22, 2017, 2017/18 (academic), 31 Mar 2018.</summary>
    public string Label => Kind switch
    {
        PeriodKind.FinancialYear => YearSpan(Year, "/"),
        PeriodKind.FinancialQuarter => string.Create(CultureInfo.InvariantCulture, $"Q{Quarter} {YearSpan(Year, "/")}"),
        PeriodKind.CalendarYear => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.AcademicYear => YearSpan(Year, "/") + " (academic)",
        _ => Start.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
    };

    /// <summary>The council's long wording, e.g. "Quarter One 2021-22 (April – June)".</summary>
    public string LongLabel => Kind switch
    {
        PeriodKind.FinancialYear => "Financial year " + YearSpan(Year, "/"),
        PeriodKind.FinancialQuarter => $"Quarter {QuarterWords[Quarter - 1]} {YearSpan(Year, "-")} ({QuarterMonths[Quarter - 1]})",
        PeriodKind.CalendarYear => "Calendar year " + Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.AcademicYear => "Academic year " + YearSpan(Year, "/"),
        _ => "As at " + Start.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
    };

    public static ReportingPeriod FinancialYear(int startYear) =>
        new(PeriodKind.FinancialYear, startYear, 0, new DateOnly(startYear, 4, 1), new DateOnly(startYear + 1, 3, 31));

    public static ReportingPeriod FinancialQuarter(int financialYearStart, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new DateOnly(financialYearStart, 4, 1).AddMonths(3 * (quarter - 1));
        return new(PeriodKind.FinancialQuarter, financialYearStart, quarter, start, start.AddMonths(3).AddDays(-1));
    }

    public static ReportingPeriod CalendarYear(int year) =>
        new(PeriodKind.CalendarYear, year, 0, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static ReportingPeriod AcademicYear(int startYear) =>
        new(PeriodKind.AcademicYear, startYear, 0, new DateOnly(startYear, 9, 1), new DateOnly(startYear + 1, 8, 31));

    public static ReportingPeriod PointDate(DateOnly date) => new(PeriodKind.PointDate, date.Year, 0, date, date);

    /// <summary>The period before this one of the same kind (Q1's previous is Q4 of the previous financial year).</summary>
    public ReportingPeriod Previous() => Kind switch
    {
        PeriodKind.FinancialQuarter when Quarter == 1 => FinancialQuarter(Year - 1, 4),
        PeriodKind.FinancialQuarter => FinancialQuarter(Year, Quarter - 1),
        PeriodKind.FinancialYear => FinancialYear(Year - 1),
        PeriodKind.CalendarYear => CalendarYear(Year - 1),
        PeriodKind.AcademicYear => AcademicYear(Year - 1),
        _ => PointDate(Start.AddYears(-1)),
    };

    /// <summary>The period after this one of the same kind: the one whose direction of travel compares with this (<c>Next().Previous()</c> is this).</summary>
    public ReportingPeriod Next() => Kind switch
    {
        PeriodKind.FinancialQuarter when Quarter == 4 => FinancialQuarter(Year + 1, 1),
        PeriodKind.FinancialQuarter => FinancialQuarter(Year, Quarter + 1),
        PeriodKind.FinancialYear => FinancialYear(Year + 1),
        PeriodKind.CalendarYear => CalendarYear(Year + 1),
        PeriodKind.AcademicYear => AcademicYear(Year + 1),
        _ => PointDate(Start.AddYears(1)),
    };

    /// <summary>The same period one year earlier (for a quarter: the same quarter last year).</summary>
    public ReportingPeriod SamePeriodLastYear() => Kind switch
    {
        PeriodKind.FinancialQuarter => FinancialQuarter(Year - 1, Quarter),
        _ => Kind == PeriodKind.PointDate ? PointDate(Start.AddYears(-1)) : Previous(),
    };

    /// <summary>The financial year a quarter belongs to; a financial year is its own.</summary>
    public ReportingPeriod? FinancialYearOf() => Kind switch
    {
        PeriodKind.FinancialYear => this,
        PeriodKind.FinancialQuarter => FinancialYear(Year),
        _ => null,
    };

    public int CompareTo(ReportingPeriod? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byEnd = End.CompareTo(other.End);
        return byEnd != 0 ? byEnd : other.Start.CompareTo(Start);
    }

    public override string ToString() => Label;

    /// <summary>
    /// For a period that may be left out (a query string's <c>period=</c>): blank is fine and gives null (the page's
    /// default period); otherwise the text must be a period. False only for text that is no period.
    /// </summary>
    public static bool TryParseOptional(string? text, out ReportingPeriod? period)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (TryParse(text, out var parsed))
        {
            period = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Parses a code (FY2017), the address form (2017-18, 2021-22-q1) or any of the wordings used in the council's papers.</summary>
    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = Normalise(text);

        if (CodePattern().Match(s) is { Success: true } code)
        {
            var year = int.Parse(code.Groups["year"].Value, CultureInfo.InvariantCulture);
            if (!YearInRange(year))
            {
                return false;
            }

            if (code.Groups["date"].Success)
            {
                return TryDate(code.Groups["date"].Value, out period);
            }

            period = code.Groups["kind"].Value switch
            {
                "FY" when code.Groups["q"].Success => FinancialQuarter(year, int.Parse(code.Groups["q"].Value, CultureInfo.InvariantCulture)),
                "FY" => FinancialYear(year),
                "CY" => CalendarYear(year),
                _ => AcademicYear(year),
            };
            return true;
        }

        if (QuarterPattern().Match(s) is { Success: true } q && TryYearSpan(q.Groups["span"].Value, out var fy))
        {
            var quarter = QuarterNumber(q.Groups["q"].Value);
            if (quarter > 0)
            {
                period = FinancialQuarter(fy, quarter);
                return true;
            }
        }

        if (AcademicPattern().Match(s) is { Success: true } ay && TryYearSpan(ay.Groups["span"].Value, out var academicStart))
        {
            period = AcademicYear(academicStart);
            return true;
        }

        if (FinancialPattern().Match(s) is { Success: true } f && TryYearSpan(f.Groups["span"].Value, out var financialStart))
        {
            period = FinancialYear(financialStart);
            return true;
        }

        if (CalendarPattern().Match(s) is { Success: true } c && YearInRange(int.Parse(c.Groups["year"].Value, CultureInfo.InvariantCulture)))
        {
            period = CalendarYear(int.Parse(c.Groups["year"].Value, CultureInfo.InvariantCulture));
            return true;
        }

        if (AsAtPattern().Match(s) is { Success: true } asAt)
        {
            return TryDate(asAt.Groups["date"].Value, out period);
        }

        return false;
    }

    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period the app recognises (for example 2017/18, Q1 2021/22, 2017, 31/03/2018).");

    private static bool TryDate(string text, out ReportingPeriod period)
    {
        string[] formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "d MMMM yyyy", "d MMM yyyy"];
        if (DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var date) && YearInRange(date.Year))
        {
            period = PointDate(date);
            return true;
        }

        period = null!;
        return false;
    }

    private static int QuarterNumber(string word) => word.ToUpperInvariant() switch
    {
        "1" or "ONE" or "FIRST" => 1,
        "2" or "TWO" or "SECOND" => 2,
        "3" or "THREE" or "THIRD" => 3,
        "4" or "FOUR" or "FOURTH" => 4,
        _ => 0,
    };

    /// <summary>Reads "2017/18", "2017-18", "2017/2018" as the first year, checking the second follows it.</summary>
    private static bool TryYearSpan(string span, out int startYear)
    {
        startYear = 0;
        var m = YearSpanPattern().Match(span);
        if (!m.Success)
        {
            return false;
        }

        var first = int.Parse(m.Groups["first"].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(m.Groups["second"].Value, CultureInfo.InvariantCulture);
        var expected = m.Groups["second"].Value.Length == 2 ? (first + 1) % 100 : first + 1;
        if (second != expected || !YearInRange(first))
        {
            return false;
        }

        startYear = first;
        return true;
    }

    private static string YearSpan(int startYear, string separator) =>
        string.Create(CultureInfo.InvariantCulture, $"{startYear}{separator}{(startYear + 1) % 100:00}");

    /// <summary>The papers use U+2010 and en dashes for hyphens and odd spacing; fold them.</summary>
    private static string Normalise(string text) =>
        WhitespacePattern().Replace(text.Replace('\u2010', '-').Replace('\u2011', '-').Replace('\u2013', '-').Replace('\u2014', '-'), " ").Trim();

    [GeneratedRegex(@"^(?:(?<kind>FY|CY|AY)(?<year>[0-9]{4})(?:Q(?<q>[1-4]))?|D(?<date>(?<year>[0-9]{4})-[0-9]{2}-[0-9]{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^(?:end of (?:yr|year) |financial year |fy ?)?(?<span>[0-9]{4} ?[/-] ?[0-9]{2,4})(?: financial year)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FinancialPattern();

    [GeneratedRegex(@"^(?:(?:ay|academic year) ?(?<span>[0-9]{4} ?[/-] ?[0-9]{2,4})|(?<span>[0-9]{4} ?[/-] ?[0-9]{2,4})[ -]?\(?academic(?: year)?\)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AcademicPattern();

    [GeneratedRegex(@"^(?:calendar year |cy ?)?(?<year>[0-9]{4})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CalendarPattern();

    [GeneratedRegex(@"^(?:as (?:at|of) )(?<date>.+)$|^(?<date>[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2} [a-z]{3,9} [0-9]{4})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsAtPattern();

    /// <summary>
    /// "Q1 2021/22", "Quarter One 2021-22 (April – June)", "first quarter (April to June) of 2021-22", "2021/22 Q1", and
    /// the address forms "2021-22-q1" (<see cref="UrlForm"/>) and "q1-2021-22" (once used in file names).
    /// </summary>
    [GeneratedRegex(@"^(?:(?:q|quarter) ?(?<q>[1-4]|one|two|three|four)|(?<q>first|second|third|fourth) quarter)(?: \([^)]*\))?(?: of)?[ -](?<span>[0-9]{4} ?[/-] ?[0-9]{2,4})(?: \([^)]*\))?$|^(?<span>[0-9]{4} ?[/-] ?[0-9]{2,4})[ -]?(?:q|quarter) ?(?<q>[1-4])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(?<first>[0-9]{4}) ?[/-] ?(?<second>[0-9]{2}|[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearSpanPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}

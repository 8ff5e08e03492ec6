using System.Globalization;
using System.Text.RegularExpressions;

namespace LeicsPerformance.Domain.Periods;

/// <summary>
/// Reads the period labels of published tidy datasets (ONS Explore Local Statistics and its sources) as the app's
/// periods. The label alone is ambiguous ("2017" is a calendar year in one release, "2011-2012" an April–March year
/// in another), so the dataset's mapping says which kind its periods are:
/// <list type="table">
/// <item><term>calendar-year</term><description>2004, 2004-01-01T00:00:00/P1Y → 2004</description></item>
/// <item><term>academic-year</term><description>2015-09-01T00:00:00/P1Y (or -08-01) → 2015/16 academic year</description></item>
/// <item><term>financial-year</term><description>2011-2012 → 2011/12</description></item>
/// <item><term>three-year</term><description>2011-01-01T00:00:00/P3Y → calendar 2013, noted "2011-13" (a pooled period is shown in its last year)</description></item>
/// <item><term>month</term><description>2002-04 → calendar 2002, noted "April 2002"</description></item>
/// <item><term>date</term><description>2024-09-30T00:00:00 → as at 30/09/2024</description></item>
/// </list>
/// </summary>
public static partial class DatasetPeriod
{
    public static readonly IReadOnlyList<string> Kinds = ["calendar-year", "academic-year", "financial-year", "three-year", "month", "date"];

    public static bool TryConvert(string? text, string kind, out ReportingPeriod period, out string? note)
    {
        period = null!;
        note = null;
        var s = (text ?? string.Empty).Trim();
        var span = SpanPattern().Match(s);
        var iso = IsoPattern().Match(s);
        if (!span.Success && !iso.Success)
        {
            return false;
        }

        var year = int.Parse((span.Success ? span : iso).Groups["year"].Value, CultureInfo.InvariantCulture);
        var years = iso.Groups["p"].Success ? int.Parse(iso.Groups["p"].Value, CultureInfo.InvariantCulture) : 1;
        if (span.Success)
        {
            var end = int.Parse(span.Groups["end"].Value, CultureInfo.InvariantCulture);
            if (end != year + 1 || kind != "financial-year")
            {
                return false;
            }

            period = ReportingPeriod.FinancialYear(year);
            return true;
        }

        var month = iso.Groups["month"].Success ? int.Parse(iso.Groups["month"].Value, CultureInfo.InvariantCulture) : 1;
        var day = iso.Groups["day"].Success ? int.Parse(iso.Groups["day"].Value, CultureInfo.InvariantCulture) : 1;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        switch (kind)
        {
            case "calendar-year" when years == 1:
                period = ReportingPeriod.CalendarYear(year);
                // A survey year that starts later than January (Active Lives runs from mid-November) says so.
                note = month == 1 ? null : "12 months from " + new DateOnly(year, month, 1).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
                return true;
            case "academic-year" when years == 1:
                period = ReportingPeriod.AcademicYear(year);
                return true;
            case "financial-year" when years == 1:
                period = ReportingPeriod.FinancialYear(year);
                return true;
            case "three-year" when years == 3:
                period = ReportingPeriod.CalendarYear(year + 2);
                note = string.Create(CultureInfo.InvariantCulture, $"{year}-{(year + 2) % 100:00}");
                return true;
            case "month" when iso.Groups["month"].Success && !iso.Groups["day"].Success:
                period = ReportingPeriod.CalendarYear(year);
                note = new DateOnly(year, month, 1).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
                return true;
            case "date" when iso.Groups["day"].Success && !iso.Groups["p"].Success:
                period = ReportingPeriod.PointDate(new DateOnly(year, month, day));
                return true;
            default:
                return false;
        }
    }

    [GeneratedRegex(@"^(?<year>\d{4})-(?<end>\d{4})$")]
    private static partial Regex SpanPattern();

    [GeneratedRegex(@"^(?<year>\d{4})(-(?<month>\d{2})(-(?<day>\d{2})(T00:00:00)?)?)?(/P(?<p>\d)Y)?$")]
    private static partial Regex IsoPattern();
}

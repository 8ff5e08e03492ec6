using System.Globalization;
using System.Text;
using LeicsPerformance.Domain.Periods;

namespace LeicsPerformance.Web.Tests.Committees;

/// <summary>
/// Makes <c>data/returns/illustrative/quarterly-2020-21-to-2021-22.csv</c>: made-up quarterly figures for the
/// illustrative Q-coded indicators, Q1 2020/21 to Q2 2021/22, so that a new user sees a committee report on first
/// run. The council's papers give annual figures only. The trajectories are chosen by hand to exercise the report:
/// a bottom-quartile indicator getting worse against a missed target, seasonal measures where the same quarter last
/// year is the fair comparison, an indicator with no polarity, and the 2020/21 lockdown dip in library loans.
/// Deterministic: the same code always writes the same bytes, and <see cref="IllustrativeDataTests"/> checks the
/// committed file is exactly this output. Regenerate with
/// <c>LEICS_WRITE_ILLUSTRATIVE=1 dotnet test … --filter IllustrativeDataTests</c>.
/// </summary>
public static class IllustrativeQuarterlyData
{
    public const string RelativePath = "data/returns/illustrative/quarterly-2020-21-to-2021-22.csv";

    /// <summary>Q1 2020/21 … Q2 2021/22.</summary>
    public static IReadOnlyList<ReportingPeriod> Quarters { get; } =
    [
        ReportingPeriod.FinancialQuarter(2020, 1),
        ReportingPeriod.FinancialQuarter(2020, 2),
        ReportingPeriod.FinancialQuarter(2020, 3),
        ReportingPeriod.FinancialQuarter(2020, 4),
        ReportingPeriod.FinancialQuarter(2021, 1),
        ReportingPeriod.FinancialQuarter(2021, 2),
    ];

    private sealed record Series(string Code, int Decimals, decimal[] Values, string Target, string Quartile, string Group, string Commentary);

    private static readonly Series[] All =
    [
        new("QAC01", 1, [538.0m, 541.5m, 549.0m, 556.5m, 571.0m, 579.5m], "560", "4th", "social-services-authorities",
            "Illustrative commentary: admissions have risen for four quarters; officers are reviewing recent placements, including more complex discharges from hospital."),
        new("QAC02", 1, [83.5m, 85.5m, 84.0m, 82.5m, 81.5m, 83.0m], "85%", "2nd", "social-services-authorities",
            "Illustrative commentary: fewer people completed reablement without further support while hospital discharges were high."),
        new("QAC03", 1, [40.1m, 40.6m, 41.0m, 41.2m, 41.9m, 42.3m], "", "", "",
            "Illustrative commentary: take-up of direct payments continues to grow slowly."),
        new("QAC04", 0, [45210m, 151800m, 198400m, 171300m, 262900m, 338600m], "", "", "",
            "Illustrative commentary: loans are recovering as libraries reopen; the summer reading challenge ran as e-loans."),
        new("QAC05", 0, [92400m, 86100m, 81700m, 88900m, 76300m, 73800m], "", "", "",
            "Illustrative commentary: e-loans have fallen back from the lockdown peak as people return to branches."),
        new("QCF01", 1, [86.0m, 83.5m, 81.0m, 84.0m, 79.5m, 82.0m], "85%", "3rd", "county-councils",
            "Illustrative commentary: a rise in referrals and staff vacancies slowed assessments this quarter."),
        new("QCF02", 1, [22.0m, 21.0m, 23.5m, 22.5m, 21.0m, 20.5m], "", "2nd", "county-councils",
            "Illustrative commentary: re-referrals continue to fall."),
        new("QCF03", 1, [49.8m, 50.6m, 51.9m, 52.4m, 53.1m, 53.0m], "", "", "",
            "Illustrative commentary: a context measure; numbers in care have risen steadily."),
        new("QCF04", 0, [1450m, 1620m, 1580m, 1510m, 1700m, 1660m], "", "", "",
            "Illustrative commentary: demand for early help remains high."),
        new("QEC01", 1, [48.0m, 50.5m, 42.0m, 40.5m, 49.0m, 50.0m], "50%", "2nd", "county-councils",
            "Illustrative commentary: recycling is seasonal (garden waste); compare with the same quarter last year."),
        new("QEC02", 0, [2100m, 2050m, 2900m, 3100m, 2000m, 1950m], "", "", "",
            "Illustrative commentary: emissions are seasonal (heating); compare with the same quarter last year."),
        new("QHE01", 1, [0.3m, 0.9m, 1.2m, 1.4m, 1.8m, 2.0m], "2.0%", "", "",
            "Illustrative commentary: health checks are being restored after the pause during the pandemic."),
        new("QHE02", 1, [58.0m, 61.0m, 57.5m, 60.0m, 55.0m, 59.0m], "55%", "", "",
            "Illustrative commentary: quit rates vary from quarter to quarter with small numbers."),
        new("QHT01", 1, [92.0m, 90.5m, 86.0m, 84.5m, 88.0m, 91.0m], "90%", "3rd", "county-councils",
            "Illustrative commentary: winter weather increased the number of defects; repair times are recovering."),
        new("QHT02", 0, [48m, 71m, 62m, 55m, 68m, 80m], "", "", "",
            "Illustrative commentary: casualties have returned towards pre-pandemic levels as traffic has increased."),
        new("QSC01", 1, [78.0m, 81.5m, 83.0m, 80.0m, 76.5m, 79.0m], "85%", "", "",
            "Illustrative commentary: complex complaints took longer to answer."),
        new("QSC02", 2, [8.10m, 7.85m, 7.60m, 7.45m, 7.70m, 8.05m], "7.5", "", "",
            "Illustrative commentary: sickness absence is rising again."),
    ];

    /// <summary>The file's text: UTF-8, LF line endings, RFC 4180 quoting.</summary>
    public static string Csv()
    {
        var sb = new StringBuilder();
        sb.Append("indicator_code,period,area_code,value,target,quartile,comparator_group,commentary\n");
        foreach (var series in All)
        {
            for (var i = 0; i < Quarters.Count; i++)
            {
                var value = Math.Round(series.Values[i], series.Decimals, MidpointRounding.AwayFromZero)
                    .ToString("F" + series.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                // Commentary for the two latest quarters only, as a service would write it for the current report.
                var commentary = i >= Quarters.Count - 2 ? series.Commentary : string.Empty;
                string[] cells = [series.Code, Quarters[i].Label, "leicestershire", value, series.Target, series.Quartile, series.Group, commentary];
                sb.Append(string.Join(',', cells.Select(Quote))).Append('\n');
            }
        }

        return sb.ToString();
    }

    public static IReadOnlyList<string> Codes => All.Select(s => s.Code).ToList();

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}

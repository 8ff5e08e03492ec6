using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Web.Reporting;

/// <summary>What the catalogue says about one indicator, ready to show.</summary>
public sealed record IndicatorDetails(
    int Id,
    string Code,
    string Title,
    string Definition,
    string DashboardSlug,
    string DashboardTitle,
    string ThemeTitle,
    string Section,
    Polarity Polarity,
    ValueFormat Format,
    string Source,
    string? ComparatorGroupCode,
    string? ComparatorGroupName,
    Frequency Frequency,
    bool StrategicPlan,
    bool Internal,
    string GeographyNote,
    NoRealChangeRule NoRealChangeRule,
    string Notes,
    string HomeAreaCode,
    string HomeAreaName,
    IndicatorSource Origin);

/// <summary>
/// The published dataset an indicator's figures come from, as the catalogue records it. Blank parts are not named in the
/// council's papers: pages say so rather than guess.
/// </summary>
public sealed record IndicatorSource(string Dataset, string Publisher, string Release)
{
    public bool IsKnown => Dataset.Length > 0 || Publisher.Length > 0;

    /// <summary>"Adult Social Care Outcomes Framework, published by NHS Digital (2017/18)", or an honest "not named".</summary>
    public string Words
    {
        get
        {
            if (!IsKnown)
            {
                return "Not named in the council's papers for this indicator. The compendium says its comparative data comes from LG Inform, the Public Health and Adult Social Care Outcomes Frameworks, Ofsted and Department for Education data, the national highways survey, statutory returns and CIPFA.";
            }

            var text = Dataset.Length > 0 ? Dataset : "Data";
            if (Publisher.Length > 0)
            {
                text += $", published by {Publisher}";
            }

            return Release.Length > 0 ? $"{text} ({Release})" : text;
        }
    }
}

/// <summary>One period of the home area's trend: the value as shown and the target reported for that period.</summary>
public sealed record TrendRow(
    string PeriodCode,
    string PeriodLabel,
    decimal? Value,
    ValueStatus Status,
    string Display,
    string Note,
    string TargetText,
    decimal? TargetLine,
    string TargetDisplay,
    decimal? England = null,
    string EnglandDisplay = "",
    decimal? Median = null,
    string MedianDisplay = "",
    int MedianOf = 0,
    string? PrintedAs = null,
    int DefinitionsBack = 0);

/// <summary>
/// The trend chart's data island, in the shape charts.js reads (docs/frontend.md). SeriesLabel names the line in the
/// legend; Comparisons are further lines over the same periods (England, the comparator median); BeginAtZero starts
/// the value axis at zero (counts, percentages and rates).
/// </summary>
public sealed record TrendChartData(
    string Title,
    string UnitLabel,
    IReadOnlyList<TrendChartPoint> Points,
    decimal? Target,
    string? TargetLabel,
    string? SeriesLabel = null,
    IReadOnlyList<TrendChartSeries>? Comparisons = null,
    bool BeginAtZero = false);

/// <summary>A comparison line on the trend chart: one value (or null) per point of the main series.</summary>
public sealed record TrendChartSeries(string Label, IReadOnlyList<TrendChartPoint> Points);

public sealed record TrendChartPoint(string Period, decimal? Value, string Display);

/// <summary>
/// The home area's trend with England and the comparator group's median beside it. <see cref="MedianGroupName"/>
/// names the group (null when no comparator values are held); <see cref="AxisNote"/> says why the chart's value axis
/// does not start at zero, when it does not.
/// </summary>
public sealed record IndicatorTrend(
    IReadOnlyList<TrendRow> Rows,
    string Summary,
    TrendChartData Chart,
    bool HasEngland = false,
    string? MedianGroupName = null,
    string? AxisNote = null);

/// <summary>A comparator group offered for a benchmark: how many members it has and how many hold a value.</summary>
public sealed record GroupOption(string Code, string Name, int Year, string Source, int Members, int WithValues)
{
    /// <summary>
    /// The group asked for, else the first on offer. An unknown group is refused when <paramref name="strict"/>
    /// (CSV downloads answer 404), otherwise replaced by the default and named in <c>NotShown</c> so the page can say so.
    /// </summary>
    public static (bool Refused, GroupOption? Group, string? NotShown) Choose(IReadOnlyList<GroupOption> groups, string? requestedCode, bool strict)
    {
        var requested = string.IsNullOrWhiteSpace(requestedCode) ? null : requestedCode.Trim();
        var group = requested is null ? groups.FirstOrDefault() : groups.FirstOrDefault(g => g.Code == requested);
        if (group is not null || requested is null)
        {
            return (false, group, null);
        }

        return strict ? (true, null, null) : (false, groups.FirstOrDefault(), requested);
    }
}

public sealed record BenchmarkRow(int Rank, string AreaCode, string AreaName, decimal Value, string Display, int? Quartile, bool IsHome);

/// <summary>A line between two quartiles of a comparator ranking ("1st/2nd quartile"), as drawn and tabled.</summary>
public sealed record BenchmarkBoundary(string Label, decimal Value, string Display)
{
    private static readonly string[] Labels = ["1st/2nd quartile", "2nd/3rd quartile", "3rd/4th quartile"];

    /// <summary>The three boundaries of a ranking, written in the indicator's format; none when the ranking has no quartiles.</summary>
    public static IReadOnlyList<BenchmarkBoundary> Of(IReadOnlyList<decimal> boundaries, ValueFormat format) =>
        boundaries.Count == Labels.Length
            ? boundaries.Select((b, i) => new BenchmarkBoundary(Labels[i], b, format.Format(b))).ToList()
            : [];
}

/// <summary>The benchmark chart's data island, in the shape charts.js reads (docs/frontend.md).</summary>
public sealed record BenchmarkChartData(string Title, string HighlightLabel, string UnitLabel, IReadOnlyList<BenchmarkChartBar> Bars, IReadOnlyList<decimal>? QuartileBoundaries);

/// <summary>One bar; <paramref name="Colour"/> and <paramref name="Kind"/> when bars are coloured by kind (the funding chart's authority types).</summary>
public sealed record BenchmarkChartBar(string Label, decimal Value, string Display, bool Highlight, int? Quartile, string? Colour = null, string? Kind = null);

/// <summary>
/// The ranking of one comparator group for an indicator and period. <see cref="Groups"/> lists the groups that
/// hold values for comparators (not only for the home area); when it is empty there is nothing to rank.
/// </summary>
public sealed record IndicatorBenchmark(
    string IndicatorCode,
    PeriodOption Period,
    IReadOnlyList<GroupOption> Groups,
    GroupOption? Group,
    string? RequestedGroupNotShown,
    QuartileRating? Rating,
    IReadOnlyList<BenchmarkRow> Rows,
    IReadOnlyList<BenchmarkBoundary> Boundaries,
    BenchmarkChartData? Chart,
    string Summary)
{
    public bool HasComparators => Group is not null && Rows.Count > 0;
}

/// <summary>One change to a stored value, with the load that made it.</summary>
public sealed record HistoryRow(
    string PeriodLabel,
    string AreaName,
    bool IsHome,
    string OldDisplay,
    string NewDisplay,
    string OldAsPrinted,
    string NewAsPrinted,
    DateTimeOffset ChangedAt,
    string ChangedAtDisplay,
    string LoadFileName,
    string LoadKind,
    bool LoadReverted);

public sealed record IndicatorHistory(bool AllAreas, IReadOnlyList<HistoryRow> Rows, int OtherAreaChanges);

/// <summary>Everything the indicator page shows.</summary>
public sealed record IndicatorPageView(
    IndicatorDetails Details,
    PeriodOption? Period,
    IReadOnlyList<PeriodOption> Periods,
    RatedIndicator? Rating,
    IndicatorTrend Trend,
    IndicatorBenchmark? Benchmark,
    IndicatorHistory History,
    IndicatorLine Line);

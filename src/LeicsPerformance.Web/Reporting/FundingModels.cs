using LeicsPerformance.Domain.Ratings;

namespace LeicsPerformance.Web.Reporting;

/// <summary>The home area's population used to turn a per-head difference into pounds a year.</summary>
public sealed record FundingPopulation(int Population, int Year, string Source);

/// <summary>
/// One authority in the Core Spending Power ranking: its figure per head, the difference to the home area's and
/// what the home area would have a year at that level ("Additional Funding (if LCC funded at same level)").
/// </summary>
public sealed record FundingRow(
    int Rank,
    string AreaCode,
    string AreaName,
    decimal PerHead,
    string PerHeadDisplay,
    decimal? Difference,
    string DifferenceDisplay,
    decimal? Additional,
    string AdditionalDisplay,
    int? Quartile,
    bool IsHome,
    AuthorityTypes.Kind AuthorityType);

public sealed record AuthorityOption(string Code, string Name, string Display);

/// <summary>Everything the funding page shows.</summary>
public sealed record FundingPageView(
    IndicatorDetails Indicator,
    PeriodOption Period,
    IReadOnlyList<PeriodOption> Periods,
    IReadOnlyList<GroupOption> Groups,
    GroupOption Group,
    string? RequestedGroupNotShown,
    string HomeName,
    decimal? HomePerHead,
    FundingPopulation? Population,
    QuartileRating Rating,
    string RankSentence,
    IReadOnlyList<FundingRow> Rows,
    IReadOnlyList<BenchmarkBoundary> Boundaries,
    BenchmarkChartData Chart,
    IReadOnlyList<AuthorityOption> CompareOptions,
    string? CompareCode,
    FundingComparison? Comparison,
    string? CompareNotShown,
    PeriodOption? ServicesPeriod,
    IReadOnlyList<RatedIndicator> Services);

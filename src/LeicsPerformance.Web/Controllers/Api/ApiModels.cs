namespace LeicsPerformance.Web.Controllers.Api;

public sealed record ApiDashboardListItem(string Slug, string Title, string Theme, int IndicatorCount);

/// <summary>Quartile distribution; the contract names the quartiles "1" to "4".</summary>
public sealed class ApiQuartiles
{
    [System.Text.Json.Serialization.JsonPropertyName("1")]
    public int First { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("2")]
    public int Second { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("3")]
    public int Third { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("4")]
    public int Fourth { get; init; }
}

public sealed record ApiSummary(int Total, int Improved, int NoRealChange, int Worse, int NotDetermined, ApiPercentages Percentages, ApiQuartiles Quartiles, int WithoutQuartile, string Sentence, string QuartileSentence);

public sealed record ApiPercentages(int Improved, int NoRealChange, int Worse);

public sealed record ApiValue(decimal? Value, string Status, string Display, string Period, string? Note);

public sealed record ApiDashboardRow(
    string Code,
    string Title,
    string Section,
    bool StrategicPlan,
    ApiValue? Current,
    ApiValue? Previous,
    string? Target,
    string TargetStatus,
    string TargetReason,
    string Polarity,
    string Direction,
    string DirectionReason,
    string ComputedDirection,
    string? Quartile,
    string QuartileReason,
    string Marker,
    string MarkerReason,
    string Commentary);

public sealed record ApiDashboard(string Slug, string Title, string Theme, string Period, string PeriodLabel, string ComparatorNote, ApiSummary Summary, IReadOnlyList<ApiDashboardRow> Rows);

public sealed record ApiBenchmarkEntry(string AreaCode, string AreaName, decimal Value, string Display, int Rank, int Quartile);

public sealed record ApiBenchmark(
    string Indicator,
    string Title,
    string Period,
    string Group,
    string GroupName,
    int GroupSize,
    string Area,
    int? Rank,
    int? Quartile,
    string Explanation,
    IReadOnlyList<ApiBenchmarkEntry> Members,
    string? ReportedQuartile = null,
    string? QuartileDifference = null,
    string? Attribution = null);

/// <summary>One indicator with every period held for the home area, oldest first (GET /api/indicators/{code}).</summary>
public sealed record ApiIndicator(
    string Code,
    string Title,
    string Polarity,
    string Unit,
    string Definition,
    string Source,
    string NoRealChangeRule,
    string? ComparatorGroup,
    string Area,
    IReadOnlyList<ApiSeriesPoint> Series,
    string? Attribution,
    IReadOnlyList<ApiLineageLink> Continues,
    ApiLineageLink? ContinuedBy);

/// <summary>
/// An indicator of another compendium edition that is the same measure: <c>continues</c> lists the earlier ones
/// (latest first), <c>continuedBy</c> the later one. <c>definitionChanged</c> says the measure changed in between.
/// </summary>
public sealed record ApiLineageLink(string Code, string Title, string Edition, bool DefinitionChanged, string Evidence);

/// <summary>
/// A period's value; <c>lower</c>/<c>upper</c> are its 95% confidence limits (null when not published), <c>direction</c> is
/// against the period before; <c>printedAs</c> is the indicator code the figure was printed under (an earlier edition's
/// for a measure that continues one).
/// </summary>
public sealed record ApiSeriesPoint(
    string Period,
    string PeriodLabel,
    decimal? Value,
    string Display,
    string Status,
    string? Note,
    decimal? Lower,
    decimal? Upper,
    decimal? Numerator,
    decimal? Denominator,
    string Direction,
    string DirectionExplanation,
    string PrintedAs);

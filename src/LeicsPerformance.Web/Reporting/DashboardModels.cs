using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Web.Reporting;

/// <summary>A period offered or shown: its stored code, its labels, and its one form in web addresses (links, picker values).</summary>
public sealed record PeriodOption(string Code, string Label, string LongLabel, string UrlForm)
{
    public static PeriodOption Of(LeicsPerformance.Domain.Periods.ReportingPeriod period) => new(period.Code, period.Label, period.LongLabel, period.UrlForm);
}

public sealed record DashboardListItem(string Slug, string Title, string ThemeSlug, string ThemeTitle, int IndicatorCount);

/// <summary>A value as shown: the number formatted UK-style (or the state), with its own period note.</summary>
/// <param name="Illustrative">The value came from an illustrative (made-up) sample load, and every page showing it must say so.</param>
public sealed record ShownValue(decimal? Number, ValueStatus Status, string Display, string Note, string PeriodLabel, bool Illustrative = false);

/// <summary>One indicator on a dashboard for a period, with every rating and the reason for it.</summary>
public sealed record RatedIndicator(
    string Code,
    string Title,
    string DashboardSlug,
    string DashboardTitle,
    string ThemeSlug,
    string Section,
    bool StrategicPlan,
    bool Internal,
    Polarity Polarity,
    ValueFormat Format,
    ShownValue? Current,
    ShownValue? Previous,
    string TargetText,
    TargetRating Target,
    DirectionRating ComputedDirection,
    DirectionRating Direction,
    int? Quartile,
    int? QuartileWorst,
    string QuartileLabel,
    string QuartileReason,
    MarkerRating Marker,
    string Commentary)
{
    /// <summary>Either value shown comes from an illustrative sample load.</summary>
    public bool IsIllustrative => Current?.Illustrative == true || Previous?.Illustrative == true;

    /// <summary>Why the row is an exception (the domain's one rule; the exceptions page and committee reports both read this).</summary>
    public ExceptionReasons Exceptions => ExceptionRule.Reasons(Current?.Number is not null, QuartileWorst, Direction.Direction, Target.Status);
}

/// <summary>Headline counts. Only indicators with a value held for the period count (a "No data" value counts, as
/// "cannot be determined"; an indicator with nothing loaded for the period does not), so every screen agrees.</summary>
public sealed record DashboardSummary(DirectionCounts Directions, QuartileCounts Quartiles)
{
    public static DashboardSummary Of(IEnumerable<RatedIndicator> rows)
    {
        var list = rows.Where(Counts).ToList();
        return new(DirectionCounts.Count(list.Select(r => r.Direction.Direction)), QuartileCounts.Count(list.Select(r => r.QuartileWorst)));
    }

    /// <summary>
    /// Whether an indicator counts for its period: it holds a figure or a recorded state (awaited, suppressed …).
    /// The one rule behind every count, narrative and "no figures" notice, so they cannot disagree.
    /// </summary>
    public static bool Counts(RatedIndicator row) => row.Current is not null;
}

/// <summary>
/// What a dashboard's page says about a set of rows for one period: the count tables, the narrative and how many
/// indicators hold no figure. Computed once from the same rows (<see cref="DashboardSummary.Counts"/>), so the
/// narrative, the tables and the rows listed agree for every period, before and after any load or revert.
/// </summary>
public sealed record DashboardReading(DashboardSummary Summary, string Narrative, int Counted, int WithoutFigure)
{
    public bool HasAnyFigure => Counted > 0;

    public static DashboardReading Of(IReadOnlyList<RatedIndicator> rows, string periodLabel)
    {
        var counted = rows.Where(DashboardSummary.Counts).ToList();
        var without = rows.Count - counted.Count;
        var narrative = counted.Count == 0
            ? $"No figures are held for {periodLabel}, so there is nothing to summarise."
            : NarrativeWriter.DirectionParagraph(counted)
              + (without == 0 ? string.Empty : $" {NarrativeWriter.Indicators(without)} {(without == 1 ? "holds" : "hold")} no figure for {periodLabel} and {(without == 1 ? "is" : "are")} not counted.");
        return new DashboardReading(DashboardSummary.Of(counted), narrative, counted.Count, without);
    }
}

public sealed record DashboardView(
    string Slug,
    string Title,
    string ThemeSlug,
    string ThemeTitle,
    PeriodOption Period,
    string ComparatorNote,
    DashboardSummary Summary,
    IReadOnlyList<RatedIndicator> Rows,
    IReadOnlyList<PeriodOption> AvailablePeriods);

/// <summary>A comparator group a reader may choose with <c>group=</c>.</summary>
public sealed record ComparatorChoice(string Code, string Name);

public sealed record BenchmarkView(
    string IndicatorCode,
    string IndicatorTitle,
    ValueFormat Format,
    PeriodOption Period,
    string GroupCode,
    string GroupName,
    int GroupYear,
    string HomeAreaCode,
    QuartileRating Rating);

/// <summary>
/// One period of an indicator's series for the home area, with its limits and direction against the period before;
/// <c>PrintedAs</c> is the code it was printed under (an earlier indicator the measure continues, or its own).
/// </summary>
public sealed record SeriesPoint(
    LeicsPerformance.Domain.Periods.ReportingPeriod Period,
    ShownValue Value,
    decimal? Lower,
    decimal? Upper,
    decimal? Numerator,
    decimal? Denominator,
    DirectionRating Direction,
    string PrintedAs);

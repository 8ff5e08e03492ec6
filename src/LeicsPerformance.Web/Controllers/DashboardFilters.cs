using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Web.Reporting;

namespace LeicsPerformance.Web.Controllers;

/// <summary>
/// The dashboard's filters, read from the query string. Unknown values are ignored rather than failing the page.
/// Quartile ranges such as 1st/2nd match at their worse end, the same end the counts use.
/// </summary>
public sealed record DashboardFilters(string? Section, int? Quartile, Direction? Direction, bool StrategicOnly)
{
    /// <summary>The quartile filter value for "no quartile".</summary>
    public const int NoQuartile = 0;

    /// <summary>The direction picker's options: the address form and the words.</summary>
    public static IReadOnlyList<(string Value, string Text)> DirectionOptions { get; } =
        IndicatorText.Directions.Select(d => (d.Slug(), Wording.Direction(d))).ToList();

    /// <summary>The quartile picker's options: the address form and the words.</summary>
    public static IReadOnlyList<(string Value, string Text)> QuartileOptions { get; } =
        IndicatorText.Quartiles.Select(q => (IndicatorText.QuartileSlug(q), Wording.QuartileWithEnd(q))).ToList();

    public bool Any => Section is not null || Quartile is not null || Direction is not null || StrategicOnly;

    public string? QuartileValue => Quartile switch
    {
        null => null,
        NoQuartile => IndicatorText.QuartileSlug(null),
        { } q => IndicatorText.QuartileSlug(q),
    };

    public string? DirectionValue => Direction?.Slug();

    public static DashboardFilters Parse(string? section, string? quartile, string? direction, string? strategic, IReadOnlyCollection<string> sections)
    {
        var s = sections.FirstOrDefault(x => string.Equals(x, section?.Trim(), StringComparison.Ordinal));
        int? q = (quartile ?? string.Empty).Trim().ToUpperInvariant() switch
        {
            "1" or "1ST" => 1,
            "2" or "2ND" => 2,
            "3" or "3RD" => 3,
            "4" or "4TH" => 4,
            "NONE" or "0" => NoQuartile,
            _ => null,
        };
        // The address form, with or without its hyphens, in any case: "no-real-change", "NoRealChange".
        static string Loose(string text) => text.Trim().Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Direction? d = IndicatorText.Directions.Where(x => Loose(x.Slug()) == Loose(direction ?? string.Empty)).Select(x => (Direction?)x).FirstOrDefault();
        var strategicOnly = (strategic ?? string.Empty).Trim().ToUpperInvariant() is "TRUE" or "ON" or "YES" or "1";
        return new DashboardFilters(s, q, d, strategicOnly);
    }

    public bool Matches(RatedIndicator row) =>
        (Section is null || string.Equals(row.Section, Section, StringComparison.Ordinal))
        && (Quartile is null || (Quartile == NoQuartile ? row.QuartileWorst is null : row.QuartileWorst == Quartile))
        && (Direction is null || row.Direction.Direction == Direction)
        && (!StrategicOnly || row.StrategicPlan);

    /// <summary>The active filters in words: "section Finance &amp; Value For Money", "4th quartile", "got worse", "in the Strategic Plan".</summary>
    public IReadOnlyList<string> Describe()
    {
        var parts = new List<string>();
        if (Section is not null)
        {
            parts.Add($"section “{Section}”");
        }

        if (Quartile is { } q)
        {
            parts.Add(q == NoQuartile ? "no quartile" : Wording.Quartile(q));
        }

        if (Direction is { } d)
        {
            parts.Add("direction of travel “" + d.Words() + "”");
        }

        if (StrategicOnly)
        {
            parts.Add("in the Strategic Plan");
        }

        return parts;
    }

    /// <summary>
    /// The route values of the period (its address form), the active filters and the chosen comparator group
    /// (<c>?period=2017-18&amp;direction=worse</c>), for links built with the routing helpers such as the CSV download.
    /// </summary>
    public RouteValueDictionary RouteValues(ReportingPeriod period, string? group = null)
    {
        var pairs = new RouteValueDictionary { ["period"] = period.UrlForm };
        if (group is not null)
        {
            pairs["group"] = group;
        }

        if (Section is not null)
        {
            pairs["section"] = Section;
        }

        if (QuartileValue is { } q)
        {
            pairs["quartile"] = q;
        }

        if (DirectionValue is { } d)
        {
            pairs["direction"] = d;
        }

        if (StrategicOnly)
        {
            pairs["strategic"] = "true";
        }

        return pairs;
    }
}

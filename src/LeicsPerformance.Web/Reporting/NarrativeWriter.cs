using System.Globalization;
using System.Text;
using LeicsPerformance.Domain.Ratings;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// Writes a dashboard's direction-of-travel paragraph in the council's own style ("Looking at the 15 indicators,
/// 6 showed improvement compared to the previous period, while 3 displayed a decline in performance and 4 showed
/// no change. …"), from the rows themselves, so the counts always add up to the number of indicators.
/// </summary>
public static class NarrativeWriter
{
    private static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>One indicator as the narrative needs it: its name and its direction of travel.</summary>
    public sealed record Item(string Title, Direction Direction);

    public static string DirectionParagraph(IEnumerable<RatedIndicator> rows) =>
        DirectionParagraph(rows.Select(r => new Item(r.Title, r.Direction.Direction)));

    /// <summary>
    /// The paragraph: the counts of each direction, what could not be determined, then the indicators that improved
    /// and those that got worse, by name. Empty input gives a sentence saying there is nothing to summarise.
    /// </summary>
    public static string DirectionParagraph(IEnumerable<Item> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return "There are no indicators to summarise.";
        }

        var improved = list.Where(i => i.Direction == Direction.Improved).Select(i => i.Title).ToList();
        var worse = list.Where(i => i.Direction == Direction.Worse).Select(i => i.Title).ToList();
        var same = list.Count(i => i.Direction == Direction.NoRealChange);
        var unknown = list.Count - improved.Count - worse.Count - same;

        var text = new StringBuilder();
        text.Append(UK, $"Looking at the {Indicators(list.Count)}, ");
        if (improved.Count + worse.Count + same == 0)
        {
            text.Append("the direction of travel could not be determined for ").Append(list.Count == 1 ? "it" : "any of them")
                .Append(": there was no previous value to compare with, the definition changed or there is no polarity.");
            return text.ToString();
        }

        // Improvement is always stated; a decline and no change only when there are some, so that no sentence
        // says "none showed no change". Whatever is left out is zero, so the stated numbers still add up.
        text.Append(Count(improved.Count)).Append(" showed improvement compared to the previous period");
        var others = new List<string>(2);
        if (worse.Count > 0)
        {
            others.Add(Count(worse.Count) + " displayed a decline in performance");
        }

        if (same > 0)
        {
            others.Add(Count(same) + " showed no change");
        }

        text.Append(", while ").Append(others.Count > 0 ? JoinWithAnd(others) : "none displayed a decline in performance").Append('.');

        if (unknown > 0)
        {
            text.Append(UK, $" The direction of travel could not be determined for {Indicators(unknown)}.");
        }

        if (improved.Count > 0)
        {
            text.Append(' ').Append(Listing(improved, "showing improvement"));
        }

        if (worse.Count > 0)
        {
            text.Append(' ').Append(Listing(worse, "showing a decline"));
        }

        return text.ToString();
    }

    /// <summary>"1 indicator", "2 indicators".</summary>
    public static string Indicators(int count) =>
        string.Create(UK, $"{count} {(count == 1 ? "indicator" : "indicators")}");

    /// <summary>Joins names as people write them: "A", "A and B", "A, B and C".</summary>
    public static string JoinWithAnd(IReadOnlyList<string> names) => names.Count switch
    {
        0 => string.Empty,
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    private static string Count(int count) => count == 0 ? "none" : count.ToString(UK);

    /// <summary>"The indicator showing improvement is A." / "The 2 indicators showing improvement are A and B."</summary>
    private static string Listing(IReadOnlyList<string> names, string showing) => names.Count == 1
        ? $"The indicator {showing} is {names[0]}."
        : string.Create(UK, $"The {names.Count} indicators {showing} are {JoinWithAnd(names)}.");
}

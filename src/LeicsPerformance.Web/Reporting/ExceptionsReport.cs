using LeicsPerformance.Domain.Ratings;

namespace LeicsPerformance.Web.Reporting;

/// <summary>The exception lists: which indicators a scrutiny member should look at first.</summary>
public enum ExceptionList
{
    /// <summary>In the 4th quartile (a range such as 3rd/4th counts by its worse end).</summary>
    BottomQuartile,

    /// <summary>Direction of travel: got worse.</summary>
    Worse,

    /// <summary>Both: in the bottom quartile and got worse.</summary>
    BottomQuartileAndWorse,

    /// <summary>A target that could be scored against was not met.</summary>
    TargetNotMet,
}

/// <summary>A dashboard's rows within one exception list.</summary>
public sealed record ExceptionGroup(string ThemeTitle, string DashboardSlug, string DashboardTitle, IReadOnlyList<RatedIndicator> Rows);

/// <summary>One exception list with its rows grouped by theme and dashboard, in dashboard order.</summary>
public sealed record ExceptionSection(ExceptionList List, string Slug, string Title, string Rule, IReadOnlyList<ExceptionGroup> Groups)
{
    public int Count => Groups.Sum(g => g.Rows.Count);

    public IEnumerable<RatedIndicator> Rows => Groups.SelectMany(g => g.Rows);
}

/// <summary>
/// Builds the exception lists (every indicator in the 4th quartile by theme, every one that got worse, both, and
/// every target not met) from rated rows, by the domain's <see cref="ExceptionRule"/>. Pure: the rows come from <see cref="PerformanceQueries.AllRatedAsync"/>.
/// </summary>
public static class ExceptionsReport
{
    public static IReadOnlyList<ExceptionList> All { get; } = [ExceptionList.BottomQuartile, ExceptionList.Worse, ExceptionList.BottomQuartileAndWorse, ExceptionList.TargetNotMet];

    public static string Slug(this ExceptionList list) => list switch
    {
        ExceptionList.BottomQuartile => "bottom-quartile",
        ExceptionList.Worse => "worse",
        ExceptionList.TargetNotMet => "target-not-met",
        _ => "bottom-quartile-and-worse",
    };

    public static string Title(this ExceptionList list) => list switch
    {
        ExceptionList.BottomQuartile => "Bottom quartile",
        ExceptionList.Worse => "Got worse",
        ExceptionList.TargetNotMet => "Target not met",
        _ => "Bottom quartile and got worse",
    };

    public static string Rule(this ExceptionList list) => list switch
    {
        ExceptionList.BottomQuartile => "Indicators in the 4th quartile: the bottom 25% of their comparators. A range such as 3rd/4th counts at its worse end. An indicator with no figure for the period is not listed.",
        ExceptionList.TargetNotMet => "Indicators with a target that was not met (a target in words, such as \"MTFS\", is not scored).",
        ExceptionList.Worse => "Indicators whose performance got worse compared with the previous result (the direction of travel, not the raw number).",
        _ => "Indicators that are both in the bottom quartile and got worse: the first ones to look at.",
    };

    /// <summary>
    /// Why a row is an exception, as a committee's report lists it: "Bottom quartile", "Got worse than 2016/17",
    /// "Target not met" (the committee report and the returns preview both say it this way).
    /// </summary>
    public static IReadOnlyList<string> ReasonWords(ExceptionReasons reasons, string previousLabel)
    {
        var words = new List<string>();
        if (reasons.HasFlag(ExceptionReasons.BottomQuartile))
        {
            words.Add(ExceptionList.BottomQuartile.Title());
        }

        if (reasons.HasFlag(ExceptionReasons.Worse))
        {
            words.Add("Got worse than " + previousLabel);
        }

        if (reasons.HasFlag(ExceptionReasons.TargetNotMet))
        {
            words.Add(ExceptionList.TargetNotMet.Title());
        }

        return words;
    }

    public static bool TryParse(string? slug, out ExceptionList list)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Slug(), slug?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                list = candidate;
                return true;
            }
        }

        list = default;
        return false;
    }

    public static bool Includes(this ExceptionList list, RatedIndicator row)
    {
        var reasons = row.Exceptions;
        return list switch
        {
            ExceptionList.BottomQuartile => reasons.HasFlag(ExceptionReasons.BottomQuartile),
            ExceptionList.Worse => reasons.HasFlag(ExceptionReasons.Worse),
            ExceptionList.TargetNotMet => reasons.HasFlag(ExceptionReasons.TargetNotMet),
            _ => reasons.HasFlag(ExceptionReasons.BottomQuartile | ExceptionReasons.Worse),
        };
    }

    /// <summary>
    /// One section per list. <paramref name="themeTitles"/> maps a dashboard slug to its theme's title (rows carry
    /// only the theme's slug); a dashboard missing from it falls back to the slug.
    /// </summary>
    public static IReadOnlyList<ExceptionSection> Build(IEnumerable<RatedIndicator> rows, IReadOnlyDictionary<string, string> themeTitles)
    {
        var all = rows.ToList();
        return All.Select(list => Section(list, all, themeTitles)).ToList();
    }

    public static ExceptionSection Section(ExceptionList list, IEnumerable<RatedIndicator> rows, IReadOnlyDictionary<string, string> themeTitles)
    {
        // GroupBy keeps first-seen order, and the rows arrive in theme and dashboard order.
        var groups = rows
            .Where(r => list.Includes(r))
            .GroupBy(r => r.DashboardSlug, StringComparer.Ordinal)
            .Select(g => new ExceptionGroup(
                themeTitles.TryGetValue(g.Key, out var theme) ? theme : g.First().ThemeSlug,
                g.Key,
                g.First().DashboardTitle,
                g.ToList()))
            .ToList();
        return new ExceptionSection(list, list.Slug(), list.Title(), list.Rule(), groups);
    }
}

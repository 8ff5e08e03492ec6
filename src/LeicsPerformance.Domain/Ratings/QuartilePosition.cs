using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Domain.Ratings;

/// <summary>One comparator's value for a benchmark.</summary>
public sealed record BenchmarkValue(string AreaCode, string AreaName, decimal Value);

/// <summary>A comparator's place in the ranking: rank 1 is best, whatever the polarity.</summary>
public sealed record RankedValue(string AreaCode, string AreaName, decimal Value, int Rank, int Quartile);

/// <summary>
/// The result of benchmarking one area: its rank of N, its quartile, the full ranking and the values at the
/// quartile boundaries (for charts), with a plain-English explanation.
/// </summary>
public sealed record QuartileRating(
    int? Quartile,
    int? Rank,
    int GroupSize,
    string Explanation,
    IReadOnlyList<RankedValue> Ranking,
    IReadOnlyList<decimal> Boundaries);

/// <summary>
/// "The 1st quartile is defined as performance that falls within the top 25% of relevant comparators. The 4th
/// quartile is defined as performance that falls within the bottom 25%."
/// </summary>
/// <remarks>
/// The rule, in full:
/// <list type="number">
/// <item>Comparators are ordered best first: highest first when high is good, lowest first when low is good.</item>
/// <item>Ties share the better rank (values 10, 9, 9, 8 rank 1, 2, 2, 4), so equal performance is never split across quartiles by luck of ordering.</item>
/// <item>Rank r of N is in quartile ⌈4r / N⌉: the top 25% of positions are 1st, the next 25% 2nd, and so on. Rank 7 of 27 (25.9%) is 2nd.</item>
/// <item>With fewer than <see cref="MinimumGroupSize"/> comparators, or no polarity, there is no quartile: a quarter of three councils is not a meaningful position.</item>
/// </list>
/// </remarks>
public static class QuartilePosition
{
    public const int MinimumGroupSize = 4;

    public static QuartileRating Compute(
        IReadOnlyCollection<BenchmarkValue> values,
        string areaCode,
        Polarity polarity,
        string groupName,
        ValueFormat format)
    {
        var ordered = polarity == Polarity.LowIsGood
            ? values.OrderBy(v => v.Value).ThenBy(v => v.AreaName, StringComparer.Ordinal).ToList()
            : values.OrderByDescending(v => v.Value).ThenBy(v => v.AreaName, StringComparer.Ordinal).ToList();
        var n = ordered.Count;

        var ranking = new List<RankedValue>(n);
        for (var i = 0; i < n; i++)
        {
            var rank = i > 0 && ordered[i].Value == ordered[i - 1].Value ? ranking[i - 1].Rank : i + 1;
            ranking.Add(new RankedValue(ordered[i].AreaCode, ordered[i].AreaName, ordered[i].Value, rank, QuartileOf(rank, n)));
        }

        var own = ranking.FirstOrDefault(r => r.AreaCode == areaCode);
        if (own is null)
        {
            return new(null, null, n, $"No value for this area among the {n} {groupName}: no quartile.", ranking, []);
        }

        if (polarity == Polarity.None)
        {
            return new(null, own.Rank, n, $"{format.Format(own.Value)}; neither higher nor lower is better, so there is no quartile.", ranking, []);
        }

        if (n < MinimumGroupSize)
        {
            return new(null, own.Rank, n, $"Only {n} {groupName} have a value; quartiles need at least {MinimumGroupSize}.", ranking, []);
        }

        var boundaries = Enumerable.Range(1, 3)
            .Select(q => ranking.LastOrDefault(r => r.Quartile == q)?.Value)
            .OfType<decimal>()
            .ToList();
        var explanation = $"{format.Format(own.Value)} ranks {own.Rank} of {n} {groupName} ({polarity.Describe()}): {Wording.Ordinal(own.Quartile)} quartile.";
        return new(own.Quartile, own.Rank, n, explanation, ranking, boundaries);
    }

    /// <summary>The middle value (the mean of the two middle values for an even count); null when there are none.</summary>
    public static decimal? Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Quartile of rank r among n: ⌈4r / n⌉.</summary>
    public static int QuartileOf(int rank, int n) => n == 0 ? 0 : (int)Math.Ceiling(4m * rank / n);
}

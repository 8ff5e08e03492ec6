using System.Globalization;

namespace LeicsPerformance.Domain.Ratings;

/// <summary>
/// Direction-of-travel counts as the reports print them: "out of 191 metrics, 76 improved (44%), 36 saw no
/// real change (21%), and 59 (35%) got worse. For 20 … cannot be determined". Percentages are of the metrics
/// whose direction could be determined, and are rounded so that they always add up to 100.
/// </summary>
public sealed record DirectionCounts(int Improved, int NoRealChange, int Worse, int NotDetermined)
{
    public int Total => Improved + NoRealChange + Worse + NotDetermined;

    public int Determined => Improved + NoRealChange + Worse;

    /// <summary>How many indicators have the direction.</summary>
    public int Of(Direction direction) => direction switch
    {
        Direction.Improved => Improved,
        Direction.NoRealChange => NoRealChange,
        Direction.Worse => Worse,
        _ => NotDetermined,
    };

    /// <summary>The direction's whole-number share of the determined indicators (<see cref="Percentages"/>); null for "cannot be determined" or when none is determined.</summary>
    public int? PercentOf(Direction direction)
    {
        if (Determined == 0)
        {
            return null;
        }

        var (improved, same, worse) = Percentages();
        return direction switch
        {
            Direction.Improved => improved,
            Direction.NoRealChange => same,
            Direction.Worse => worse,
            _ => null,
        };
    }

    public static DirectionCounts Count(IEnumerable<Direction> directions)
    {
        int improved = 0, same = 0, worse = 0, unknown = 0;
        foreach (var d in directions)
        {
            switch (d)
            {
                case Direction.Improved: improved++; break;
                case Direction.NoRealChange: same++; break;
                case Direction.Worse: worse++; break;
                default: unknown++; break;
            }
        }

        return new(improved, same, worse, unknown);
    }

    /// <summary>Whole-number percentages of the determined metrics, largest remainder first, summing to 100.</summary>
    public (int Improved, int NoRealChange, int Worse) Percentages()
    {
        var shares = WholePercentages([Improved, NoRealChange, Worse]);
        return (shares[0], shares[1], shares[2]);
    }

    /// <summary>The council's headline sentence, generated from the counts.</summary>
    public string Sentence(string noun = "metrics")
    {
        if (Total == 0)
        {
            return $"There are no {noun} for this period.";
        }

        var (pi, ps, pw) = Percentages();
        var text = Determined == 0
            ? $"Out of {Total} {Noun(noun, Total)}, none has a direction of travel that can be determined."
            : $"Out of {Total} {Noun(noun, Total)}, {Improved} improved ({pi}%), {NoRealChange} saw no real change ({ps}%) and {Worse} ({pw}%) got worse.";
        if (NotDetermined > 0 && Determined > 0)
        {
            text += $" For {NotDetermined} the direction of travel cannot be determined, because there is no previous data, the definition changed or there is no polarity.";
        }

        return text;
    }

    /// <summary>"1 metric", "2 metrics": the noun is given in the plural.</summary>
    internal static string Noun(string plural, int count) =>
        count == 1 && plural.EndsWith('s') ? plural[..^1] : plural;

    internal static int[] WholePercentages(int[] counts)
    {
        var total = counts.Sum();
        if (total == 0)
        {
            return new int[counts.Length];
        }

        var exact = counts.Select(c => c * 100m / total).ToArray();
        var result = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var shortfall = 100 - result.Sum();
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - result[i]).ThenBy(i => i).Take(shortfall))
        {
            result[i]++;
        }

        return result;
    }
}

/// <summary>
/// Quartile distribution: "out of 144 indicators 38 are top quartile, 54 second quartile, 25 third quartile
/// and 27 fourth quartile". A range such as 1st/2nd counts at its worse end, so the app never flatters.
/// </summary>
public sealed record QuartileCounts(int First, int Second, int Third, int Fourth, int None)
{
    public int WithQuartile => First + Second + Third + Fourth;

    /// <summary>How many indicators are in the quartile (1 to 4), or have none (null).</summary>
    public int Of(int? quartile) => quartile switch
    {
        1 => First,
        2 => Second,
        3 => Third,
        4 => Fourth,
        _ => None,
    };

    public static QuartileCounts Count(IEnumerable<int?> quartiles)
    {
        var counts = new int[5];
        foreach (var q in quartiles)
        {
            counts[q is >= 1 and <= 4 ? q.Value : 0]++;
        }

        return new(counts[1], counts[2], counts[3], counts[4], counts[0]);
    }

    public string Sentence(string noun = "indicators") => WithQuartile == 0
        ? $"None of the {noun} has a quartile position."
        : string.Create(CultureInfo.InvariantCulture, $"Out of {WithQuartile} {DirectionCounts.Noun(noun, WithQuartile)} with a quartile position, {First} are top quartile, {Second} second quartile, {Third} third quartile and {Fourth} fourth quartile.");
}

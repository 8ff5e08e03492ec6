using System.Globalization;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// "Leicestershire would be over £330m better off if we had the same income per head as Camden":
/// (the other authority's Core Spending Power per head − ours) × our population. Pure arithmetic and wording,
/// no database, so it is tested on its own.
/// </summary>
public sealed record FundingComparison(string HomeName, decimal HomePerHead, string OtherName, decimal OtherPerHead, int HomePopulation)
{
    private static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The other authority's funding per head minus ours (negative when they are funded less).</summary>
    public decimal DifferencePerHead => OtherPerHead - HomePerHead;

    /// <summary>What we would gain (or lose, if negative) a year at the other authority's level per head.</summary>
    public decimal AnnualDifference => DifferencePerHead * HomePopulation;

    /// <summary>"more", "less" or "the same".</summary>
    public string MoreOrLess => AnnualDifference switch
    {
        > 0 => "more",
        < 0 => "less",
        _ => "the same",
    };

    /// <summary>"If Leicestershire were funded like Camden it would have £330m more a year."</summary>
    public string Sentence => AnnualDifference == 0
        ? $"If {HomeName} were funded like {OtherName} it would have the same funding: both have {Pounds(HomePerHead)} per head."
        : $"If {HomeName} were funded like {OtherName} it would have {Rounded(Math.Abs(AnnualDifference))} {MoreOrLess} a year.";

    /// <summary>"(£1,160 − £677) × 683,000 = £329,889,000".</summary>
    public string Formula =>
        $"({Pounds(OtherPerHead)} \u2212 {Pounds(HomePerHead)}) \u00d7 {HomePopulation.ToString("N0", UK)} = {Pounds(AnnualDifference)}";

    /// <summary>Whole pounds with thousands separators and a true minus sign: "£677", "−£52,591,000".</summary>
    public static string Pounds(decimal amount)
    {
        var rounded = Math.Round(amount, 0, MidpointRounding.AwayFromZero);
        var digits = Math.Abs(rounded).ToString("N0", UK);
        return (rounded < 0 ? "\u2212£" : "£") + digits;
    }

    /// <summary>
    /// An amount as a sentence says it, to three significant figures or so: £330m (from £329.9m), £99.7m, £5.5m,
    /// £1.2bn; under £1m to the nearest thousand pounds (£683,000). The sign is dropped: the sentence says more or less.
    /// </summary>
    public static string Rounded(decimal amount)
    {
        var a = Math.Abs(amount);
        if (a >= 1_000_000_000m)
        {
            return "£" + Math.Round(a / 1_000_000_000m, 1, MidpointRounding.AwayFromZero).ToString("0.#", UK) + "bn";
        }

        if (a >= 99_950_000m)
        {
            return "£" + Math.Round(a / 1_000_000m, 0, MidpointRounding.AwayFromZero).ToString("N0", UK) + "m";
        }

        if (a >= 1_000_000m)
        {
            return "£" + Math.Round(a / 1_000_000m, 1, MidpointRounding.AwayFromZero).ToString("0.0", UK) + "m";
        }

        var nearest = a >= 1_000m ? Math.Round(a / 1_000m, 0, MidpointRounding.AwayFromZero) * 1_000m : Math.Round(a, 0, MidpointRounding.AwayFromZero);
        return "£" + nearest.ToString("N0", UK);
    }

    /// <summary>Signed millions to one decimal place, for table columns: "£329.9m", "−£8.2m", "£0.0m".</summary>
    public static string Millions(decimal amount)
    {
        var m = Math.Round(amount / 1_000_000m, 1, MidpointRounding.AwayFromZero);
        return (m < 0 ? "\u2212£" : "£") + Math.Abs(m).ToString("N1", UK) + "m";
    }
}

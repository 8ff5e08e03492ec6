namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// The kinds of council in a funding ranking (areas.csv's authority_type), with the words and the colour the funding
/// chart, its legend and its table use for each, as the printed compendium's Chart 1 coloured its bars by type.
/// The colours are ours, each at least 3:1 against white (WCAG non-text contrast), and never the only cue: the legend
/// and every table row say the type in words.
/// </summary>
public static class AuthorityTypes
{
    public sealed record Kind(string Code, string Name, string Colour);

    /// <summary>In the legend's order.</summary>
    public static readonly IReadOnlyList<Kind> All =
    [
        new("county", "County council", "#106165"),
        new("unitary", "Unitary authority", "#a05a00"),
        new("metropolitan district", "Metropolitan district", "#1d70b8"),
        new("london borough", "London borough", "#d53880"),
    ];

    /// <summary>Any other type in the data (a region, England) is named as stored and drawn in grey.</summary>
    private const string OtherColour = "#505a5f";

    public static Kind Of(string code)
    {
        var known = All.FirstOrDefault(k => string.Equals(k.Code, code, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known;
        }

        var words = code.Trim();
        return new Kind(code, words.Length == 0 ? "Type not recorded" : char.ToUpperInvariant(words[0]) + words[1..], OtherColour);
    }
}

using LeicsPerformance.Domain.Periods;

namespace LeicsPerformance.Domain.Areas;

/// <summary>The kinds of English upper-tier authority, from the ONS code prefix.</summary>
public enum AuthorityType
{
    /// <summary>E10: a two-tier county council.</summary>
    County,

    /// <summary>E06: a unitary authority.</summary>
    Unitary,

    /// <summary>E08: a metropolitan district.</summary>
    Metropolitan,

    /// <summary>E09: a London borough (and the City of London).</summary>
    LondonBorough,

    /// <summary>Anything else: England, a region, a combined area.</summary>
    Other,
}

/// <summary>
/// An authority as a comparator: its ONS code, type, region and the financial years it existed (from 1 April of
/// <see cref="FirstYear"/> to 31 March after <see cref="LastYear"/>; null for open-ended).
/// </summary>
public sealed record Authority(string OnsCode, string Name, AuthorityType Type, string Region, int? FirstYear, int? LastYear)
{
    public bool ExistedIn(int year) => (FirstYear is not { } first || first <= year) && (LastYear is not { } last || year <= last);

    public static AuthorityType TypeOf(string onsCode) => onsCode.Length < 3 ? AuthorityType.Other : onsCode[..3] switch
    {
        "E10" => AuthorityType.County,
        "E06" => AuthorityType.Unitary,
        "E08" => AuthorityType.Metropolitan,
        "E09" => AuthorityType.LondonBorough,
        _ => AuthorityType.Other,
    };
}

/// <summary>
/// Comparator groups by period. Boundary changes take effect on 1 April (Dorset and Bournemouth, Christchurch and
/// Poole 2019, Buckinghamshire 2020, North and West Northamptonshire 2021, Cumberland, Westmorland and Furness,
/// North Yorkshire and Somerset 2023), so a group's membership is a function of the financial year: an authority is
/// a member in the years it existed, and a county and the unitaries that replaced it never exist in the same year,
/// so never sit in the same group.
/// </summary>
public static class ComparatorGroups
{
    /// <summary>The year a period's comparators are taken from: the year it starts in (2018/19 → 2018, calendar 2019 → 2019).</summary>
    public static int YearOf(ReportingPeriod period) => period.Start.Year;

    /// <summary>Of the years a group has a membership for, the one in force for the period: the latest at or before it, else the earliest.</summary>
    public static int? VersionFor(IEnumerable<int> versionYears, ReportingPeriod period)
    {
        var years = versionYears.Order().ToList();
        if (years.Count == 0)
        {
            return null;
        }

        var year = YearOf(period);
        return years.LastOrDefault(y => y <= year, years[0]) is var chosen && chosen <= year ? chosen : years[0];
    }

    /// <summary>
    /// Members of a rule-defined group in a year. Rules: <c>county</c> (county councils), <c>upper-tier</c> (all
    /// upper-tier authorities, leaving out the City of London and the Isles of Scilly, whose tiny populations most
    /// national releases suppress or merge), <c>region:NAME</c> (upper-tier authorities in a region).
    /// </summary>
    public static IReadOnlyList<Authority> Members(string rule, int year, IEnumerable<Authority> authorities)
    {
        var existing = authorities.Where(a => a.ExistedIn(year) && a.Type != AuthorityType.Other).ToList();
        if (rule == "county")
        {
            return existing.Where(a => a.Type == AuthorityType.County).ToList();
        }

        var upperTier = existing.Where(a => !SmallAuthorities.Contains(a.OnsCode)).ToList();
        if (rule == "upper-tier")
        {
            return upperTier;
        }

        if (rule.StartsWith("region:", StringComparison.Ordinal))
        {
            var region = rule["region:".Length..];
            return upperTier.Where(a => string.Equals(a.Region, region, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        throw new ArgumentException($"'{rule}' is not a comparator group rule: use county, upper-tier or region:NAME.", nameof(rule));
    }

    /// <summary>The City of London (E09000001) and the Isles of Scilly (E06000053).</summary>
    public static readonly IReadOnlySet<string> SmallAuthorities = new HashSet<string>(StringComparer.Ordinal) { "E09000001", "E06000053" };

    /// <summary>The years in which the membership of any rule-defined group changes (the 1 April boundary changes).</summary>
    public static IReadOnlyList<int> ChangeYears(IEnumerable<Authority> authorities) =>
        authorities.SelectMany(a => new[] { a.FirstYear, a.LastYear + 1 }).OfType<int>().Distinct().Order().ToList();
}

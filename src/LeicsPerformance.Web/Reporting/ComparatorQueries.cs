using LeicsPerformance.Domain.Areas;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// Comparator groups: which a reader may choose (<c>group=</c>), each group's membership in force for a period, and an
/// indicator's ranking among a group's members (the benchmark table and chart).
/// </summary>
public sealed class ComparatorQueries(PerformanceDbContext db, HomeArea home)
{
    /// <summary>The word <c>group=region</c> may use for the home council's own region group.</summary>
    public const string RegionAlias = "region";

    /// <summary>
    /// The comparator groups a reader may choose with <c>group=</c> (the groups built from a rule, one per rule: county
    /// councils, all upper-tier authorities, the council's region, ONS similar areas), in that order.
    /// </summary>
    public async Task<IReadOnlyList<ComparatorChoice>> ComparatorChoicesAsync(CancellationToken ct = default)
    {
        var groups = await db.ComparatorGroups.AsNoTracking()
            .Where(g => g.Rule != string.Empty)
            .Select(g => new { g.Code, g.Name, g.Rule, g.Id })
            .ToListAsync(ct);
        return groups
            .GroupBy(g => g.Code, StringComparer.Ordinal)
            .Select(g => g.OrderBy(x => x.Id).First())
            .GroupBy(g => g.Rule, StringComparer.Ordinal)
            .Select(g => g.OrderBy(x => x.Id).First())
            .OrderBy(g => g.Id)
            .Select(g => new ComparatorChoice(g.Code, g.Name))
            .ToList();
    }

    /// <summary>
    /// Reads <c>group=</c>: blank means each indicator's own group (null code), <c>region</c> the home council's region
    /// group, otherwise a comparator group code held. An unknown word gives an error naming the choices.
    /// </summary>
    public async Task<(string? Code, string? Error)> ResolveGroupAsync(string? requested, CancellationToken ct = default)
    {
        var text = requested?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        if (string.Equals(text, RegionAlias, StringComparison.OrdinalIgnoreCase))
        {
            var region = await db.Areas.AsNoTracking().Where(a => a.Code == home.Code).Select(a => a.Region).FirstOrDefaultAsync(ct);
            var rule = "region:" + region;
            var code = await db.ComparatorGroups.AsNoTracking().Where(g => g.Rule == rule).Select(g => g.Code).FirstOrDefaultAsync(ct);
            if (code is not null)
            {
                return (code, null);
            }
        }
        else if (await db.ComparatorGroups.AsNoTracking().AnyAsync(g => g.Code == text, ct))
        {
            return (text, null);
        }

        var choices = await ComparatorChoicesAsync(ct);
        return (null, $"'{text}' is not a comparator group. Choose one of: {string.Join(", ", choices.Select(c => c.Code))} (or {RegionAlias} for the council's region), or leave it out for each indicator's own group.");
    }

    /// <summary>Each group's membership in force for the period: the version of the year it starts in or the latest before (else the earliest held).</summary>
    public async Task<Dictionary<string, (string Name, int Year, HashSet<int> Members)>> LatestGroupsAsync(ReportingPeriod period, CancellationToken ct = default)
    {
        var all = await db.ComparatorGroups.AsNoTracking().Include(g => g.Members).ToListAsync(ct);
        return all
            .GroupBy(g => g.Code, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var year = ComparatorGroups.VersionFor(g.Select(x => x.Year), period);
                    var chosen = g.First(x => x.Year == year);
                    return (chosen.Name, chosen.Year, chosen.Members.Select(m => m.AreaId).ToHashSet());
                },
                StringComparer.Ordinal);
    }

    /// <summary>Every member of a comparator group with a value for the indicator and period, ranked.</summary>
    public async Task<BenchmarkView?> BenchmarkAsync(string indicatorCode, ReportingPeriod period, string? groupCode, CancellationToken ct = default)
    {
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Code == indicatorCode, ct);
        if (indicator is null)
        {
            return null;
        }

        var code = string.IsNullOrWhiteSpace(groupCode) ? indicator.ComparatorGroupCode ?? "upper-tier-authorities" : groupCode;
        var groups = await LatestGroupsAsync(period, ct);
        if (!groups.TryGetValue(code, out var group))
        {
            return null;
        }

        var members = group.Members.ToArray();
        var values = await db.Values.AsNoTracking()
            .Where(v => v.IndicatorId == indicator.Id && v.Period.Code == period.Code && members.Contains(v.AreaId) && v.Value != null
                        && ValueStatusText.Ranked.Contains(v.Status))
            .Select(v => new BenchmarkValue(v.Area.Code, v.Area.Name, v.Value!.Value))
            .ToListAsync(ct);

        var format = indicator.Format();
        var rating = QuartilePosition.Compute(values, home.Code, indicator.Polarity, group.Name.ToLowerInvariant(), format);
        return new BenchmarkView(indicator.Code, indicator.Title, format, PeriodOption.Of(period), code, group.Name, group.Year, home.Code, rating);
    }
}

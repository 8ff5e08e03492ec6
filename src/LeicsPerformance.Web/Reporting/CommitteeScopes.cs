using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// The indicators a committee's report covers for a quarter: its scope, carried into the compendium edition in force
/// for the quarter's year. <see cref="Indicators"/> are indicator ids.
/// </summary>
/// <param name="EditionLabel">The edition in force ("2021/22"), or null when the catalogue has no dashboards.</param>
/// <param name="CarriedOver">Scope indicators of another edition shown as the indicator continuing them in this one.</param>
/// <param name="LeftOut">Codes of annual scope indicators of another edition that no indicator of this one continues.</param>
public sealed record CommitteeScopeInForce(int[] Indicators, string? EditionLabel, IReadOnlyList<string> CarriedOver, IReadOnlyList<string> LeftOut)
{
    /// <summary>What the report says about the edition, or empty when nothing was carried over or left out.</summary>
    public string Note
    {
        get
        {
            if (EditionLabel is null || CarriedOver.Count + LeftOut.Count == 0)
            {
                return string.Empty;
            }

            var note = $"Figures are shown as the {EditionLabel} compendium prints them.";
            if (CarriedOver.Count > 0)
            {
                note += $" {Wording.Count(CarriedOver.Count, "indicator", "indicators")} of this committee's scope {(CarriedOver.Count == 1 ? "is" : "are")} shown as the {EditionLabel} indicator continuing {(CarriedOver.Count == 1 ? "it" : "them")}.";
            }

            if (LeftOut.Count > 0)
            {
                var named = LeftOut.Count <= 10 ? string.Join(", ", LeftOut) : string.Join(", ", LeftOut.Take(10)) + $" and {LeftOut.Count - 10} more";
                note += $" {Wording.Count(LeftOut.Count, "annual indicator", "annual indicators")} of another edition with no {EditionLabel} counterpart {(LeftOut.Count == 1 ? "is" : "are")} left out ({named}).";
            }

            return note;
        }
    }
}

/// <summary>
/// Which indicators a committee scrutinises. A scope names dashboards and indicators of one compendium edition (the
/// shipped scopes name 2017/18's); a report for a quarter covers the edition in force for the quarter's financial
/// year, so each scope indicator of another edition is replaced by the indicator that continues it (or that it
/// continues) in that edition, following the reviewed lineage links. An annual indicator with no counterpart is left
/// out and named; a quarterly one stays, since quarterly indicators are not placed per edition.
/// </summary>
public sealed class CommitteeScopes(PerformanceDbContext db, ReportingCalendar calendar)
{
    /// <summary>The scope as configured: its dashboards and indicators, in the committee's order.</summary>
    public async Task<IReadOnlyList<CommitteeScopeItem>> ItemsAsync(int committeeId, CancellationToken ct)
    {
        var rows = await db.CommitteeScopes.AsNoTracking()
            .Where(s => s.CommitteeId == committeeId)
            .OrderBy(s => s.SortOrder)
            .Select(s => new
            {
                s.DashboardId,
                DashboardSlug = s.Dashboard!.Slug,
                DashboardTitle = s.Dashboard.Title,
                Count = s.Dashboard.Indicators.Count,
                IndicatorCode = s.Indicator!.Code,
                IndicatorTitle = s.Indicator.Title,
            })
            .ToListAsync(ct);
        return rows.Select(r => r.DashboardId is not null
                ? new CommitteeScopeItem(ScopeItemKind.Dashboard, r.DashboardSlug, r.DashboardTitle, r.Count)
                : new CommitteeScopeItem(ScopeItemKind.Indicator, r.IndicatorCode, r.IndicatorTitle, 1))
            .ToList();
    }

    /// <summary>Every indicator the scope names: those on its dashboards and those named one by one, in any edition.</summary>
    public async Task<int[]> IndicatorIdsAsync(int committeeId, CancellationToken ct)
    {
        var scope = db.CommitteeScopes.Where(s => s.CommitteeId == committeeId);
        return await db.Indicators.AsNoTracking()
            .Where(i => scope.Any(s => s.IndicatorId == i.Id || s.DashboardId == i.DashboardId))
            .Select(i => i.Id)
            .ToArrayAsync(ct);
    }

    /// <summary>
    /// For each indicator and period, the committees whose reports for the period's financial year include the indicator
    /// (short titles, in committee order), by the scope in force then (<see cref="InForceAsync"/>, once per edition);
    /// a pair no committee scrutinises is left out. Keyed by indicator id and period code.
    /// </summary>
    public async Task<IReadOnlyDictionary<(int IndicatorId, string PeriodCode), IReadOnlyList<string>>> CommitteesScrutinisingAsync(
        IReadOnlyCollection<(int IndicatorId, ReportingPeriod Period)> items, CancellationToken ct)
    {
        var result = new Dictionary<(int, string), IReadOnlyList<string>>();
        if (items.Count == 0)
        {
            return result;
        }

        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Title)
            .Select(c => new { c.Id, Name = c.ShortTitle.Length > 0 ? c.ShortTitle : c.Title })
            .ToListAsync(ct);

        // The scope in force depends only on the edition of the period's financial year: work each edition out once.
        var byEdition = new Dictionary<string, List<(int IndicatorId, ReportingPeriod Period)>>(StringComparer.Ordinal);
        foreach (var year in items.GroupBy(i => i.Period.Year))
        {
            var edition = await calendar.EditionInForceAsync(ReportingPeriod.FinancialYear(year.Key), ct) ?? string.Empty;
            (byEdition.TryGetValue(edition, out var list) ? list : byEdition[edition] = []).AddRange(year);
        }

        foreach (var edition in byEdition.Values)
        {
            var map = await EditionMapAsync(ReportingPeriod.FinancialYear(edition[0].Period.Year), ct);
            var names = new Dictionary<int, List<string>>();
            foreach (var committee in committees)
            {
                foreach (var id in Carry(await IndicatorIdsAsync(committee.Id, ct), map).Indicators)
                {
                    (names.TryGetValue(id, out var list) ? list : names[id] = []).Add(committee.Name);
                }
            }

            foreach (var (id, period) in edition.Where(i => names.ContainsKey(i.IndicatorId)))
            {
                result[(id, period.Code)] = names[id];
            }
        }

        return result;
    }

    /// <summary>The scope's indicators in the edition in force for the quarter's financial year.</summary>
    public async Task<CommitteeScopeInForce> InForceAsync(int committeeId, ReportingPeriod quarter, CancellationToken ct) =>
        Carry(await IndicatorIdsAsync(committeeId, ct), await EditionMapAsync(ReportingPeriod.FinancialYear(quarter.Year), ct));

    /// <summary>The edition in force for a financial year, every indicator's edition, and the lineage links both ways: read once, used for every committee.</summary>
    private sealed record EditionMap(string? Edition, IReadOnlyDictionary<int, (string Code, Frequency Frequency, string Edition)> Indicators, ILookup<int, int> Neighbours);

    private async Task<EditionMap> EditionMapAsync(ReportingPeriod year, CancellationToken ct)
    {
        var edition = await calendar.EditionInForceAsync(year, ct);
        if (edition is null)
        {
            return new EditionMap(null, new Dictionary<int, (string, Frequency, string)>(), Array.Empty<int>().ToLookup(i => i));
        }

        var indicators = (await db.Indicators.AsNoTracking()
                .Select(i => new { i.Id, i.Code, i.Frequency, Edition = i.Dashboard.EditionFirstPeriod })
                .ToListAsync(ct))
            .ToDictionary(i => i.Id, i => (i.Code, i.Frequency, i.Edition));
        var links = await db.Lineage.AsNoTracking().Select(l => new { l.IndicatorId, l.ContinuesIndicatorId }).ToListAsync(ct);
        var neighbours = links.SelectMany(l => new[] { (l.IndicatorId, l.ContinuesIndicatorId), (l.ContinuesIndicatorId, l.IndicatorId) })
            .ToLookup(pair => pair.Item1, pair => pair.Item2);
        return new EditionMap(edition, indicators, neighbours);
    }

    /// <summary>Carries the named indicators into the map's edition (the rules in the class summary).</summary>
    private static CommitteeScopeInForce Carry(int[] named, EditionMap map)
    {
        if (map.Edition is not { } edition)
        {
            return new CommitteeScopeInForce(named, null, [], []);
        }

        var indicators = map.Indicators;

        // Along the lineage, both ways, to the first indicator printed in the edition in force.
        int? Counterpart(int start)
        {
            var seen = new HashSet<int> { start };
            var next = new Queue<int>([start]);
            while (next.TryDequeue(out var id))
            {
                if (indicators[id].Edition == edition)
                {
                    return id;
                }

                foreach (var linked in map.Neighbours[id].Where(seen.Add))
                {
                    next.Enqueue(linked);
                }
            }

            return null;
        }

        var inForce = new List<int>();
        var carried = new List<string>();
        var leftOut = new List<string>();
        foreach (var id in named.OrderBy(id => indicators[id].Code, StringComparer.Ordinal))
        {
            var indicator = indicators[id];
            if (indicator.Edition == edition)
            {
                inForce.Add(id);
            }
            else if (Counterpart(id) is { } counterpart)
            {
                inForce.Add(counterpart);
                carried.Add(indicator.Code);
            }
            else if (indicator.Frequency == Frequency.Quarterly)
            {
                inForce.Add(id);
            }
            else
            {
                leftOut.Add(indicator.Code);
            }
        }

        return new CommitteeScopeInForce(inForce.Distinct().ToArray(), ReportingPeriod.Parse(edition).Label, carried, leftOut);
    }
}

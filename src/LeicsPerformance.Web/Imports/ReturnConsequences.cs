using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Reporting;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// What a returns file's preview says the council's values would change once loaded: each rated by the dashboards'
/// rating as things are now and with the whole file's values and assessments in place of the stored ones (nothing is
/// written), with the committees whose reports include the indicator, and the knock-on arrows of the periods after
/// them. Reads only.
/// </summary>
public sealed class ReturnConsequences(PerformanceDbContext db, PerformanceQueries performance, HomeArea homeArea, CommitteeScopes scopes)
{
    /// <summary>
    /// The consequences of a plan's values, worked out for the first <see cref="PreviewConsequences.Limit"/> of them in
    /// at most <see cref="PreviewConsequences.MaxPeriods"/> periods, the latest periods first (what the dashboards and
    /// committees see), each period rated twice; none for a file with errors (it cannot be loaded as it is).
    /// </summary>
    public async Task<PreviewConsequences> OfAsync(ReturnPlan plan, CancellationToken ct)
    {
        if (plan.HasErrors || plan.Changes.Count == 0)
        {
            return PreviewConsequences.None(plan.HasErrors);
        }

        var homeId = await homeArea.IdAsync(ct);
        var home = plan.Changes
            .Where(c => c.Line.AreaId == homeId && (c.Kind != ChangeKind.Unchanged || c.Line.Assessment is not null))
            .OrderBy(c => c.Line.Row)
            .ToList();
        if (home.Count == 0)
        {
            return PreviewConsequences.None();
        }

        var worked = new List<PlannedChange>();
        foreach (var column in home.GroupBy(c => c.Line.AssessmentPeriod).OrderByDescending(g => g.Key).Take(PreviewConsequences.MaxPeriods))
        {
            worked.AddRange(column.Take(PreviewConsequences.Limit - worked.Count));
            if (worked.Count == PreviewConsequences.Limit)
            {
                break;
            }
        }

        var areaCodes = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var file = new AsIfLoaded(plan.Changes.Select(c => c.Line), areaCodes);
        var following = KnockOnCandidates(plan, homeId, worked);

        // Which committees scrutinise each indicator, for the file's values and the knock-on periods alike: asked once,
        // as each ask reads the committees, their scopes and the edition map.
        var scrutinisedBy = await scopes.CommitteesScrutinisingAsync(
            worked.Select(c => (c.Line.IndicatorId, c.Line.AssessmentPeriod)).Concat(following.Select(k => (k.IndicatorId, k.Period))).Distinct().ToList(), ct);
        var rows = new List<ValueConsequence>(worked.Count);
        foreach (var column in worked.GroupBy(c => c.Line.AssessmentPeriod.Code, StringComparer.Ordinal))
        {
            var period = column.First().Line.AssessmentPeriod;
            var codes = column.Select(c => c.Line.IndicatorCode).Distinct(StringComparer.Ordinal).ToList();
            var (now, loaded) = await RateNowAndLoadedAsync(codes, period, file, ct);
            rows.AddRange(column.Select(c => new ValueConsequence(
                c, now[c.Line.IndicatorCode], loaded[c.Line.IndicatorCode], scrutinisedBy.GetValueOrDefault((c.Line.IndicatorId, period.Code)) ?? [])));
        }

        var knockOns = await KnockOnsAsync(following, file, scrutinisedBy, ct);
        return new PreviewConsequences(rows.OrderBy(r => r.Line.Row).ToList(), home.Count, home[0].Line.AreaName, false, knockOns);
    }

    /// <summary>
    /// The council's values the file does not hold whose arrow compares with a value it adds or changes: for each, the
    /// next period's (2018/19's arrow compares with 2017/18); those of the latest <see cref="PreviewConsequences.MaxPeriods"/>
    /// periods, the ones rated (so committees are not looked up for periods never shown).
    /// </summary>
    private static List<(int IndicatorId, string IndicatorCode, string IndicatorTitle, ReportingPeriod Period)> KnockOnCandidates(
        ReturnPlan plan, int homeId, IReadOnlyList<PlannedChange> worked)
    {
        var inFile = plan.Changes.Where(c => c.Line.AreaId == homeId)
            .Select(c => (c.Line.IndicatorId, c.Line.AssessmentPeriod.Code))
            .ToHashSet();
        return worked
            .Where(c => c.Kind != ChangeKind.Unchanged && c.Line.ColumnPeriod is null)
            .Select(c => (c.Line.IndicatorId, c.Line.IndicatorCode, c.Line.IndicatorTitle, Period: c.Line.Period.Next()))
            .Where(k => !inFile.Contains((k.IndicatorId, k.Period.Code)))
            .Distinct()
            .GroupBy(k => k.Period)
            .OrderByDescending(g => g.Key)
            .Take(PreviewConsequences.MaxPeriods)
            .SelectMany(g => g)
            .ToList();
    }

    /// <summary>
    /// The knock-on candidates rated now and as if loaded, kept where the arrow or the exception reasons would change.
    /// </summary>
    private async Task<IReadOnlyList<KnockOnConsequence>> KnockOnsAsync(
        List<(int IndicatorId, string IndicatorCode, string IndicatorTitle, ReportingPeriod Period)> following,
        AsIfLoaded file,
        IReadOnlyDictionary<(int IndicatorId, string PeriodCode), IReadOnlyList<string>> scrutinisedBy,
        CancellationToken ct)
    {
        if (following.Count == 0)
        {
            return [];
        }

        var knockOns = new List<KnockOnConsequence>();
        foreach (var column in following.GroupBy(k => k.Period).OrderByDescending(g => g.Key))
        {
            var codes = column.Select(k => k.IndicatorCode).ToList();
            var (now, loaded) = await RateNowAndLoadedAsync(codes, column.Key, file, ct);
            knockOns.AddRange(column
                .Where(k => now[k.IndicatorCode].Current is not null)
                .Select(k => new KnockOnConsequence(k.IndicatorCode, k.IndicatorTitle, k.Period, now[k.IndicatorCode], loaded[k.IndicatorCode],
                    scrutinisedBy.GetValueOrDefault((k.IndicatorId, k.Period.Code)) ?? []))
                .Where(k => k.Matters));
        }

        return knockOns.OrderBy(k => k.IndicatorCode, StringComparer.Ordinal).ThenBy(k => k.Period).ToList();
    }

    /// <summary>The indicators of one period rated as stored and as if the file were loaded, by code.</summary>
    private async Task<(Dictionary<string, RatedIndicator> Now, Dictionary<string, RatedIndicator> Loaded)> RateNowAndLoadedAsync(
        IReadOnlyList<string> codes, ReportingPeriod period, AsIfLoaded file, CancellationToken ct) =>
        ((await performance.RateIndicatorsAsync(codes, period, ct)).ToDictionary(r => r.Code, StringComparer.Ordinal),
         (await performance.RateAsIfLoadedAsync(codes, period, file, ct)).ToDictionary(r => r.Code, StringComparer.Ordinal));
}

using LeicsPerformance.Domain.Areas;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// The rating: loads what a dashboard needs in a few queries and rates every indicator with the domain rules.
/// Controllers, the JSON API, committee reports and the returns preview all come through here, so a rating is computed
/// one way only. Which periods and editions there are is <see cref="ReportingCalendar"/>'s; comparator groups are
/// <see cref="ComparatorQueries"/>'; an indicator's trend is <see cref="IndicatorHistory"/>'s.
/// </summary>
public sealed class PerformanceQueries(PerformanceDbContext db, IOptions<ReportingOptions> options, RatedMemo memo, HomeArea home, ReportingCalendar calendar, ComparatorQueries comparators)
{
    private readonly ReportingOptions settings = options.Value;

    /// <summary>One dashboard rated for a period; <paramref name="groupCode"/> (a resolved group code) ranks every indicator against that group instead of its own.</summary>
    public Task<DashboardView?> DashboardAsync(string slug, ReportingPeriod period, CancellationToken ct = default, string? groupCode = null) =>
        memo.GetOrRateAsync("dashboard", $"{slug}|{period.Code}|{groupCode}", () => RateDashboardAsync(slug, period, groupCode, ct), ct);

    private async Task<DashboardView?> RateDashboardAsync(string slug, ReportingPeriod period, string? groupCode, CancellationToken ct)
    {
        var dashboard = await db.Dashboards.AsNoTracking().Include(d => d.Theme).FirstOrDefaultAsync(d => d.Slug == slug, ct);
        if (dashboard is null)
        {
            return null;
        }

        var frequency = FrequencyOf(period);
        var rows = await RateAsync(i => i.DashboardId == dashboard.Id && i.Frequency == frequency, period, ct, groupCode);
        return new DashboardView(
            dashboard.Slug,
            dashboard.Title,
            dashboard.Theme.Slug,
            dashboard.Theme.Title,
            PeriodOption.Of(period),
            dashboard.ComparatorNote,
            DashboardSummary.Of(rows),
            rows,
            await calendar.PeriodsWithDataAsync(slug, ct));
    }

    /// <summary>Every indicator rated for a period, in theme and dashboard order.</summary>
    /// <remarks>Only indicators reported at the period's frequency: quarterly ones for a quarter, annual ones otherwise.</remarks>
    public Task<IReadOnlyList<RatedIndicator>> AllRatedAsync(ReportingPeriod period, CancellationToken ct = default) =>
        memo.GetOrRateAsync("all-rated", period.Code, () => RateAllAsync(period, ct), ct);

    private async Task<IReadOnlyList<RatedIndicator>> RateAllAsync(ReportingPeriod period, CancellationToken ct)
    {
        var frequency = FrequencyOf(period);
        var edition = await calendar.EditionInForceAsync(period, ct);
        return await RateAsync(i => i.Frequency == frequency && (edition == null || i.Dashboard.EditionFirstPeriod == edition), period, ct);
    }

    /// <summary>Dashboards for a quarter show quarterly indicators; for any other period, annual ones.</summary>
    public static Frequency FrequencyOf(ReportingPeriod period) => FrequencyText.Of(period.Kind);

    /// <summary>The named indicators rated for a period (indicator and funding pages), in dashboard order.</summary>
    public Task<IReadOnlyList<RatedIndicator>> RateIndicatorsAsync(IReadOnlyCollection<string> codes, ReportingPeriod period, CancellationToken ct = default)
    {
        var wanted = codes.ToArray();
        return RateAsync(i => wanted.Contains(i.Code), period, ct);
    }

    /// <summary>
    /// The named indicators rated for a period as they would be once a checked return is loaded: the file's values
    /// and assessments stand in for the stored ones (<see cref="AsIfLoaded"/>), through the same rating as every page,
    /// with nothing written and nothing memoised (the returns preview).
    /// </summary>
    public Task<IReadOnlyList<RatedIndicator>> RateAsIfLoadedAsync(IReadOnlyCollection<string> codes, ReportingPeriod period, AsIfLoaded file, CancellationToken ct = default)
    {
        var wanted = codes.ToArray();
        return RateAsync(i => wanted.Contains(i.Code), period, ct, asIfLoaded: file);
    }

    /// <summary>Headline counts for a period, leaving out indicators whose theme or dashboard slug is excluded.</summary>
    public async Task<DashboardSummary> SummaryAsync(ReportingPeriod period, IReadOnlyCollection<string> excludeSlugs, CancellationToken ct = default)
    {
        var rows = await AllRatedAsync(period, ct);
        return DashboardSummary.Of(rows.Where(r => !excludeSlugs.Contains(r.ThemeSlug) && !excludeSlugs.Contains(r.DashboardSlug)));
    }

    private async Task<IReadOnlyList<RatedIndicator>> RateAsync(
        System.Linq.Expressions.Expression<Func<Indicator, bool>> which, ReportingPeriod period, CancellationToken ct, string? groupCode = null, AsIfLoaded? asIfLoaded = null)
    {
        var homeId = await home.IdAsync(ct);
        var previous = period.Previous();
        var indicators = await db.Indicators.AsNoTracking()
            .Where(which)
            .Include(i => i.Dashboard).ThenInclude(d => d.Theme)
            .Include(i => i.Section)
            .OrderBy(i => i.Dashboard.Theme.SortOrder).ThenBy(i => i.Dashboard.SortOrder)
            .ThenBy(i => i.Section == null ? 0 : i.Section.SortOrder).ThenBy(i => i.SortOrder)
            .ToListAsync(ct);
        var ids = indicators.Select(i => i.Id).ToArray();
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => ids.Contains(a.IndicatorId) && db.Periods.Any(p => p.Id == a.PeriodId && p.Code == period.Code))
            .ToDictionaryAsync(a => a.IndicatorId, ct);

        // A figure printed for another period than the column ("32.4% (2021)") is compared with the one before it.
        var valuePeriodIds = assessments.Values.Where(a => a.ValuePeriodId is not null).Select(a => a.ValuePeriodId!.Value).Distinct().ToArray();
        var valuePeriods = await db.Periods.AsNoTracking().Where(p => valuePeriodIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => ReportingPeriod.Parse(p.Code), ct);
        var ownPeriods = assessments.Values
            .Where(a => a.ValuePeriodId is { } vp && valuePeriods.ContainsKey(vp))
            .ToDictionary(a => a.IndicatorId, a => valuePeriods[a.ValuePeriodId!.Value]);
        if (asIfLoaded is not null)
        {
            foreach (var indicator in indicators)
            {
                if (asIfLoaded.AssessmentFor(indicator.Id, period) is not { } line)
                {
                    continue;
                }

                var stored = assessments.GetValueOrDefault(indicator.Id);
                // A period the file brings may not be held yet, so may have no id: ratings do not read it.
                assessments[indicator.Id] = line.Assessment!.AppliedTo(stored, indicator.Id, stored?.PeriodId ?? 0);
                if (line.ColumnPeriod is null)
                {
                    ownPeriods.Remove(indicator.Id);
                }
                else
                {
                    ownPeriods[indicator.Id] = line.Period;
                }
            }
        }

        (ReportingPeriod Now, ReportingPeriod Before) PeriodsFor(int indicatorId) =>
            ownPeriods.TryGetValue(indicatorId, out var own) ? (own, own.Previous()) : (period, previous);
        var codes = new[] { period.Code, previous.Code }
            .Concat(ownPeriods.Values.SelectMany(p => new[] { p.Code, p.Previous().Code }))
            .Distinct().ToArray();

        var homeValues = await db.Values.AsNoTracking()
            .Where(v => v.AreaId == homeId && ids.Contains(v.IndicatorId) && codes.Contains(v.Period.Code))
            .Select(v => new HeldValue(
                v.IndicatorId,
                v.Period.Code,
                v.Value,
                v.Status,
                v.Note,
                v.LowerLimit,
                v.UpperLimit,
                v.Numerator,
                v.Denominator,
                v.AsPrinted,
                db.DataLoads.Where(l => l.Id == v.DataLoadId).Select(l => EF.Property<bool>(l, "IsIllustrative")).FirstOrDefault()))
            .ToListAsync(ct);
        if (asIfLoaded is not null)
        {
            var inFile = asIfLoaded.ValuesFor(ids).Where(l => l.AreaId == homeId).ToList();
            var replaced = inFile.Select(l => (l.IndicatorId, l.Period.Code)).ToHashSet();
            homeValues = homeValues.Where(v => !replaced.Contains((v.IndicatorId, v.PeriodCode))).Concat(inFile.Select(HeldValue.Of)).ToList();
        }

        var benchmarks = await BenchmarkValuesAsync(indicators, period, groupCode, ct, asIfLoaded);

        var result = new List<RatedIndicator>(indicators.Count);
        foreach (var indicator in indicators)
        {
            var format = indicator.Format();
            var polarity = indicator.Polarity;
            var rule = indicator.NoRealChangeRule;
            var (nowPeriod, beforePeriod) = PeriodsFor(indicator.Id);
            var now = homeValues.FirstOrDefault(v => v.IndicatorId == indicator.Id && v.PeriodCode == nowPeriod.Code);
            var before = homeValues.FirstOrDefault(v => v.IndicatorId == indicator.Id && v.PeriodCode == beforePeriod.Code);
            assessments.TryGetValue(indicator.Id, out var assessment);

            var current = now is null ? null : StoredValues.ShowValue(format, now.Value, now.Status, now.Note, now.AsPrinted, nowPeriod) with { Illustrative = now.Illustrative };
            var prior = before is null ? null : StoredValues.ShowValue(format, before.Value, before.Status, before.Note, before.AsPrinted, beforePeriod) with { Illustrative = before.Illustrative };
            var currentNumber = StoredValues.UsableNumber(now?.Value, now?.Status);
            var previousNumber = StoredValues.UsableNumber(before?.Value, before?.Status);
            var definitionChanged = (assessment?.DefinitionChanged ?? false) || now?.Status == ValueStatus.NotComparable;

            var computed = DirectionOfTravel.Compute(
                currentNumber,
                previousNumber,
                polarity,
                rule,
                format,
                definitionChanged,
                now is null ? null : StoredValues.IntervalOf(format, now.LowerLimit, now.UpperLimit, now.Numerator, now.Denominator),
                before is null ? null : StoredValues.IntervalOf(format, before.LowerLimit, before.UpperLimit, before.Numerator, before.Denominator));
            var direction = DirectionOfTravel.WithOfficerJudgement(computed, assessment?.OfficerDirection);

            var target = Target.Parse(assessment?.TargetText);
            var targetRating = TargetEvaluation.Evaluate(currentNumber, target, polarity, format);

            var (quartile, worst, label, reason) = QuartileFor(indicator, polarity, format, assessment, benchmarks, homeId);
            var marker = WithOfficersMarker(Markers.Evaluate(direction.Direction, worst, targetRating.Status, settings.Markers), assessment?.OfficerMarker);

            result.Add(new RatedIndicator(
                indicator.Code,
                indicator.Title,
                indicator.Dashboard.Slug,
                indicator.Dashboard.Title,
                indicator.Dashboard.Theme.Slug,
                indicator.Section?.Title ?? string.Empty,
                indicator.StrategicPlan,
                indicator.Internal,
                polarity,
                format,
                current,
                prior,
                assessment?.TargetText ?? string.Empty,
                targetRating,
                computed,
                direction,
                quartile,
                worst,
                label,
                reason,
                marker,
                assessment?.Commentary ?? string.Empty));
        }

        return result;
    }

    /// <summary>A value held for the home area, as rating reads it (from the database, or from a file being previewed).</summary>
    private sealed record HeldValue(
        int IndicatorId,
        string PeriodCode,
        decimal? Value,
        ValueStatus Status,
        string Note,
        decimal? LowerLimit,
        decimal? UpperLimit,
        decimal? Numerator,
        decimal? Denominator,
        string AsPrinted,
        bool Illustrative)
    {
        /// <summary>A file's value as the commit would store it.</summary>
        public static HeldValue Of(ReturnLine line) => new(
            line.IndicatorId,
            line.Period.Code,
            line.Value,
            line.Status,
            line.Note,
            line.Limits?.Lower,
            line.Limits?.Upper,
            line.Limits?.Numerator,
            line.Limits?.Denominator,
            line.AsPrinted,
            false);
    }

    /// <summary>The officers' printed marker is the one shown; the rule's suggestion is said beside it where they differ.</summary>
    private static MarkerRating WithOfficersMarker(MarkerRating rule, Marker? officer)
    {
        if (officer is not { } call)
        {
            return rule;
        }

        string Words(Marker m) => m == Marker.None ? "no marker" : m.Words().ToLowerInvariant();
        return call == rule.Marker
            ? new MarkerRating(call, $"Officers' call: {Words(call)}, as the rule gives. {rule.Explanation}".Trim())
            : new MarkerRating(call, $"Officers' call: {Words(call)}. The rule alone gives: {Words(rule.Marker)}.");
    }

    private (int? Best, int? Worst, string Label, string Reason) QuartileFor(
        Indicator indicator,
        Polarity polarity,
        ValueFormat format,
        IndicatorAssessment? assessment,
        Dictionary<int, (string GroupName, List<(int AreaId, BenchmarkValue Value)> Values)> benchmarks,
        int homeId)
    {
        if (benchmarks.TryGetValue(indicator.Id, out var group) && group.Values.Any(v => v.AreaId == homeId))
        {
            var rating = QuartilePosition.Compute(group.Values.Select(v => v.Value).ToList(), HomeCode(group.Values, homeId), polarity, group.GroupName, format);
            if (rating.Quartile is { } q)
            {
                return (q, q, Wording.Ordinal(q), rating.Explanation);
            }
        }

        if (assessment?.QuartileBest is { } best)
        {
            var worst = assessment.QuartileWorst ?? best;
            var label = best == worst ? Wording.Ordinal(best) : $"{Wording.Ordinal(best)}/{Wording.Ordinal(worst)}";
            var groupName = assessment.QuartileGroupCode ?? indicator.ComparatorGroupCode ?? "comparators";
            var note = assessment.QuartileNote.Length > 0 ? $" ({assessment.QuartileNote})" : string.Empty;
            var range = best == worst ? string.Empty : ", a range because the source gives no single position";
            return (best, worst, label, $"Reported by the data source: {label} quartile{note} among {GroupDescription(groupName)}{range}. The app holds too few comparator values to compute it.");
        }

        return (null, null, string.Empty, polarity == Polarity.None
            ? "No quartile: neither higher nor lower is better for this indicator."
            : "No quartile: no comparison with other councils is available for this period.");
    }

    private static string HomeCode(List<(int AreaId, BenchmarkValue Value)> values, int homeId) =>
        values.First(v => v.AreaId == homeId).Value.AreaCode;

    private static string GroupDescription(string code) => code switch
    {
        "county-councils" => "county councils",
        "upper-tier-authorities" => "upper-tier authorities",
        "social-services-authorities" => "social services authorities",
        "england-local-authorities" => "English local authority areas",
        "county-areas" => "county areas",
        _ => code.Replace('-', ' '),
    };

    /// <summary>
    /// For each indicator with a comparator group, every member's value for the period; <paramref name="groupCode"/>,
    /// when given, is the group chosen for every indicator instead of its own.
    /// </summary>
    private async Task<Dictionary<int, (string GroupName, List<(int AreaId, BenchmarkValue Value)> Values)>> BenchmarkValuesAsync(
        List<Indicator> indicators, ReportingPeriod period, string? groupCode, CancellationToken ct, AsIfLoaded? asIfLoaded = null)
    {
        var result = new Dictionary<int, (string, List<(int, BenchmarkValue)>)>();
        string? GroupOf(Indicator i) => groupCode ?? i.ComparatorGroupCode;
        var withGroup = indicators.Where(i => GroupOf(i) is not null).ToList();
        if (withGroup.Count == 0)
        {
            return result;
        }

        var ids = withGroup.Select(i => i.Id).ToArray();
        var values = await db.Values.AsNoTracking()
            .Where(v => ids.Contains(v.IndicatorId) && v.Period.Code == period.Code && v.Value != null
                        && ValueStatusText.Ranked.Contains(v.Status))
            .Select(v => new RankedValue(v.IndicatorId, v.AreaId, v.Area.Code, v.Area.Name, v.Value!.Value))
            .ToListAsync(ct);
        if (asIfLoaded is not null)
        {
            // The file's figures for the period replace the stored ones, every area's; a figure the file withdraws ("N/A") drops out.
            var inFile = asIfLoaded.ValuesFor(ids).Where(l => l.Period.Code == period.Code).ToList();
            var replaced = inFile.Select(l => (l.IndicatorId, l.AreaId)).ToHashSet();
            values = values.Where(v => !replaced.Contains((v.IndicatorId, v.AreaId)))
                .Concat(inFile.Where(AsIfLoaded.IsRanked).Select(l => new RankedValue(l.IndicatorId, l.AreaId, asIfLoaded.AreaCode(l.AreaId), l.AreaName, l.Value!.Value)))
                .ToList();
        }

        if (values.Count == 0)
        {
            return result;
        }

        var groups = await comparators.LatestGroupsAsync(period, ct);
        var byIndicator = values.ToLookup(v => v.IndicatorId);
        foreach (var indicator in withGroup)
        {
            if (!groups.TryGetValue(GroupOf(indicator)!, out var group))
            {
                continue;
            }

            var members = byIndicator[indicator.Id]
                .Where(v => group.Members.Contains(v.AreaId))
                .Select(v => (v.AreaId, new BenchmarkValue(v.AreaCode, v.AreaName, v.Value)))
                .ToList();
            if (members.Count > 0)
            {
                result[indicator.Id] = (group.Name.ToLowerInvariant(), members);
            }
        }

        return result;
    }

    /// <summary>One area's figure for an indicator and period that a comparator ranking counts.</summary>
    private sealed record RankedValue(int IndicatorId, int AreaId, string AreaCode, string AreaName, decimal Value);
}

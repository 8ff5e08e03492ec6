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

public sealed class ReportingOptions
{
    public const string DefaultHomeAreaCode = "leicestershire";

    /// <summary>The council the dashboards are about; also the area of a return row without an area_code, and the template's.</summary>
    public string HomeAreaCode { get; set; } = DefaultHomeAreaCode;

    public MarkerRule Markers { get; set; } = MarkerRule.Default;

    /// <summary>
    /// Dashboard or theme slugs the council's headline leaves out (schools and crime, which are the responsibility of
    /// schools and the Police and Crime Commissioner). Configuration, because the dashboards change every few years.
    /// </summary>
    public IReadOnlyList<string> HeadlineExclusions { get; set; } = [];
}

/// <summary>
/// The read side: loads what a dashboard needs in a few queries and rates every indicator with the domain rules.
/// Controllers, the JSON API and the reports all come through here, so a rating is computed one way only.
/// </summary>
public sealed class PerformanceQueries(PerformanceDbContext db, IOptions<ReportingOptions> options, RatedMemo memo)
{
    private readonly ReportingOptions settings = options.Value;
    private int? homeAreaId;

    /// <summary>The dashboards of the edition in force for the latest period with data.</summary>
    public async Task<IReadOnlyList<DashboardListItem>> ListDashboardsAsync(CancellationToken ct = default) =>
        await ListDashboardsAsync(await ResolvePeriodAsync(null, null, ct), ct);

    /// <summary>The dashboards of the compendium edition in force for the period (all of them when there is none).</summary>
    public async Task<IReadOnlyList<DashboardListItem>> ListDashboardsAsync(ReportingPeriod? period, CancellationToken ct = default)
    {
        var edition = period is null ? null : await EditionInForceAsync(period, ct);
        return await db.Dashboards.AsNoTracking()
            .Where(d => edition == null || d.EditionFirstPeriod == edition)
            .OrderBy(d => d.Theme.SortOrder).ThenBy(d => d.SortOrder)
            .Select(d => new DashboardListItem(d.Slug, d.Title, d.Theme.Slug, d.Theme.Title, d.Indicators.Count))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The edition (by its first period's code) whose dashboards a period is shown with: the latest edition starting at
    /// or before the period, else the earliest. Null for a quarter: the quarterly indicators are not placed per edition yet.
    /// </summary>
    public async Task<string?> EditionInForceAsync(ReportingPeriod period, CancellationToken ct = default)
    {
        if (period.Kind == PeriodKind.FinancialQuarter)
        {
            return null;
        }

        var starts = (await db.Dashboards.AsNoTracking().Select(d => d.EditionFirstPeriod).Distinct().ToListAsync(ct))
            .Select(ReportingPeriod.Parse).ToList();
        if (starts.Count == 0)
        {
            return null;
        }

        return (starts.Where(s => s.Start <= period.Start).MaxBy(s => s.Start) ?? starts.MinBy(s => s.Start))!.Code;
    }

    /// <summary>Periods that hold at least one value for the home area, latest first.</summary>
    public async Task<IReadOnlyList<PeriodOption>> PeriodsWithDataAsync(string? dashboardSlug = null, CancellationToken ct = default)
    {
        var homeId = await HomeAreaIdAsync(ct);
        var query = db.Values.AsNoTracking().Where(v => v.AreaId == homeId);
        if (dashboardSlug is not null)
        {
            query = query.Where(v => v.Indicator.Dashboard.Slug == dashboardSlug);
        }

        var codes = await query.Select(v => v.Period.Code).Distinct().ToListAsync(ct);
        return codes.Select(ReportingPeriod.Parse).OrderDescending().Select(ToOption).ToList();
    }

    /// <summary>Resolves "2017/18", "FY2017" or null (the latest period with data) to a period.</summary>
    public async Task<ReportingPeriod?> ResolvePeriodAsync(string? text, string? dashboardSlug = null, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            return ReportingPeriod.TryParse(text, out var period) ? period : null;
        }

        // Prefer the latest period in which most indicators report, not one odd later value (null when none is held).
        return await BusiestRecentPeriodAsync(dashboardSlug, ct) is { } code ? ReportingPeriod.Parse(code) : null;
    }

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
            ToOption(period),
            dashboard.ComparatorNote,
            DashboardSummary.Of(rows),
            rows,
            await PeriodsWithDataAsync(slug, ct));
    }

    /// <summary>Every indicator rated for a period, in theme and dashboard order.</summary>
    /// <remarks>Only indicators reported at the period's frequency: quarterly ones for a quarter, annual ones otherwise.</remarks>
    public Task<IReadOnlyList<RatedIndicator>> AllRatedAsync(ReportingPeriod period, CancellationToken ct = default) =>
        memo.GetOrRateAsync("all-rated", period.Code, () => RateAllAsync(period, ct), ct);

    private async Task<IReadOnlyList<RatedIndicator>> RateAllAsync(ReportingPeriod period, CancellationToken ct)
    {
        var frequency = FrequencyOf(period);
        var edition = await EditionInForceAsync(period, ct);
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
        var homeId = await HomeAreaIdAsync(ct);
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

            var current = now is null ? null : ShowValue(format, now.Value, now.Status, now.Note, now.AsPrinted, nowPeriod) with { Illustrative = now.Illustrative };
            var prior = before is null ? null : ShowValue(format, before.Value, before.Status, before.Note, before.AsPrinted, beforePeriod) with { Illustrative = before.Illustrative };
            var currentNumber = UsableNumber(now?.Value, now?.Status);
            var previousNumber = UsableNumber(before?.Value, before?.Status);
            var definitionChanged = (assessment?.DefinitionChanged ?? false) || now?.Status == ValueStatus.NotComparable;

            var computed = DirectionOfTravel.Compute(
                currentNumber,
                previousNumber,
                polarity,
                rule,
                format,
                definitionChanged,
                now is null ? null : IntervalOf(format, now.LowerLimit, now.UpperLimit, now.Numerator, now.Denominator),
                before is null ? null : IntervalOf(format, before.LowerLimit, before.UpperLimit, before.Numerator, before.Denominator));
            DirectionText.TryParse(assessment?.OfficerDirection, out var officer);
            var direction = DirectionOfTravel.WithOfficerJudgement(computed, officer);

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
    private static MarkerRating WithOfficersMarker(MarkerRating rule, string? officerCode)
    {
        if (officerCode is null || !Markers.TryParse(officerCode, out var officer) || officer is not { } call)
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
                        && (v.Status == ValueStatus.Published || v.Status == ValueStatus.Provisional))
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

        var groups = await LatestGroupsAsync(period, ct);
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

    /// <summary>England's ONS code: its value is drawn beside the council's on long trends.</summary>
    public const string EnglandAreaCode = "E92000001";

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
            var region = await db.Areas.AsNoTracking().Where(a => a.Code == settings.HomeAreaCode).Select(a => a.Region).FirstOrDefaultAsync(ct);
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
                        && (v.Status == ValueStatus.Published || v.Status == ValueStatus.Provisional))
            .Select(v => new BenchmarkValue(v.Area.Code, v.Area.Name, v.Value!.Value))
            .ToListAsync(ct);

        var format = indicator.Format();
        var rating = QuartilePosition.Compute(values, settings.HomeAreaCode, indicator.Polarity, group.Name.ToLowerInvariant(), format);
        return new BenchmarkView(indicator.Code, indicator.Title, format, ToOption(period), code, group.Name, group.Year, settings.HomeAreaCode, rating);
    }

    /// <summary>The attribution every figure from a public dataset carries (Open Government Licence v3.0).</summary>
    public const string OnsAttribution = "Source: Office for National Statistics licensed under the Open Government Licence v3.0";

    /// <summary>Whether any value held for the indicator came from a load of the ONS local indicators (data/ons).</summary>
    public Task<bool> HasOnsValuesAsync(string indicatorCode, CancellationToken ct = default) =>
        db.Values.AsNoTracking().AnyAsync(
            v => v.Indicator.Code == indicatorCode && db.DataLoads.Any(l => l.Id == v.DataLoadId && l.FileName.StartsWith("ons/")),
            ct);

    /// <summary>
    /// Every period held for the home area, oldest first, each with its confidence limits and its direction of travel
    /// against the period before it of the same kind (the indicator's own no-real-change rule, significance included).
    /// Periods held only by an earlier indicator the measure continues (<paramref name="line"/>) are included, each
    /// noted with the code it was printed under; across a changed definition the direction is not determined.
    /// </summary>
    public async Task<IReadOnlyList<SeriesPoint>> SeriesAsync(Indicator indicator, IndicatorLine? line = null, CancellationToken ct = default)
    {
        var homeId = await HomeAreaIdAsync(ct);
        var steps = (line?.SelfAndEarlier ?? []).Where(s => s.IndicatorId != indicator.Id).Prepend(null).ToList();
        var ids = steps.Select(s => s?.IndicatorId ?? indicator.Id).ToList();
        var values = await db.Values.AsNoTracking()
            .Where(v => ids.Contains(v.IndicatorId) && v.AreaId == homeId)
            .Select(v => new { v.IndicatorId, v.Period.Code, v.Value, v.Status, v.Note, v.AsPrinted, v.LowerLimit, v.UpperLimit, v.Numerator, v.Denominator })
            .ToListAsync(ct);
        var formats = (await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct))
            .ToDictionary(i => i.Id, i => i.Format());
        // A period held by several indicators of the line is taken from the latest of them.
        var rows = values
            .GroupBy(v => v.Code, StringComparer.Ordinal)
            .Select(g => g.OrderBy(v => ids.IndexOf(v.IndicatorId)).First())
            .ToList();
        var byCode = rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        LineageStep? StepOf(int indicatorId) => steps[ids.IndexOf(indicatorId)];
        return rows
            .Select(r => (Period: ReportingPeriod.Parse(r.Code), Row: r))
            .OrderBy(x => x.Period)
            .Select(x =>
            {
                var r = x.Row;
                var format = formats[r.IndicatorId];
                var step = StepOf(r.IndicatorId);
                byCode.TryGetValue(x.Period.Previous().Code, out var b);
                var definitionChanged = b is not null && (StepOf(b.IndicatorId)?.DefinitionsBack ?? 0) != (step?.DefinitionsBack ?? 0);
                var direction = DirectionOfTravel.Compute(
                    UsableNumber(r.Value, r.Status),
                    b is null ? null : UsableNumber(b.Value, b.Status),
                    indicator.Polarity,
                    indicator.NoRealChangeRule,
                    format,
                    r.Status == ValueStatus.NotComparable || definitionChanged,
                    IntervalOf(format, r.LowerLimit, r.UpperLimit, r.Numerator, r.Denominator),
                    b is null ? null : IntervalOf(formats[b.IndicatorId], b.LowerLimit, b.UpperLimit, b.Numerator, b.Denominator));
                var note = step is null ? r.Note : string.Join(" ", new[] { r.Note, step.PrintedAs }.Where(n => n.Length > 0));
                var shown = ShowValue(format, r.Value, r.Status, note, r.AsPrinted, x.Period);
                return new SeriesPoint(x.Period, shown, r.LowerLimit, r.UpperLimit, r.Numerator, r.Denominator, direction, step?.Code ?? indicator.Code);
            })
            .ToList();
    }

    /// <summary>The quartile the data source reported for the indicator and period, as printed (null when none).</summary>
    public Task<string?> ReportedQuartileAsync(int indicatorId, ReportingPeriod period, CancellationToken ct = default) =>
        db.Assessments.AsNoTracking()
            .Where(a => a.IndicatorId == indicatorId && a.ReportedQuartile != string.Empty && db.Periods.Any(p => p.Id == a.PeriodId && p.Code == period.Code))
            .Select(a => a.ReportedQuartile)
            .FirstOrDefaultAsync(ct);

    /// <summary>Whether any value held for the indicator came from an illustrative (made-up) sample load.</summary>
    public Task<bool> HasIllustrativeValuesAsync(string indicatorCode, CancellationToken ct = default) =>
        db.Values.AsNoTracking().AnyAsync(
            v => v.Indicator.Code == indicatorCode && db.DataLoads.Any(l => l.Id == v.DataLoadId && EF.Property<bool>(l, "IsIllustrative")),
            ct);

    /// <summary>The council the app reports on (Reporting:HomeAreaCode).</summary>
    public string HomeAreaCode => settings.HomeAreaCode;

    /// <summary>The home area's id, looked up once per request (this service is scoped).</summary>
    public async Task<int> HomeAreaIdAsync(CancellationToken ct = default) =>
        homeAreaId ??= await db.Areas.AsNoTracking().Where(a => a.Code == settings.HomeAreaCode).Select(a => a.Id).FirstOrDefaultAsync(ct);

    private async Task<string?> BusiestRecentPeriodAsync(string? dashboardSlug, CancellationToken ct)
    {
        var homeId = await HomeAreaIdAsync(ct);
        var query = db.Values.AsNoTracking().Where(v => v.AreaId == homeId);
        if (dashboardSlug is not null)
        {
            query = query.Where(v => v.Indicator.Dashboard.Slug == dashboardSlug);
        }

        var counts = await query.GroupBy(v => v.Period.Code).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (counts.Count == 0)
        {
            return null;
        }

        var max = counts.Max(c => c.Count);
        // The latest period holding at least half as many values as the busiest one.
        return counts.Where(c => c.Count * 2 >= max).Select(c => ReportingPeriod.Parse(c.Code)).Max()!.Code;
    }

    /// <summary>
    /// A value's 95% confidence limits: as published, else (for a percentage) the Wilson score interval of its
    /// numerator and denominator. A rate or mean without published limits has none.
    /// </summary>
    public static ConfidenceInterval? IntervalOf(ValueFormat format, decimal? lower, decimal? upper, decimal? numerator, decimal? denominator) =>
        format.Unit == Unit.Percent
            ? ConfidenceInterval.Of(lower, upper, numerator, denominator, 100m)
            : ConfidenceInterval.Of(lower, upper, null, null, 1m);

    private static decimal? UsableNumber(decimal? value, ValueStatus? status) =>
        status is { } s && s.HasNumber() ? value : null;

    /// <summary>A stored value as every page shows it, written by <see cref="Wording.Value(ValueFormat, decimal?, ValueStatus?, string?)"/>.</summary>
    public static ShownValue ShowValue(ValueFormat format, decimal? value, ValueStatus status, string note, string asPrinted, ReportingPeriod period) =>
        new(value, status, Wording.Value(format, value, status, asPrinted), note, period.Label);

    public static PeriodOption ToOption(ReportingPeriod period) => new(period.Code, period.Label, period.LongLabel);
}

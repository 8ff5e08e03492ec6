using System.Globalization;
using LeicsPerformance.Domain.Areas;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// The read side of the indicator page: catalogue details, the home area's trend, a comparator group's ranking
/// and the value history, each projected straight to view models. Ratings and rankings come from
/// <see cref="PerformanceQueries"/>, so they are the same figures the dashboards and the API show.
/// </summary>
public sealed class IndicatorQueries(PerformanceDbContext db, PerformanceQueries performance, HomeArea homeArea, ComparatorQueries comparatorQueries, LineageQueries lineage)
{
    private static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");

    private readonly string homeCode = homeArea.Code;

    public async Task<IndicatorDetails?> DetailsAsync(string code, CancellationToken ct = default)
    {
        var upper = code.Trim().ToUpperInvariant();
        var indicator = await db.Indicators.AsNoTracking()
            .Include(i => i.Dashboard).ThenInclude(d => d.Theme)
            .Include(i => i.Section)
            .Where(i => i.Code == code || i.Code == upper)
            .OrderBy(i => i.Code == code ? 0 : 1)
            .FirstOrDefaultAsync(ct);
        if (indicator is null)
        {
            return null;
        }

        var groupName = indicator.ComparatorGroupCode is null
            ? null
            : await db.ComparatorGroups.AsNoTracking()
                .Where(g => g.Code == indicator.ComparatorGroupCode)
                .OrderByDescending(g => g.Year)
                .Select(g => g.Name)
                .FirstOrDefaultAsync(ct);
        var homeName = await db.Areas.AsNoTracking().Where(a => a.Code == homeCode).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? homeCode;

        return new IndicatorDetails(
            indicator.Id,
            indicator.Code,
            indicator.Title,
            indicator.Definition,
            indicator.Dashboard.Slug,
            indicator.Dashboard.Title,
            indicator.Dashboard.Theme.Title,
            indicator.Section?.Title ?? string.Empty,
            indicator.Polarity,
            indicator.Format(),
            indicator.Source,
            indicator.ComparatorGroupCode,
            groupName,
            indicator.Frequency,
            indicator.StrategicPlan,
            indicator.Internal,
            indicator.GeographyNote,
            indicator.NoRealChangeRule,
            indicator.Notes,
            homeCode,
            homeName,
            new IndicatorSource(indicator.SourceDataset, indicator.SourcePublisher, indicator.SourceRelease));
    }

    /// <summary>
    /// The whole page. <paramref name="period"/> null means the latest period holding a value for this indicator;
    /// <paramref name="groupCode"/> null means the indicator's own comparator group (or the first group with values).
    /// </summary>
    public async Task<IndicatorPageView?> PageAsync(string code, ReportingPeriod? period, string? groupCode, bool allHistory, CancellationToken ct = default)
    {
        var details = await DetailsAsync(code, ct);
        if (details is null)
        {
            return null;
        }

        var periods = await PeriodsAsync(details.Id, ct);
        period ??= await DefaultPeriodAsync(details.Id, ct);

        RatedIndicator? rating = null;
        IndicatorBenchmark? benchmark = null;
        if (period is not null)
        {
            rating = (await performance.RateIndicatorsAsync([details.Code], period, ct)).FirstOrDefault();
            benchmark = await BenchmarkAsync(details, period, groupCode, strictGroup: false, ct);
        }

        var trend = await TrendAsync(details, period, ct, benchmark?.Group?.Code ?? details.ComparatorGroupCode);
        if (rating is { Direction.Reason: DirectionReason.OfficerJudgement } && period is not null)
        {
            // The trend sentence follows the rule; say so where officers' arrow differs, so the page does not contradict itself.
            trend = trend with
            {
                Summary = trend.Summary + $" For {period.Label} officers judged the direction of travel {rating.Direction.Direction.Words()}, and that is the rating shown.",
            };
        }

        return new IndicatorPageView(
            details,
            period is null ? null : PeriodOption.Of(period),
            periods,
            rating,
            trend,
            benchmark,
            await HistoryAsync(details, allHistory, ct),
            await lineage.LineAsync(details.Id, ct));
    }

    /// <summary>Periods holding a value (or a state) for the home area, latest first.</summary>
    public async Task<IReadOnlyList<PeriodOption>> PeriodsAsync(int indicatorId, CancellationToken ct = default) =>
        (await PeriodRowsAsync(indicatorId, ct)).Select(r => PeriodOption.Of(r.Period)).ToList();

    /// <summary>The default period: the latest holding a number for the home area, else the latest holding anything.</summary>
    public async Task<ReportingPeriod?> DefaultPeriodAsync(int indicatorId, CancellationToken ct = default)
    {
        var rows = await PeriodRowsAsync(indicatorId, ct);
        var withNumber = rows.FindIndex(r => r.HasNumber);
        return withNumber >= 0 ? rows[withNumber].Period : rows.Count > 0 ? rows[0].Period : null;
    }

    private async Task<List<(ReportingPeriod Period, bool HasNumber)>> PeriodRowsAsync(int indicatorId, CancellationToken ct)
    {
        var homeId = await homeArea.IdAsync(ct);
        var rows = await db.Values.AsNoTracking()
            .Where(v => v.IndicatorId == indicatorId && v.AreaId == homeId)
            .Select(v => new { v.Period.Code, HasNumber = v.Value != null })
            .ToListAsync(ct);
        return rows.Select(r => (Period: ReportingPeriod.Parse(r.Code), r.HasNumber)).OrderByDescending(r => r.Period).ToList();
    }

    /// <summary>
    /// Every period held for the home area, oldest first, with the target reported for each and, where held, England's
    /// value and the median of the comparator group <paramref name="groupCode"/> (the group's version for each period).
    /// </summary>
    public async Task<IndicatorTrend> TrendAsync(IndicatorDetails details, ReportingPeriod? selected, CancellationToken ct = default, string? groupCode = null)
    {
        var homeId = await homeArea.IdAsync(ct);
        // The measure's whole line: periods held only by an earlier edition's indicator it continues come from that one.
        var line = await lineage.LineAsync(details.Id, ct);
        var steps = line.SelfAndEarlier.ToList();
        var ids = steps.Select(s => s.IndicatorId).ToList();
        var formats = (await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct))
            .ToDictionary(i => i.Id, i => i.Format());
        var values = (await db.Values.AsNoTracking()
                .Where(v => ids.Contains(v.IndicatorId) && v.AreaId == homeId)
                .OrderBy(v => v.Period.EndDate).ThenByDescending(v => v.Period.StartDate)
                .Select(v => new { v.IndicatorId, v.PeriodId, v.Period.Code, v.Period.Label, v.Value, v.Status, v.Note, v.AsPrinted })
                .ToListAsync(ct))
            .GroupBy(v => v.PeriodId)
            .Select(g => g.OrderBy(v => ids.IndexOf(v.IndicatorId)).First())
            .ToList();
        var targets = await db.Assessments.AsNoTracking()
            .Where(a => a.IndicatorId == details.Id && a.TargetText != string.Empty)
            .ToDictionaryAsync(a => a.PeriodId, a => a.TargetText, ct);
        var (england, medians, groupName) = await ComparisonsAsync(details, values.Select(v => (v.PeriodId, v.Code)).ToList(), groupCode, ct);

        var format = details.Format;
        var rows = values.Select(v =>
        {
            var targetText = targets.GetValueOrDefault(v.PeriodId) ?? string.Empty;
            var target = Target.Parse(targetText);
            var e = england.TryGetValue(v.PeriodId, out var ev) ? ev : (decimal?)null;
            var (m, n) = medians.TryGetValue(v.PeriodId, out var mv) ? mv : (null, 0);
            var step = steps[ids.IndexOf(v.IndicatorId)];
            var own = step.IndicatorId == details.Id;
            return new TrendRow(
                v.Code,
                v.Label,
                v.Status.HasNumber() ? v.Value : null,
                v.Status,
                Wording.Value(formats[v.IndicatorId], v.Value, v.Status, v.AsPrinted),
                own ? v.Note : string.Join(" ", new[] { v.Note, step.PrintedAs }.Where(t => t.Length > 0)),
                targetText,
                target?.LineValue,
                target is null ? string.Empty : target.Describe(format),
                e,
                e is { } ed ? format.Format(ed) : string.Empty,
                m,
                m is { } md ? format.Format(md) : string.Empty,
                n,
                own ? null : step.Code,
                step.DefinitionsBack);
        }).ToList();

        // The chart draws one target line: the selected period's, else the latest numeric one.
        var lineFrom = rows.FirstOrDefault(r => r.PeriodCode == selected?.Code && r.TargetLine is not null)
                       ?? rows.LastOrDefault(r => r.TargetLine is not null);
        var hasEngland = rows.Any(r => r.England is not null);
        var hasMedian = groupName is not null && rows.Any(r => r.Median is not null);
        var comparisons = new List<TrendChartSeries>();
        if (hasEngland)
        {
            comparisons.Add(new TrendChartSeries("England", rows.Select(r => new TrendChartPoint(r.PeriodLabel, r.England, r.EnglandDisplay)).ToList()));
        }

        if (hasMedian)
        {
            comparisons.Add(new TrendChartSeries($"Median of {IndicatorText.GroupNoun(groupName!)}", rows.Select(r => new TrendChartPoint(r.PeriodLabel, r.Median, r.MedianDisplay)).ToList()));
        }

        var fromZero = StartsAtZero(format.Unit);
        var chart = new TrendChartData(
            $"{details.Title.TrimEnd('.', ' ')}, {details.HomeAreaName}",
            IndicatorText.UnitLabel(format),
            // A figure under an earlier definition is in the table, not on the line: it would draw a change that is not one.
            rows.Select(r => new TrendChartPoint(r.PeriodLabel, r.DefinitionsBack == 0 ? r.Value : null, r.Display)).ToList(),
            lineFrom?.TargetLine,
            lineFrom is null ? null : $"Target {lineFrom.TargetDisplay} ({lineFrom.PeriodLabel})",
            details.HomeAreaName,
            comparisons.Count > 0 ? comparisons : null,
            fromZero);
        var axisNote = fromZero
            ? null
            : "The chart's value axis does not start at zero: this measure (" + IndicatorText.UnitLabel(format).Trim() + ") moves little beside its size, and from zero the changes between years would not show. Read the figures in the table.";
        return new IndicatorTrend(rows, TrendSummary(details, rows), chart, hasEngland, hasMedian ? groupName : null, axisNote);
    }

    /// <summary>Counts, percentages and rates are charted from zero, so a line's height is honest about its size.</summary>
    public static bool StartsAtZero(Unit unit) => unit is Unit.Count or Unit.Percent or Unit.Rate;

    /// <summary>
    /// England's value per period, and per period the median of the comparator group's members holding a value in
    /// the group's version for that period (with how many it is the median of).
    /// </summary>
    private async Task<(Dictionary<int, decimal> England, Dictionary<int, (decimal? Median, int Of)> Medians, string? GroupName)> ComparisonsAsync(
        IndicatorDetails details, IReadOnlyList<(int PeriodId, string Code)> periods, string? groupCode, CancellationToken ct)
    {
        var england = new Dictionary<int, decimal>();
        var medians = new Dictionary<int, (decimal?, int)>();
        if (periods.Count == 0)
        {
            return (england, medians, null);
        }

        var periodIds = periods.Select(p => p.PeriodId).ToArray();
        var all = await db.Values.AsNoTracking()
            .Where(v => v.IndicatorId == details.Id && periodIds.Contains(v.PeriodId) && v.Value != null
                        && ValueStatusText.Ranked.Contains(v.Status))
            .Select(v => new { v.PeriodId, v.AreaId, AreaCode = v.Area.Code, Value = v.Value!.Value })
            .ToListAsync(ct);
        foreach (var v in all.Where(v => v.AreaCode == IndicatorSeries.EnglandAreaCode))
        {
            england[v.PeriodId] = v.Value;
        }

        if (groupCode is null)
        {
            return (england, medians, null);
        }

        var versions = await db.ComparatorGroups.AsNoTracking().Where(g => g.Code == groupCode).Include(g => g.Members).ToListAsync(ct);
        if (versions.Count == 0)
        {
            return (england, medians, null);
        }

        var byPeriod = all.ToLookup(v => v.PeriodId);
        foreach (var (periodId, code) in periods)
        {
            var year = ComparatorGroups.VersionFor(versions.Select(g => g.Year), ReportingPeriod.Parse(code));
            var members = versions.First(g => g.Year == year).Members.Select(m => m.AreaId).ToHashSet();
            var inGroup = byPeriod[periodId].Where(v => members.Contains(v.AreaId)).Select(v => v.Value).ToList();
            if (inGroup.Count >= QuartilePosition.MinimumGroupSize)
            {
                medians[periodId] = (QuartilePosition.Median(inGroup), inGroup.Count);
            }
        }

        return (england, medians, versions[^1].Name);
    }

    /// <summary>
    /// "From 2016/17 to 2017/18 the value rose from 3.6% to 3.7%; lower is better, so this is a deterioration."
    /// The verdict uses the indicator's own no-real-change rule, as the direction of travel does.
    /// </summary>
    public static string TrendSummary(IndicatorDetails details, IReadOnlyList<TrendRow> rows)
    {
        // Figures under an earlier definition are listed but never compared with the current definition's.
        var earlierDefinition = rows.Where(r => r.Value is not null && r.DefinitionsBack > 0).ToList();
        var numbers = rows.Where(r => r.Value is not null && r.DefinitionsBack == 0).ToList();
        if (earlierDefinition.Count > 0)
        {
            var codes = string.Join(" and ", earlierDefinition.Select(r => r.PrintedAs).Distinct());
            var before = $"The definition changed since {codes}, so its figures ({earlierDefinition[0].PeriodLabel} to {earlierDefinition[^1].PeriodLabel}) are listed but not compared with later ones.";
            return numbers.Count == 0 ? before : before + " " + TrendSummary(details, rows.Where(r => r.DefinitionsBack == 0).ToList());
        }

        if (numbers.Count == 0)
        {
            return rows.Count == 0
                ? $"No values are held for {details.HomeAreaName}."
                : $"No figures are held for {details.HomeAreaName}, only states such as \"{rows[^1].Display}\".";
        }

        if (numbers.Count == 1)
        {
            return $"Only one figure is held: {numbers[0].Display} for {numbers[0].PeriodLabel}, so there is no trend yet.";
        }

        var text = Step(details, numbers[0], numbers[^1]);
        if (numbers.Count > 2)
        {
            var latest = Step(details, numbers[^2], numbers[^1]);
            text += " Most recently, " + char.ToLower(latest[0], UK) + latest[1..];
        }

        return text;
    }

    private static string Step(IndicatorDetails details, TrendRow from, TrendRow to)
    {
        var format = details.Format;
        var a = from.Value!.Value;
        var b = to.Value!.Value;
        var rating = DirectionOfTravel.Compute(b, a, details.Polarity, details.NoRealChangeRule, format);
        var moved = format.RoundForDisplay(a) == format.RoundForDisplay(b)
            ? $"the value stayed at {to.Display}"
            : $"the value {(b > a ? "rose" : "fell")} from {from.Display} to {to.Display}";
        var verdict = rating.Direction switch
        {
            Direction.Improved => $"; {details.Polarity.Describe()}, so this is an improvement.",
            Direction.Worse => $"; {details.Polarity.Describe()}, so this is a deterioration.",
            Direction.NoRealChange when rating.Reason == DirectionReason.WithinTolerance => ", within the indicator's tolerance, so this is no real change.",
            Direction.NoRealChange => ": no real change.",
            _ => "; neither higher nor lower is better for this indicator, so this is neither an improvement nor a deterioration.",
        };
        return $"From {from.PeriodLabel} to {to.PeriodLabel} {moved}{verdict}";
    }

    /// <summary>The benchmark for the CSV download: null when the indicator or group is unknown or holds no comparator values.</summary>
    public async Task<IndicatorBenchmark?> BenchmarkAsync(string code, ReportingPeriod period, string? groupCode, CancellationToken ct = default)
    {
        var details = await DetailsAsync(code, ct);
        return details is null ? null : await BenchmarkAsync(details, period, groupCode, strictGroup: true, ct);
    }

    /// <summary>Comparator groups whose members hold values for the indicator and period, beyond the home area's own.</summary>
    public async Task<IReadOnlyList<GroupOption>> GroupsWithValuesAsync(IndicatorDetails details, ReportingPeriod period, CancellationToken ct = default)
    {
        var homeId = await homeArea.IdAsync(ct);
        var withValues = (await db.Values.AsNoTracking()
            .Where(v => v.IndicatorId == details.Id && v.Period.Code == period.Code && v.Value != null && ValueStatusText.Ranked.Contains(v.Status))
            .Select(v => v.AreaId)
            .ToListAsync(ct)).ToHashSet();
        if (withValues.Count == 0)
        {
            return [];
        }

        var groups = await comparatorQueries.LatestGroupsAsync(period, ct);
        var sources = await db.ComparatorGroups.AsNoTracking().Select(g => new { g.Code, g.Year, g.Source }).ToListAsync(ct);
        return groups
            .Select(g => new GroupOption(
                g.Key,
                g.Value.Name,
                g.Value.Year,
                sources.FirstOrDefault(s => s.Code == g.Key && s.Year == g.Value.Year)?.Source ?? string.Empty,
                g.Value.Members.Count,
                g.Value.Members.Count(withValues.Contains)))
            .Where(o => o.WithValues - (groups[o.Code].Members.Contains(homeId) && withValues.Contains(homeId) ? 1 : 0) > 0)
            .OrderByDescending(o => o.Code == details.ComparatorGroupCode)
            .ThenByDescending(o => o.WithValues)
            .ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<IndicatorBenchmark?> BenchmarkAsync(IndicatorDetails details, ReportingPeriod period, string? groupCode, bool strictGroup, CancellationToken ct)
    {
        var groups = await GroupsWithValuesAsync(details, period, ct);
        var (refused, group, notShown) = GroupOption.Choose(groups, groupCode, strictGroup);
        if (refused)
        {
            return null;
        }

        var periodOption = PeriodOption.Of(period);
        if (group is null)
        {
            return new IndicatorBenchmark(details.Code, periodOption, groups, null, notShown, null, [], [], null, string.Empty);
        }

        var view = await comparatorQueries.BenchmarkAsync(details.Code, period, group.Code, ct);
        if (view is null)
        {
            return strictGroup ? null : new IndicatorBenchmark(details.Code, periodOption, groups, null, notShown, null, [], [], null, string.Empty);
        }

        var format = details.Format;
        var rating = view.Rating;
        var quartilesMeaningful = details.Polarity != Polarity.None && rating.GroupSize >= QuartilePosition.MinimumGroupSize;
        var rows = rating.Ranking
            .Select(r => new BenchmarkRow(r.Rank, r.AreaCode, r.AreaName, r.Value, format.Format(r.Value), quartilesMeaningful ? r.Quartile : null, r.AreaCode == details.HomeAreaCode))
            .ToList();
        string[] names = ["1st/2nd quartile", "2nd/3rd quartile", "3rd/4th quartile"];
        var boundaries = rating.Boundaries.Count == 3
            ? rating.Boundaries.Select((b, i) => new BenchmarkBoundary(names[i], b, format.Format(b))).ToList()
            : [];
        var noun = IndicatorText.GroupNoun(group.Name);
        var chart = new BenchmarkChartData(
            $"{details.Title.TrimEnd('.', ' ')}, {period.Label}: {noun}",
            details.HomeAreaName,
            IndicatorText.UnitLabel(format),
            rows.Select(r => new BenchmarkChartBar(r.AreaName, r.Value, r.Display, r.IsHome, r.Quartile)).ToList(),
            boundaries.Count == 3 ? boundaries.Select(b => b.Value).ToList() : null);

        return new IndicatorBenchmark(details.Code, periodOption, groups, group, notShown, rating, rows, boundaries, chart, BenchmarkSummary(details, period, group, rating, rows));
    }

    private static string BenchmarkSummary(IndicatorDetails details, ReportingPeriod period, GroupOption group, QuartileRating rating, IReadOnlyList<BenchmarkRow> rows)
    {
        var noun = IndicatorText.GroupNoun(group.Name);
        var home = rows.FirstOrDefault(r => r.IsHome);
        var text = home is null
            ? $"{rows.Count} {noun} hold a value for {period.Label}; {details.HomeAreaName} does not."
            : $"{details.HomeAreaName} ({home.Display}) ranks {home.Rank} of {rows.Count} {noun} in {period.Label}"
              + (rating.Quartile is { } q ? $": {Wording.Quartile(q)}." : ". " + rating.Explanation);
        if (rows.Count > 1 && details.Polarity != Polarity.None)
        {
            var best = rows[0];
            var worst = rows[^1];
            text += $" The best is {best.AreaName} ({best.Display}) and the worst {worst.AreaName} ({worst.Display}); {details.Polarity.Describe()}.";
        }

        if (group.WithValues < group.Members)
        {
            text += $" {group.WithValues} of the group's {group.Members} members hold a value.";
        }

        return text;
    }

    /// <summary>Changes to this indicator's stored values, newest first: the home area's, or every area's.</summary>
    public async Task<IndicatorHistory> HistoryAsync(IndicatorDetails details, bool allAreas, CancellationToken ct = default)
    {
        var homeId = await homeArea.IdAsync(ct);
        var query = db.ValueHistory.AsNoTracking().Where(h => h.IndicatorId == details.Id);
        var otherChanges = await query.CountAsync(h => h.AreaId != homeId, ct);
        if (!allAreas)
        {
            query = query.Where(h => h.AreaId == homeId);
        }

        var rows = await (
                from h in query
                join a in db.Areas on h.AreaId equals a.Id
                join p in db.Periods on h.PeriodId equals p.Id
                orderby h.ChangedAt descending, p.EndDate descending, a.Name, h.Id descending
                select new
                {
                    p.Label,
                    AreaName = a.Name,
                    a.Id,
                    h.OldValue,
                    h.OldStatus,
                    h.OldAsPrinted,
                    h.NewValue,
                    h.NewStatus,
                    h.NewAsPrinted,
                    h.ChangedAt,
                    h.DataLoad.FileName,
                    h.DataLoad.Kind,
                    h.DataLoad.RevertedAt,
                })
            .ToListAsync(ct);

        var format = details.Format;
        return new IndicatorHistory(
            allAreas,
            rows.Select(r => new HistoryRow(
                r.Label,
                r.AreaName,
                r.Id == homeId,
                r.OldStatus is null ? "None (new value)" : Wording.Value(format, r.OldValue, r.OldStatus, r.OldAsPrinted),
                Wording.Value(format, r.NewValue, r.NewStatus, r.NewAsPrinted),
                r.OldAsPrinted ?? string.Empty,
                r.NewAsPrinted ?? string.Empty,
                r.ChangedAt,
                Wording.DateAndTime(r.ChangedAt),
                r.FileName,
                r.Kind.ToCode(),
                r.RevertedAt is not null)).ToList(),
            otherChanges);
    }
}

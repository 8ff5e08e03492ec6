using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// Builds a committee's report for a quarter from the figures held now (what a draft shows, and what publishing
/// freezes). Every rating comes from <see cref="PerformanceQueries"/>, so a report never disagrees with the dashboards,
/// or, for the comparison with the same quarter last year, from the same domain rule (<see cref="DirectionOfTravel.Compute"/>).
/// </summary>
public sealed class CommitteeReportBuilder(PerformanceDbContext db, PerformanceQueries performance, HomeArea homeArea, CommitteeScopes scopes)
{
    /// <summary>The report for a quarter from the figures held now: what a draft shows, and what publishing freezes.</summary>
    public async Task<CommitteeReportSnapshot> BuildAsync(CommitteeSummary committee, ReportingPeriod quarter, DateTimeOffset preparedAt, CancellationToken ct = default)
    {
        var scope = await scopes.InForceAsync(committee.Id, quarter, ct);
        var ids = scope.Indicators;
        var indicators = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var codes = indicators.Keys.ToList();
        var quarterlyCodes = indicators.Values.Where(i => i.Frequency == Frequency.Quarterly).Select(i => i.Code).ToList();
        var annual = indicators.Values.Where(i => i.Frequency != Frequency.Quarterly).ToList();

        // Rated at the quarter: gives the report's order (theme, dashboard, section) and the quarterly ratings.
        var atQuarter = await performance.RateIndicatorsAsync(codes, quarter, ct);
        var lastYearPeriod = quarter.SamePeriodLastYear();
        var lastYear = quarterlyCodes.Count == 0
            ? new Dictionary<string, RatedIndicator>(StringComparer.Ordinal)
            : (await performance.RateIndicatorsAsync(quarterlyCodes, lastYearPeriod, ct)).ToDictionary(r => r.Code, StringComparer.Ordinal);

        // Annual indicators: their latest annual figure whose period ended on or before the quarter's end.
        var annualPeriods = await LatestAnnualPeriodsAsync(annual, quarter, ct);
        var annualRated = new Dictionary<string, (RatedIndicator Row, ReportingPeriod Period)>(StringComparer.Ordinal);
        foreach (var group in annual.GroupBy(i => annualPeriods[i.Code]))
        {
            foreach (var row in await performance.RateIndicatorsAsync(group.Select(i => i.Code).ToList(), group.Key, ct))
            {
                annualRated[row.Code] = (row, group.Key);
            }
        }

        var definitionChanged = (await db.Assessments.AsNoTracking()
                .Where(a => ids.Contains(a.IndicatorId) && a.DefinitionChanged && db.Periods.Any(p => p.Id == a.PeriodId && p.Code == quarter.Code))
                .Select(a => a.IndicatorId).ToListAsync(ct))
            .ToHashSet();

        var periodCodes = new HashSet<string>(StringComparer.Ordinal) { quarter.Code, quarter.Previous().Code, lastYearPeriod.Code };
        foreach (var p in annualPeriods.Values)
        {
            periodCodes.Add(p.Code);
            periodCodes.Add(p.Previous().Code);
        }

        var illustrative = await IllustrativeValuesAsync(ids, periodCodes, ct);

        var rows = new List<CommitteeReportRow>();
        foreach (var rated in atQuarter)
        {
            var indicator = indicators[rated.Code];
            if (indicator.Frequency == Frequency.Quarterly)
            {
                lastYear.TryGetValue(rated.Code, out var ly);
                var lastYearValue = ly?.Current;
                var vsLastYear = DirectionOfTravel.Compute(
                    Usable(rated.Current), Usable(lastYearValue), rated.Polarity, indicator.NoRealChangeRule, rated.Format,
                    definitionChanged.Contains(indicator.Id) || rated.Current?.Status == ValueStatus.NotComparable);
                rows.Add(Row(rated, quarter, quarter.Previous(), lastYearPeriod, lastYearValue, vsLastYear, illustrative, indicator.Id));
            }
            else
            {
                var (row, period) = annualRated[rated.Code];
                rows.Add(Row(row, period, period.Previous(), null, null, null, illustrative, indicator.Id));
            }
        }

        var prompts = await db.QuestioningPrompts.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.SortOrder).ToListAsync(ct);
        var quarterlyRows = rows.Where(r => r.IsQuarterly && r.Current is not null).ToList();
        var annualRows = rows.Where(r => !r.IsQuarterly && r.Current is not null).ToList();
        return new CommitteeReportSnapshot(
            CommitteeReportSnapshot.CurrentVersion,
            committee.Slug,
            committee.Title,
            quarter.Code,
            quarter.Label,
            quarter.LongLabel,
            quarter.Previous().Label,
            lastYearPeriod.Label,
            preparedAt,
            rows,
            DirectionCounts.Count(quarterlyRows.Select(r => ParseDirection(r.VsPrevious.Code))).Sentence("quarterly indicators with a figure for " + quarter.Label),
            DirectionCounts.Count(annualRows.Select(r => ParseDirection(r.VsPrevious.Code))).Sentence("annual indicators with a latest figure"),
            QuartileCounts.Count(rows.Where(r => r.Current is not null).Select(r => r.QuartileWorst)).Sentence(),
            prompts.Where(p => p.Kind == PromptKind.Introduction).Select(p => p.Text).ToList(),
            prompts.Where(p => p.Kind == PromptKind.Prompt).Select(p => p.Text).ToList(),
            scope.Note);
    }

    private static CommitteeReportRow Row(
        RatedIndicator rated,
        ReportingPeriod period,
        ReportingPeriod previous,
        ReportingPeriod? lastYearPeriod,
        ShownValue? lastYearValue,
        DirectionRating? vsLastYear,
        HashSet<(int, string)> illustrative,
        int indicatorId)
    {
        CommitteeReportCell? Cell(ShownValue? value, ReportingPeriod p) => value is null
            ? null
            : new CommitteeReportCell(p.Code, p.Label, value.Number, value.Status.ToCode(), value.Display, value.Note, illustrative.Contains((indicatorId, p.Code)));

        var reasons = ExceptionsReport.ReasonWords(rated.Exceptions, previous.Label);

        return new CommitteeReportRow(
            rated.Code,
            rated.Title,
            rated.DashboardSlug,
            rated.DashboardTitle,
            rated.Section,
            (lastYearPeriod is null ? Frequency.Annual : Frequency.Quarterly).ToCode(),
            rated.StrategicPlan,
            Wording.Polarity(rated.Polarity),
            Cell(rated.Current, period) ?? CommitteeReportCell.Missing(period),
            Cell(rated.Previous, previous) ?? CommitteeReportCell.Missing(previous),
            lastYearPeriod is null ? null : Cell(lastYearValue, lastYearPeriod) ?? CommitteeReportCell.Missing(lastYearPeriod),
            ToDirection(rated.Direction),
            vsLastYear is null ? null : ToDirection(vsLastYear),
            Wording.Target(rated.TargetText, rated.Format),
            rated.Target.Status.ToCode(),
            rated.Target.Explanation,
            rated.QuartileLabel,
            rated.QuartileWorst,
            rated.QuartileReason,
            rated.Marker.Marker.ToCode(),
            rated.Marker.Marker.Words(),
            rated.Marker.Explanation,
            rated.Commentary,
            reasons);
    }

    private static CommitteeDirection ToDirection(DirectionRating rating) =>
        new(rating.Direction.ToCode(), rating.Direction.Words(), rating.Direction.Arrow(), rating.Explanation);

    private static Direction ParseDirection(string code) => Badges.FromCode(code, d => d.ToCode(), Domain.Ratings.Direction.NotDetermined);

    /// <summary>A number the ratings may use: the domain's rule for which states carry one.</summary>
    private static decimal? Usable(ShownValue? value) =>
        value is { Number: { } n } && value.Status.HasNumber() ? n : null;

    /// <summary>For each annual indicator, the latest period with a home-area value that ended on or before the quarter's end.</summary>
    private async Task<Dictionary<string, ReportingPeriod>> LatestAnnualPeriodsAsync(List<Indicator> annual, ReportingPeriod quarter, CancellationToken ct)
    {
        var homeId = await homeArea.IdAsync(ct);
        var ids = annual.Select(i => i.Id).ToArray();
        var end = quarter.End;
        var held = await db.Values.AsNoTracking()
            .Where(v => v.AreaId == homeId && ids.Contains(v.IndicatorId) && v.Period.EndDate <= end && v.Period.Kind != PeriodKind.FinancialQuarter)
            .Select(v => new { v.IndicatorId, v.Period.Code })
            .ToListAsync(ct);

        // With nothing held, the last financial year ended by the quarter's end (shown as "No data").
        var fallback = ReportingPeriod.FinancialYear(quarter.Year);
        if (fallback.End > end)
        {
            fallback = fallback.Previous();
        }

        return annual.ToDictionary(
            i => i.Code,
            i => held.Where(h => h.IndicatorId == i.Id).Select(h => ReportingPeriod.Parse(h.Code)).Max() ?? fallback,
            StringComparer.Ordinal);
    }

    /// <summary>(indicator, period) pairs whose home-area value was written by a load of illustrative figures.</summary>
    private async Task<HashSet<(int, string)>> IllustrativeValuesAsync(int[] indicatorIds, HashSet<string> periodCodes, CancellationToken ct)
    {
        var homeId = await homeArea.IdAsync(ct);
        var codes = periodCodes.ToArray();
        var pairs = await (
                from v in db.Values.AsNoTracking()
                join l in db.DataLoads.AsNoTracking() on v.DataLoadId equals l.Id
                where v.AreaId == homeId && indicatorIds.Contains(v.IndicatorId) && codes.Contains(v.Period.Code) && EF.Property<bool>(l, "IsIllustrative")
                select new { v.IndicatorId, v.Period.Code })
            .ToListAsync(ct);
        return pairs.Select(p => (p.IndicatorId, p.Code)).ToHashSet();
    }
}

using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// The funding page: Core Spending Power per head for every authority held, the home area's rank in a comparator
/// group, "if we were funded like X" and the home area's spend per head by service. Rankings and ratings come
/// from <see cref="PerformanceQueries"/>, the arithmetic from <see cref="FundingComparison"/>.
/// </summary>
public sealed class FundingQueries(PerformanceDbContext db, PerformanceQueries performance, ComparatorQueries comparatorQueries, HomeArea homeArea, IndicatorQueries indicators, IndicatorBenchmarks benchmarks)
{
    /// <summary>Core Spending Power per head of population.</summary>
    public const string CoreSpendingPowerCode = "FF01";

        /// <summary>Periods in which more than one authority has a Core Spending Power figure, latest first.</summary>
    public async Task<IReadOnlyList<PeriodOption>> PeriodsAsync(int indicatorId, CancellationToken ct = default)
    {
        var counts = await db.Values.AsNoTracking()
            .Where(v => v.IndicatorId == indicatorId && v.Value != null && ValueStatusText.Ranked.Contains(v.Status))
            .GroupBy(v => v.Period.Code)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return counts.Where(c => c.Count > 1)
            .Select(c => ReportingPeriod.Parse(c.Code))
            .OrderDescending()
            .Select(PeriodOption.Of)
            .ToList();
    }

    /// <summary>
    /// Null when the indicator is not in the catalogue or no period has figures for more than one authority.
    /// An unknown <paramref name="groupCode"/> or <paramref name="compareCode"/> falls back to the default and is reported in the view.
    /// </summary>
    public async Task<FundingPageView?> PageAsync(ReportingPeriod? period, string? groupCode, string? compareCode, CancellationToken ct = default)
    {
        var details = await indicators.DetailsAsync(CoreSpendingPowerCode, ct);
        if (details is null)
        {
            return null;
        }

        var periods = await PeriodsAsync(details.Id, ct);
        period ??= periods.Count > 0 ? ReportingPeriod.Parse(periods[0].Code) : null;
        if (period is null)
        {
            return null;
        }

        var ranking = await RankingAsync(details, period, groupCode, strictGroup: false, ct);
        if (ranking is null)
        {
            return null;
        }

        var (groups, group, notShown, rating, rows, boundaries, homePerHead, population) = ranking.Value;
        var homeName = details.HomeAreaName;

        // "Compare with" offers every authority holding a figure this period, whatever the group.
        var compareOptions = await db.Values.AsNoTracking()
            .Where(v => v.IndicatorId == details.Id && v.Period.Code == period.Code && v.Value != null && ValueStatusText.Ranked.Contains(v.Status) && v.Area.Code != homeArea.Code)
            .OrderBy(v => v.Area.Name)
            .Select(v => new { v.Area.Code, v.Area.Name, Value = v.Value!.Value })
            .ToListAsync(ct);

        string? compareNotShown = null;
        var chosen = string.IsNullOrWhiteSpace(compareCode) ? null : compareOptions.FirstOrDefault(o => o.Code == compareCode.Trim());
        if (chosen is null && !string.IsNullOrWhiteSpace(compareCode))
        {
            compareNotShown = compareCode.Trim();
        }

        // By default compare with the best-funded member of the group.
        chosen ??= rows.Count > 0 && !rows[0].IsHome ? compareOptions.FirstOrDefault(o => o.Code == rows[0].AreaCode) : null;
        var comparison = chosen is not null && homePerHead is { } ours && population is not null
            ? new FundingComparison(homeName, ours, chosen.Name, chosen.Value, population.Population)
            : null;

        var format = details.Format;
        var noun = IndicatorText.GroupNoun(group.Name);
        var chart = new BenchmarkChartData(
            $"{details.Title}, {period.Label}: {noun}",
            homeName,
            IndicatorText.UnitLabel(format),
            rows.Select(r => new BenchmarkChartBar(r.AreaName, r.PerHead, r.PerHeadDisplay, r.IsHome, r.Quartile, r.AuthorityType.Colour, r.AuthorityType.Name)).ToList(),
            boundaries.Count > 0 ? boundaries.Select(b => b.Value).ToList() : null);

        var (servicesPeriod, services) = await ServicesAsync(details, ct);
        return new FundingPageView(
            details,
            PeriodOption.Of(period),
            periods,
            groups,
            group,
            notShown,
            homeName,
            homePerHead,
            population,
            rating,
            RankSentence(homeName, group, rating, rows, period),
            rows,
            boundaries,
            chart,
            compareOptions.Select(o => new AuthorityOption(o.Code, o.Name, format.Format(o.Value))).ToList(),
            chosen?.Code,
            comparison,
            compareNotShown,
            servicesPeriod,
            services);
    }

    /// <summary>The ranking alone, for the CSV download: null for an unknown period or group.</summary>
    public async Task<(GroupOption Group, PeriodOption Period, IReadOnlyList<FundingRow> Rows)?> RankingForCsvAsync(ReportingPeriod? period, string? groupCode, CancellationToken ct = default)
    {
        var details = await indicators.DetailsAsync(CoreSpendingPowerCode, ct);
        if (details is null)
        {
            return null;
        }

        if (period is null)
        {
            var periods = await PeriodsAsync(details.Id, ct);
            period = periods.Count > 0 ? ReportingPeriod.Parse(periods[0].Code) : null;
        }

        var ranking = period is null ? null : await RankingAsync(details, period, groupCode, strictGroup: true, ct);
        return ranking is { } r ? (r.Group, PeriodOption.Of(period!), r.Rows) : null;
    }

    private async Task<(IReadOnlyList<GroupOption> Groups, GroupOption Group, string? NotShown, QuartileRating Rating, IReadOnlyList<FundingRow> Rows, IReadOnlyList<BenchmarkBoundary> Boundaries, decimal? HomePerHead, FundingPopulation? Population)?> RankingAsync(
        IndicatorDetails details, ReportingPeriod period, string? groupCode, bool strictGroup, CancellationToken ct)
    {
        var groups = await GroupsAsync(details, period, ct);
        var (refused, group, notShown) = GroupOption.Choose(groups, groupCode, strictGroup);
        if (refused)
        {
            return null;
        }

        if (group is null)
        {
            return null;
        }

        var view = await comparatorQueries.BenchmarkAsync(details.Code, period, group.Code, ct);
        if (view is null)
        {
            return null;
        }

        var format = details.Format;
        var population = await PopulationAsync(ct);
        var home = view.Rating.Ranking.FirstOrDefault(r => r.AreaCode == homeArea.Code);
        var quartilesMeaningful = view.Rating.GroupSize >= QuartilePosition.MinimumGroupSize;
        var codes = view.Rating.Ranking.Select(r => r.AreaCode).ToList();
        var types = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.AuthorityType, ct);
        var rows = view.Rating.Ranking.Select(r =>
        {
            decimal? difference = home is null ? null : r.Value - home.Value;
            decimal? additional = difference is { } d && population is not null ? d * population.Population : null;
            return new FundingRow(
                r.Rank,
                r.AreaCode,
                r.AreaName,
                r.Value,
                format.Format(r.Value),
                difference,
                difference is { } dd ? FundingComparison.Pounds(dd) : "Not available",
                additional,
                additional is { } a ? FundingComparison.Millions(a) : "Not available",
                quartilesMeaningful ? r.Quartile : null,
                r.AreaCode == homeArea.Code,
                AuthorityTypes.Of(types.GetValueOrDefault(r.AreaCode, string.Empty)));
        }).ToList();

        var boundaries = BenchmarkBoundary.Of(view.Rating.Boundaries, format);
        return (groups, group, notShown, view.Rating, rows, boundaries, home?.Value, population);
    }

    /// <summary>Comparator groups that include the home area and hold figures for it and at least one other member; the largest first.</summary>
    private async Task<IReadOnlyList<GroupOption>> GroupsAsync(IndicatorDetails details, ReportingPeriod period, CancellationToken ct)
    {
        var homeId = await homeArea.IdAsync(ct);
        var all = await benchmarks.GroupsWithValuesAsync(details, period, ct);
        var groups = await comparatorQueries.LatestGroupsAsync(period, ct);
        return all
            .Where(g => groups.TryGetValue(g.Code, out var grp) && grp.Members.Contains(homeId))
            .OrderByDescending(g => g.WithValues)
            .ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The home area's latest mid-year population estimate.</summary>
    public async Task<FundingPopulation?> PopulationAsync(CancellationToken ct = default) =>
        await db.AreaPopulations.AsNoTracking()
            .Where(p => db.Areas.Any(a => a.Id == p.AreaId && a.Code == homeArea.Code))
            .OrderByDescending(p => p.Year)
            .Select(p => new FundingPopulation(p.Population, p.Year, p.Source))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// Spend per head by service: the other "… per head" money indicators on Core Spending Power's own dashboard,
    /// rated for the latest period holding the home area's figures, with their quartiles as reported.
    /// </summary>
    private async Task<(PeriodOption? Period, IReadOnlyList<RatedIndicator> Rows)> ServicesAsync(IndicatorDetails details, CancellationToken ct)
    {
        var homeId = await homeArea.IdAsync(ct);
        var codes = await db.Indicators.AsNoTracking()
            .Where(i => i.Dashboard.Slug == details.DashboardSlug && i.Code != details.Code && i.Unit == Unit.Currency
                        && EF.Functions.ILike(i.Title, "%per head%"))
            .OrderBy(i => i.SortOrder)
            .Select(i => i.Code)
            .ToListAsync(ct);
        if (codes.Count == 0)
        {
            return (null, []);
        }

        var periodCodes = await db.Values.AsNoTracking()
            .Where(v => v.AreaId == homeId && codes.Contains(v.Indicator.Code) && v.Value != null)
            .Select(v => v.Period.Code)
            .Distinct()
            .ToListAsync(ct);
        if (periodCodes.Count == 0)
        {
            return (null, []);
        }

        var latest = periodCodes.Select(ReportingPeriod.Parse).Max()!;
        var rated = await performance.RateIndicatorsAsync(codes, latest, ct);
        return (PeriodOption.Of(latest), rated);
    }

    private static string RankSentence(string homeName, GroupOption group, QuartileRating rating, IReadOnlyList<FundingRow> rows, ReportingPeriod period)
    {
        var home = rows.FirstOrDefault(r => r.IsHome);
        var noun = IndicatorText.GroupNoun(group.Name);
        if (home is null)
        {
            return $"{homeName} has no Core Spending Power figure for {period.Label}, so it cannot be ranked among {noun}.";
        }

        var quartile = rating.Quartile is { } q
            ? $" That is the {Wording.Ordinal(q)} quartile{(q == 4 ? ", the lowest-funded quarter" : q == 1 ? ", the best-funded quarter" : string.Empty)}."
            : string.Empty;
        return $"{homeName} is ranked {home.Rank} of {rows.Count} {noun} for Core Spending Power per head in {period.Label} "
               + $"(1 is the best funded).{quartile}";
    }
}

using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// The indicator page's benchmark: which comparator groups hold values for a period, and the chosen group's ranking,
/// quartile boundaries, chart and summary sentence, from <see cref="ComparatorQueries"/> (the figures the dashboards show).
/// </summary>
public sealed class IndicatorBenchmarks(PerformanceDbContext db, HomeArea homeArea, ComparatorQueries comparatorQueries)
{
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

    /// <summary>
    /// The ranking of <paramref name="groupCode"/> (null: the indicator's own group, else the first holding values) for
    /// the period. With <paramref name="strictGroup"/> (the CSV download) an unknown group or one without comparator
    /// values gives null; the page instead shows the groups it can, saying which was asked for and not shown.
    /// </summary>
    public async Task<IndicatorBenchmark?> BenchmarkAsync(IndicatorDetails details, ReportingPeriod period, string? groupCode, bool strictGroup, CancellationToken ct = default)
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
        var boundaries = BenchmarkBoundary.Of(rating.Boundaries, format);
        var noun = IndicatorText.GroupNoun(group.Name);
        var chart = new BenchmarkChartData(
            $"{details.Title.TrimEnd('.', ' ')}, {period.Label}: {noun}",
            details.HomeAreaName,
            IndicatorText.UnitLabel(format),
            rows.Select(r => new BenchmarkChartBar(r.AreaName, r.Value, r.Display, r.IsHome, r.Quartile)).ToList(),
            boundaries.Count > 0 ? boundaries.Select(b => b.Value).ToList() : null);

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
}

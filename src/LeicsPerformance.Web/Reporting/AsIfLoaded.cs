using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Imports;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// A checked return's values and assessments standing in for the stored ones, so that
/// <see cref="PerformanceQueries.RateAsIfLoadedAsync"/> rates indicators as the dashboards would once the file is
/// confirmed, with nothing written (the returns preview). Values replace the stored value for their indicator, area and
/// period (every area's: other councils' figures move the quartile); an assessment's cells replace the stored ones
/// only where given, as the commit writes them (a blank cell leaves what is stored alone).
/// </summary>
public sealed class AsIfLoaded
{
    private readonly ILookup<int, ReturnLine> byIndicator;
    private readonly IReadOnlyDictionary<int, string> areaCodes;

    /// <param name="lines">The file's values (one per indicator, area and period, as a plan holds them).</param>
    /// <param name="areaCodes">Every area's code by id: a comparator's value is ranked by its code.</param>
    public AsIfLoaded(IEnumerable<ReturnLine> lines, IReadOnlyDictionary<int, string> areaCodes)
    {
        byIndicator = lines.ToLookup(l => l.IndicatorId);
        this.areaCodes = areaCodes;
    }

    /// <summary>The file's values for these indicators (any area, any period).</summary>
    public IEnumerable<ReturnLine> ValuesFor(IEnumerable<int> indicatorIds) => indicatorIds.SelectMany(id => byIndicator[id]);

    /// <summary>The file's row giving an assessment for the indicator in the period's column, if any.</summary>
    public ReturnLine? AssessmentFor(int indicatorId, ReportingPeriod column) =>
        byIndicator[indicatorId].FirstOrDefault(l => l.Assessment is not null && l.AssessmentPeriod.Code == column.Code);

    public string AreaCode(int areaId) => areaCodes.TryGetValue(areaId, out var code) ? code : areaId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether a value in the file's state is one a comparator ranking counts (as the stored ones are filtered).</summary>
    public static bool IsRanked(ReturnLine line) => line.Value is not null && line.Status.IsRanked();
}

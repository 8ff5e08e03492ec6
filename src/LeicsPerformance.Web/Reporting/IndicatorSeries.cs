using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// An indicator's history for the council: every period held (across the editions its lineage joins) with its
/// direction against the one before, the quartile the source reported, and where its figures came from (ONS, an
/// illustrative sample).
/// </summary>
public sealed class IndicatorSeries(PerformanceDbContext db, HomeArea home)
{
    /// <summary>England's ONS code: its value is drawn beside the council's on long trends.</summary>
    public const string EnglandAreaCode = "E92000001";

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
        var homeId = await home.IdAsync(ct);
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
                    StoredValues.UsableNumber(r.Value, r.Status),
                    b is null ? null : StoredValues.UsableNumber(b.Value, b.Status),
                    indicator.Polarity,
                    indicator.NoRealChangeRule,
                    format,
                    r.Status == ValueStatus.NotComparable || definitionChanged,
                    StoredValues.IntervalOf(format, r.LowerLimit, r.UpperLimit, r.Numerator, r.Denominator),
                    b is null ? null : StoredValues.IntervalOf(formats[b.IndicatorId], b.LowerLimit, b.UpperLimit, b.Numerator, b.Denominator));
                var note = step is null ? r.Note : string.Join(" ", new[] { r.Note, step.PrintedAs }.Where(n => n.Length > 0));
                var shown = StoredValues.ShowValue(format, r.Value, r.Status, note, r.AsPrinted, x.Period);
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
}

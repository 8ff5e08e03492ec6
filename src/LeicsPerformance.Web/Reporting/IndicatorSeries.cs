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
        var values = await HomeValuesAsync(indicator.Id, line, ct);
        var byCode = values.ToDictionary(v => v.Period.Code, StringComparer.Ordinal);
        return values
            .Select(r =>
            {
                byCode.TryGetValue(r.Period.Previous().Code, out var b);
                var definitionChanged = b is not null && b.DefinitionsBack != r.DefinitionsBack;
                var direction = DirectionOfTravel.Compute(
                    StoredValues.UsableNumber(r.Value, r.Status),
                    b is null ? null : StoredValues.UsableNumber(b.Value, b.Status),
                    indicator.Polarity,
                    indicator.NoRealChangeRule,
                    r.Format,
                    r.Status == ValueStatus.NotComparable || definitionChanged,
                    StoredValues.IntervalOf(r.Format, r.LowerLimit, r.UpperLimit, r.Numerator, r.Denominator),
                    b is null ? null : StoredValues.IntervalOf(b.Format, b.LowerLimit, b.UpperLimit, b.Numerator, b.Denominator));
                var shown = StoredValues.ShowValue(r.Format, r.Value, r.Status, r.NoteWithOrigin, r.AsPrinted ?? string.Empty, r.Period);
                return new SeriesPoint(r.Period, shown, r.LowerLimit, r.UpperLimit, r.Numerator, r.Denominator, direction, r.Earlier?.Code ?? indicator.Code);
            })
            .ToList();
    }

    /// <summary>
    /// The values held for the home area across the measure's line, one per period, oldest first: a period held by
    /// several indicators of <paramref name="line"/> is taken from the latest of them (the indicator itself first).
    /// Without a line, the indicator's own values.
    /// </summary>
    public async Task<IReadOnlyList<LineValue>> HomeValuesAsync(int indicatorId, IndicatorLine? line, CancellationToken ct = default)
    {
        var homeId = await home.IdAsync(ct);
        var earlier = (line?.SelfAndEarlier ?? []).Where(s => s.IndicatorId != indicatorId).Prepend(null).ToList();
        var ids = earlier.Select(s => s?.IndicatorId ?? indicatorId).ToList();
        var values = await db.Values.AsNoTracking()
            .Where(v => ids.Contains(v.IndicatorId) && v.AreaId == homeId)
            .Select(v => new { v.IndicatorId, v.PeriodId, v.Period.Code, v.Value, v.Status, v.Note, v.AsPrinted, v.LowerLimit, v.UpperLimit, v.Numerator, v.Denominator })
            .ToListAsync(ct);
        var formats = (await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct))
            .ToDictionary(i => i.Id, i => i.Format());
        return values
            .GroupBy(v => v.PeriodId)
            .Select(g => g.OrderBy(v => ids.IndexOf(v.IndicatorId)).First())
            .Select(v => new LineValue(
                ReportingPeriod.Parse(v.Code),
                v.PeriodId,
                earlier[ids.IndexOf(v.IndicatorId)],
                formats[v.IndicatorId],
                v.Value,
                v.Status,
                v.Note,
                v.AsPrinted,
                v.LowerLimit,
                v.UpperLimit,
                v.Numerator,
                v.Denominator))
            .OrderBy(v => v.Period)
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

/// <summary>
/// One period's value for the home area on a measure's line. <see cref="Earlier"/> is the earlier indicator it was
/// printed under, null when the indicator itself holds it; <see cref="Format"/> is that indicator's.
/// </summary>
public sealed record LineValue(
    ReportingPeriod Period,
    int PeriodId,
    LineageStep? Earlier,
    ValueFormat Format,
    decimal? Value,
    ValueStatus Status,
    string Note,
    string? AsPrinted,
    decimal? LowerLimit,
    decimal? UpperLimit,
    decimal? Numerator,
    decimal? Denominator)
{
    /// <summary>How many definitions back the figure is: 0 for the current definition.</summary>
    public int DefinitionsBack => Earlier?.DefinitionsBack ?? 0;

    /// <summary>The value's note, followed for an earlier indicator's figure by where it was printed.</summary>
    public string NoteWithOrigin => Earlier is null ? Note : string.Join(" ", new[] { Note, Earlier.PrintedAs }.Where(t => t.Length > 0));
}

using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>The indicator page's value history: changes to an indicator's stored values, newest first, with the load that made each.</summary>
public sealed class ValueHistoryQueries(PerformanceDbContext db, HomeArea homeArea)
{
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

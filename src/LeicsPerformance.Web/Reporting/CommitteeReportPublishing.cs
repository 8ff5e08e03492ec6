using System.Globalization;
using System.Text.Json;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// Publishing a committee's report: freezing it as a snapshot (a version of record, never overwritten), reading it
/// back, and what has been revised in the database since it was published.
/// </summary>
public sealed class CommitteeReportPublishing(PerformanceDbContext db, HomeArea homeArea, CommitteeReportBuilder builder, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);


    public async Task<PublishedCommitteeReport?> PublishedAsync(int committeeId, ReportingPeriod quarter, CancellationToken ct = default) =>
        await db.CommitteeReports.AsNoTracking().FirstOrDefaultAsync(r => r.CommitteeId == committeeId && r.PeriodCode == quarter.Code, ct);

    public static CommitteeReportSnapshot ReadSnapshot(PublishedCommitteeReport report) =>
        JsonSerializer.Deserialize<CommitteeReportSnapshot>(report.Snapshot, Json)
        ?? throw new InvalidOperationException($"Published report {report.Id.ToString(CultureInfo.InvariantCulture)} has an empty snapshot.");

    /// <summary>
    /// Freezes the report as it stands now. Returns null if this quarter's report is already published: a published
    /// report is a version of record and is never overwritten.
    /// </summary>
    public async Task<PublishedCommitteeReport?> PublishAsync(CommitteeSummary committee, ReportingPeriod quarter, string publishedBy, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var snapshot = await builder.BuildAsync(committee, quarter, now, ct);
        var report = new PublishedCommitteeReport
        {
            CommitteeId = committee.Id,
            PeriodCode = quarter.Code,
            Snapshot = JsonSerializer.Serialize(snapshot, Json),
            PublishedAt = now,
            PublishedBy = publishedBy,
        };
        db.CommitteeReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return null;
        }

        db.ChangeTracker.Clear();
        return report;
    }

    /// <summary>
    /// For each value in a published report, what is stored now if it differs: "was X, now Y", with the date of the
    /// change. Keyed by <see cref="CommitteeReportPage.RevisionKey"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, CellRevision>> RevisionsAsync(CommitteeReportSnapshot snapshot, DateTimeOffset publishedAt, CancellationToken ct = default)
    {
        var cells = snapshot.Rows.SelectMany(r => r.Cells.Select(c => (r.Code, Cell: c))).ToList();
        var codes = cells.Select(c => c.Code).Distinct().ToArray();
        var periods = cells.Select(c => c.Cell.PeriodCode).Distinct().ToArray();
        var homeId = await homeArea.IdAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var now = (await db.Values.AsNoTracking()
                .Where(v => v.AreaId == homeId && codes.Contains(v.Indicator.Code) && periods.Contains(v.Period.Code))
                .Select(v => new { v.Indicator.Code, PeriodCode = v.Period.Code, v.Value, v.Status, v.AsPrinted, v.UpdatedAt })
                .ToListAsync(ct))
            .ToDictionary(v => (v.Code, v.PeriodCode));
        var codeOf = indicators.Values.ToDictionary(i => i.Id, i => i.Code);
        var indicatorIds = codeOf.Keys.ToArray();
        var periodOf = await db.Periods.AsNoTracking().Where(p => periods.Contains(p.Code)).ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        var periodIds = periodOf.Keys.ToArray();
        var changes = (await db.ValueHistory.AsNoTracking()
                .Where(h => h.AreaId == homeId && h.ChangedAt > publishedAt && indicatorIds.Contains(h.IndicatorId) && periodIds.Contains(h.PeriodId))
                .Select(h => new { h.IndicatorId, h.PeriodId, h.ChangedAt })
                .ToListAsync(ct))
            .GroupBy(h => (codeOf[h.IndicatorId], periodOf[h.PeriodId]))
            .ToDictionary(g => g.Key, g => g.Max(h => h.ChangedAt));

        var result = new Dictionary<string, CellRevision>(StringComparer.Ordinal);
        foreach (var (code, cell) in cells)
        {
            now.TryGetValue((code, cell.PeriodCode), out var stored);
            var wasNumber = cell.IsMissing ? null : cell.Number;
            var wasStatus = cell.IsMissing ? null : cell.Status;
            if (stored?.Value == wasNumber && stored?.Status.ToCode() == wasStatus)
            {
                continue;
            }

            var nowText = stored is null || !indicators.TryGetValue(code, out var indicator)
                ? "no value"
                : Wording.Value(indicator.Format(), stored.Value, stored.Status, stored.AsPrinted);
            var wasText = wasStatus is null ? "no value" : cell.Display;
            DateTimeOffset? changedAt = changes.TryGetValue((code, cell.PeriodCode), out var at) ? at : stored?.UpdatedAt;
            result[CommitteeReportPage.RevisionKey(code, cell.PeriodCode)] = new CellRevision(wasText, nowText, changedAt);
        }

        return result;
    }
}

using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// The committees: the list with each one's latest published report and meetings, a committee's page (remit, scope,
/// meetings, the quarters with a report), and the meeting that considers a quarter. The reports themselves are built
/// by <see cref="CommitteeReportBuilder"/>, published by <see cref="CommitteeReportPublishing"/>, and the members'
/// questions kept by <see cref="CommitteeQuestions"/>.
/// </summary>
public sealed class CommitteeQueries(PerformanceDbContext db, HomeArea homeArea, CommitteeScopes scopes)
{
    public async Task<IReadOnlyList<CommitteeListItem>> ListAsync(DateOnly today, CancellationToken ct = default)
    {
        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Title).ToListAsync(ct);
        var published = await db.CommitteeReports.AsNoTracking()
            .Select(r => new { r.CommitteeId, r.PeriodCode, r.PublishedAt })
            .ToListAsync(ct);
        var meetings = await db.CommitteeMeetings.AsNoTracking().ToListAsync(ct);
        return committees.Select(c =>
        {
            var latest = published.Where(p => p.CommitteeId == c.Id)
                .Select(p => new CommitteeQuarter(ReportingPeriod.Parse(p.PeriodCode), true, p.PublishedAt))
                .MaxBy(q => q.Period);
            var next = meetings.Where(m => m.CommitteeId == c.Id && m.MeetingDate >= today).OrderBy(m => m.MeetingDate).Select(Meeting).FirstOrDefault();
            var last = meetings.Where(m => m.CommitteeId == c.Id && m.MeetingDate < today).OrderByDescending(m => m.MeetingDate).Select(Meeting).FirstOrDefault();
            return new CommitteeListItem(Summary(c), latest, next, last);
        }).ToList();
    }

    public async Task<CommitteeSummary?> FindAsync(string slug, CancellationToken ct = default)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        return committee is null ? null : Summary(committee);
    }

    public async Task<CommitteePage> PageAsync(CommitteeSummary committee, bool showDrafts, CancellationToken ct = default)
    {
        var scope = await scopes.ItemsAsync(committee.Id, ct);
        var meetings = (await db.CommitteeMeetings.AsNoTracking().Where(m => m.CommitteeId == committee.Id).OrderBy(m => m.MeetingDate).ToListAsync(ct))
            .Select(Meeting).ToList();
        var quarters = await QuartersAsync(committee.Id, showDrafts, meetings, ct);
        return new CommitteePage(committee, scope, meetings, quarters, showDrafts);
    }

    /// <summary>Published quarters; with drafts, also every quarter holding figures for the committee's quarterly indicators, or a meeting.</summary>
    private async Task<IReadOnlyList<CommitteeQuarter>> QuartersAsync(int committeeId, bool showDrafts, IReadOnlyList<CommitteeMeetingView> meetings, CancellationToken ct)
    {
        var published = (await db.CommitteeReports.AsNoTracking().Where(r => r.CommitteeId == committeeId)
                .Select(r => new { r.PeriodCode, r.PublishedAt }).ToListAsync(ct))
            .ToDictionary(r => r.PeriodCode, r => r.PublishedAt, StringComparer.Ordinal);
        var codes = new HashSet<string>(published.Keys, StringComparer.Ordinal);
        if (showDrafts)
        {
            var ids = await scopes.IndicatorIdsAsync(committeeId, ct);
            var homeId = await homeArea.IdAsync(ct);
            var withData = await db.Values.AsNoTracking()
                .Where(v => v.AreaId == homeId && ids.Contains(v.IndicatorId) && v.Indicator.Frequency == Frequency.Quarterly)
                .Select(v => v.Period.Code).Distinct().ToListAsync(ct);
            codes.UnionWith(withData);
            codes.UnionWith(meetings.Where(m => m.ConsidersPeriodCode is not null).Select(m => m.ConsidersPeriodCode!));
        }

        return codes.Select(ReportingPeriod.Parse)
            .Where(p => p.Kind == PeriodKind.FinancialQuarter)
            .OrderDescending()
            .Select(p => new CommitteeQuarter(p, published.ContainsKey(p.Code), published.TryGetValue(p.Code, out var at) ? at : null))
            .ToList();
    }

    public async Task<CommitteeMeetingView?> MeetingForAsync(int committeeId, ReportingPeriod quarter, CancellationToken ct = default)
    {
        var meeting = await db.CommitteeMeetings.AsNoTracking()
            .Where(m => m.CommitteeId == committeeId && m.ConsidersPeriodCode == quarter.Code)
            .OrderBy(m => m.MeetingDate)
            .FirstOrDefaultAsync(ct);
        return meeting is null ? null : Meeting(meeting);
    }

    private static CommitteeSummary Summary(Committee c) =>
        new(c.Id, c.Slug, c.Title, c.ShortTitle.Length > 0 ? c.ShortTitle : c.Title, c.Remit);

    private static CommitteeMeetingView Meeting(CommitteeMeeting m) => new(m.MeetingDate, m.ConsidersPeriodCode, m.Source, m.IsIllustrative);
}

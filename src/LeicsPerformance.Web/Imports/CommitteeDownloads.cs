using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>The committee files as held now, in exactly their upload format (the downloads at /committees/admin).</summary>
public sealed class CommitteeDownloads(PerformanceDbContext db)
{
    /// <summary>What is held now, in the file's own format: download it, edit it, upload it back.</summary>
    public async Task<(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string?>> Rows)> CurrentAsync(CommitteeFileKind kind, CancellationToken ct = default)
    {
        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        var slugOf = committees.ToDictionary(c => c.Id, c => c.Slug);
        var orderOf = committees.ToDictionary(c => c.Id, c => c.SortOrder);
        switch (kind)
        {
            case CommitteeFileKind.Committees:
                return (["slug", "title", "short_title", "sort_order", "remit"],
                    committees.Select(c => (IReadOnlyList<string?>)[c.Slug, c.Title, c.ShortTitle, c.SortOrder.ToString(CultureInfo.InvariantCulture), c.Remit]).ToList());
            case CommitteeFileKind.Scope:
                var scope = await db.CommitteeScopes.AsNoTracking()
                    .Select(s => new { s.CommitteeId, s.SortOrder, Dashboard = s.Dashboard == null ? null : s.Dashboard.Slug, Indicator = s.Indicator == null ? null : s.Indicator.Code })
                    .ToListAsync(ct);
                return (["committee", "dashboard", "indicator", "sort_order"],
                    scope.OrderBy(s => orderOf[s.CommitteeId]).ThenBy(s => s.SortOrder)
                        .Select(s => (IReadOnlyList<string?>)[slugOf[s.CommitteeId], s.Dashboard ?? string.Empty, s.Indicator ?? string.Empty, s.SortOrder.ToString(CultureInfo.InvariantCulture)]).ToList());
            case CommitteeFileKind.Meetings:
                var meetings = await db.CommitteeMeetings.AsNoTracking().ToListAsync(ct);
                return (["committee", "date", "considers_period", "source"],
                    meetings.OrderBy(m => orderOf[m.CommitteeId]).ThenBy(m => m.MeetingDate)
                        .Select(m => (IReadOnlyList<string?>)[slugOf[m.CommitteeId], m.MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.ConsidersPeriodCode is null ? string.Empty : ReportingPeriod.Parse(m.ConsidersPeriodCode).Label, m.Source]).ToList());
            default:
                var prompts = await db.QuestioningPrompts.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.SortOrder).ToListAsync(ct);
                return (["kind", "sort_order", "text"],
                    prompts.Select(p => (IReadOnlyList<string?>)[p.Kind.ToCode(), p.SortOrder.ToString(CultureInfo.InvariantCulture), p.Text]).ToList());
        }
    }
}

using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Writes a checked committee file (<see cref="CommitteeWrite"/>) in one transaction — the caller's, if one is open
/// (an upload's confirm), else its own (the seed): committees added or updated by slug; the whole scope or list of
/// meetings of each committee named replaced; all the prompts replaced.
/// </summary>
public sealed class CommitteeWriter(PerformanceDbContext db)
{
    public async Task WriteAsync(CommitteePlan plan, CancellationToken ct = default)
    {
        if (plan.HasErrors || plan.Write is null)
        {
            throw new InvalidOperationException("A committee file with errors cannot be loaded; fix the rows named and check it again.");
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        switch (plan.Write)
        {
            case CommitteeWrite.Committees committees:
                var tracked = await db.Committees.ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
                foreach (var r in committees.Rows)
                {
                    if (!tracked.TryGetValue(r.Slug, out var committee))
                    {
                        committee = new Committee { Slug = r.Slug, Title = r.Title };
                        db.Committees.Add(committee);
                    }

                    committee.Title = r.Title;
                    committee.ShortTitle = r.ShortTitle;
                    committee.SortOrder = r.SortOrder;
                    committee.Remit = r.Remit;
                }

                break;
            case CommitteeWrite.Scope scope:
                var scoped = scope.Named.ToArray();
                await db.CommitteeScopes.Where(s => scoped.Contains(s.CommitteeId)).ExecuteDeleteAsync(ct);
                db.CommitteeScopes.AddRange(scope.Rows.Select(r => new CommitteeScope { CommitteeId = r.CommitteeId, DashboardId = r.DashboardId, IndicatorId = r.IndicatorId, SortOrder = r.Order }));
                break;
            case CommitteeWrite.Meetings meetings:
                var meeting = meetings.Named.ToArray();
                await db.CommitteeMeetings.Where(m => meeting.Contains(m.CommitteeId)).ExecuteDeleteAsync(ct);
                db.CommitteeMeetings.AddRange(meetings.Rows.Select(r => new CommitteeMeeting { CommitteeId = r.CommitteeId, MeetingDate = r.Date, ConsidersPeriodCode = r.PeriodCode, Source = r.Source }));
                break;
            case CommitteeWrite.Prompts prompts:
                await db.QuestioningPrompts.ExecuteDeleteAsync(ct);
                db.QuestioningPrompts.AddRange(prompts.Rows.Select(r => new QuestioningPrompt { Kind = r.Kind, SortOrder = r.SortOrder, Text = r.Text }));
                break;
        }

        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
    }
}

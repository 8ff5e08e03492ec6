using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>Members' questions and actions: raised at a quarter's report, carried forward while open, closed with a note.</summary>
public sealed class CommitteeQuestions(PerformanceDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The questions for a quarter's report: raised against it; raised against an earlier quarter and still open
    /// (carried forward); and raised earlier but closed since the quarter ended (so the committee sees the outcome once).
    /// </summary>
    public async Task<ReportQuestions> QuestionsAsync(int committeeId, ReportingPeriod quarter, CancellationToken ct = default)
    {
        var all = await db.CommitteeQuestions.AsNoTracking()
            .Where(q => q.CommitteeId == committeeId)
            .OrderBy(q => q.RecordedAt).ThenBy(q => q.Id)
            .Select(q => new { Question = q, IndicatorCode = q.Indicator == null ? null : q.Indicator.Code, IndicatorTitle = q.Indicator == null ? null : q.Indicator.Title })
            .ToListAsync(ct);
        var views = all.Select(x =>
        {
            var q = x.Question;
            var period = ReportingPeriod.Parse(q.PeriodCode);
            return (Period: period, View: ViewOf(q, x.IndicatorCode, x.IndicatorTitle));
        }).ToList();

        var here = views.Where(v => v.Period.Code == quarter.Code).Select(v => v.View).ToList();
        var earlier = views.Where(v => v.Period.CompareTo(quarter) < 0).ToList();
        var carried = earlier.Where(v => v.View.IsOpen).Select(v => v.View).ToList();
        var closedSince = earlier
            .Where(v => v.View.ClosedInPeriodCode == quarter.Code || (v.View.ClosedOn is { } closed && closed >= quarter.End))
            .Select(v => v.View).ToList();
        return new ReportQuestions(here, carried, closedSince);
    }

    /// <summary>
    /// Members' questions about one indicator, for its page, from every committee: only those raised at a published
    /// report (a draft and what was said about it are for analysts, and the indicator page is the same for everyone).
    /// A report that answered a question is linked when it is published.
    /// </summary>
    public async Task<IReadOnlyList<IndicatorQuestionView>> QuestionsAboutAsync(string indicatorCode, CancellationToken ct = default)
    {
        var rows = await db.CommitteeQuestions.AsNoTracking()
            .Where(q => q.Indicator != null && q.Indicator.Code == indicatorCode)
            .Where(q => db.CommitteeReports.Any(r => r.CommitteeId == q.CommitteeId && r.PeriodCode == q.PeriodCode))
            .OrderBy(q => q.ClosedOn != null).ThenBy(q => q.RecordedAt).ThenBy(q => q.Id)
            .Select(q => new
            {
                Question = q,
                IndicatorTitle = q.Indicator!.Title,
                Committee = db.Committees.First(c => c.Id == q.CommitteeId),
                AnswerPublished = q.ClosedInPeriodCode != null && db.CommitteeReports.Any(r => r.CommitteeId == q.CommitteeId && r.PeriodCode == q.ClosedInPeriodCode),
            })
            .ToListAsync(ct);
        return rows.Select(x =>
        {
            var committee = x.Committee;
            string ReportUrl(string periodCode) =>
                $"/committees/{Uri.EscapeDataString(committee.Slug)}/{CommitteePeriods.Slug(ReportingPeriod.Parse(periodCode))}";
            return new IndicatorQuestionView(
                ViewOf(x.Question, indicatorCode, x.IndicatorTitle),
                committee.Title,
                ReportUrl(x.Question.PeriodCode),
                x.AnswerPublished ? ReportUrl(x.Question.ClosedInPeriodCode!) : null);
        }).ToList();
    }

    private static QuestionView ViewOf(CommitteeQuestion q, string? indicatorCode, string? indicatorTitle) =>
        new(q.Id, q.PeriodCode, ReportingPeriod.Parse(q.PeriodCode).Label, indicatorCode, indicatorTitle, q.Question, q.Response, q.AskedBy,
            q.RecordedBy, q.RecordedAt, q.ClosedOn, q.ClosingNote, q.ClosedBy, q.DueOn, q.ClosedInPeriodCode,
            q.ClosedInPeriodCode is null ? null : ReportingPeriod.Parse(q.ClosedInPeriodCode).Label);

    public async Task<int> AddQuestionAsync(int committeeId, ReportingPeriod quarter, int? indicatorId, string question, string response, string askedBy, DateOnly? dueOn, string recordedBy, CancellationToken ct = default)
    {
        var entity = new CommitteeQuestion
        {
            CommitteeId = committeeId,
            PeriodCode = quarter.Code,
            IndicatorId = indicatorId,
            Question = question,
            Response = response,
            AskedBy = askedBy,
            DueOn = dueOn,
            RecordedBy = recordedBy,
            RecordedAt = clock.GetUtcNow(),
        };
        db.CommitteeQuestions.Add(entity);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return entity.Id;
    }

    /// <summary>
    /// Closes an open question from <paramref name="inReport"/>'s report, which then shows it as answered;
    /// false if there is no such open question for the committee.
    /// </summary>
    public async Task<bool> CloseQuestionAsync(int committeeId, int questionId, ReportingPeriod inReport, DateOnly closedOn, string note, string closedBy, CancellationToken ct = default)
    {
        var updated = await db.CommitteeQuestions
            .Where(q => q.Id == questionId && q.CommitteeId == committeeId && q.ClosedOn == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(q => q.ClosedOn, closedOn)
                .SetProperty(q => q.ClosingNote, note)
                .SetProperty(q => q.ClosedBy, closedBy)
                .SetProperty(q => q.ClosedInPeriodCode, inReport.Code), ct);
        return updated == 1;
    }

    /// <summary>The indicators in the committee's scope (code, title), in report order, for the question form.</summary>
    public static IReadOnlyList<(string Code, string Title)> IndicatorChoices(CommitteeReportSnapshot report) =>
        report.Rows.Select(r => (r.Code, r.Title)).ToList();

    public async Task<int?> IndicatorIdAsync(string code, CancellationToken ct = default) =>
        await db.Indicators.AsNoTracking().Where(i => i.Code == code).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
}

using System.Globalization;
using System.Text.Json;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Imports;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// The committees' quarterly reports: which indicators a committee scrutinises, the report for a quarter built from
/// the current data (a draft), publishing it as a frozen snapshot, what has been revised since, and the members'
/// questions and actions. Every rating comes from <see cref="PerformanceQueries"/> (so a report never disagrees with
/// the dashboards) or, for the comparison with the same quarter last year, from the same domain rule
/// (<see cref="DirectionOfTravel.Compute"/>).
/// </summary>
public sealed class CommitteeQueries(PerformanceDbContext db, PerformanceQueries performance, CommitteeScopes scopes, TimeProvider clock)
{
    private static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // ----- Committees -----------------------------------------------------------------------------------------

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
            var homeId = await performance.HomeAreaIdAsync(ct);
            var withData = await db.Values.AsNoTracking()
                .Where(v => v.AreaId == homeId && ids.Contains(v.IndicatorId) && v.Indicator.Frequency == "quarterly")
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

    // ----- The report ------------------------------------------------------------------------------------------

    /// <summary>The report for a quarter from the figures held now: what a draft shows, and what publishing freezes.</summary>
    public async Task<CommitteeReportSnapshot> BuildAsync(CommitteeSummary committee, ReportingPeriod quarter, DateTimeOffset preparedAt, CancellationToken ct = default)
    {
        var scope = await scopes.InForceAsync(committee.Id, quarter, ct);
        var ids = scope.Indicators;
        var indicators = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var codes = indicators.Keys.ToList();
        var quarterlyCodes = indicators.Values.Where(i => i.Frequency == "quarterly").Select(i => i.Code).ToList();
        var annual = indicators.Values.Where(i => i.Frequency != "quarterly").ToList();

        // Rated at the quarter: gives the report's order (theme, dashboard, section) and the quarterly ratings.
        var atQuarter = await performance.RateIndicatorsAsync(codes, quarter, ct);
        var lastYearPeriod = quarter.SamePeriodLastYear();
        var lastYear = quarterlyCodes.Count == 0
            ? new Dictionary<string, RatedIndicator>(StringComparer.Ordinal)
            : (await performance.RateIndicatorsAsync(quarterlyCodes, lastYearPeriod, ct)).ToDictionary(r => r.Code, StringComparer.Ordinal);

        // Annual indicators: their latest annual figure whose period ended on or before the quarter's end.
        var annualPeriods = await LatestAnnualPeriodsAsync(annual, quarter, ct);
        var annualRated = new Dictionary<string, (RatedIndicator Row, ReportingPeriod Period)>(StringComparer.Ordinal);
        foreach (var group in annual.GroupBy(i => annualPeriods[i.Code]))
        {
            foreach (var row in await performance.RateIndicatorsAsync(group.Select(i => i.Code).ToList(), group.Key, ct))
            {
                annualRated[row.Code] = (row, group.Key);
            }
        }

        var definitionChanged = (await db.Assessments.AsNoTracking()
                .Where(a => ids.Contains(a.IndicatorId) && a.DefinitionChanged && db.Periods.Any(p => p.Id == a.PeriodId && p.Code == quarter.Code))
                .Select(a => a.IndicatorId).ToListAsync(ct))
            .ToHashSet();

        var periodCodes = new HashSet<string>(StringComparer.Ordinal) { quarter.Code, quarter.Previous().Code, lastYearPeriod.Code };
        foreach (var p in annualPeriods.Values)
        {
            periodCodes.Add(p.Code);
            periodCodes.Add(p.Previous().Code);
        }

        var illustrative = await IllustrativeValuesAsync(ids, periodCodes, ct);

        var rows = new List<CommitteeReportRow>();
        foreach (var rated in atQuarter)
        {
            var indicator = indicators[rated.Code];
            if (indicator.Frequency == "quarterly")
            {
                lastYear.TryGetValue(rated.Code, out var ly);
                var lastYearValue = ly?.Current;
                NoRealChangeRule.TryParse(indicator.NoRealChangeRule, out var rule);
                var vsLastYear = DirectionOfTravel.Compute(
                    Usable(rated.Current), Usable(lastYearValue), rated.Polarity, rule, rated.Format,
                    definitionChanged.Contains(indicator.Id) || rated.Current?.Status == "not comparable");
                rows.Add(Row(rated, quarter, quarter.Previous(), lastYearPeriod, lastYearValue, vsLastYear, illustrative, indicator.Id));
            }
            else
            {
                var (row, period) = annualRated[rated.Code];
                rows.Add(Row(row, period, period.Previous(), null, null, null, illustrative, indicator.Id));
            }
        }

        var prompts = await db.QuestioningPrompts.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.SortOrder).ToListAsync(ct);
        var quarterlyRows = rows.Where(r => r.IsQuarterly && r.Current is not null).ToList();
        var annualRows = rows.Where(r => !r.IsQuarterly && r.Current is not null).ToList();
        return new CommitteeReportSnapshot(
            CommitteeReportSnapshot.CurrentVersion,
            committee.Slug,
            committee.Title,
            quarter.Code,
            quarter.Label,
            quarter.LongLabel,
            quarter.Previous().Label,
            lastYearPeriod.Label,
            preparedAt,
            rows,
            DirectionCounts.Count(quarterlyRows.Select(r => ParseDirection(r.VsPrevious.Code))).Sentence("quarterly indicators with a figure for " + quarter.Label),
            DirectionCounts.Count(annualRows.Select(r => ParseDirection(r.VsPrevious.Code))).Sentence("annual indicators with a latest figure"),
            QuartileCounts.Count(rows.Where(r => r.Current is not null).Select(r => r.QuartileWorst)).Sentence(),
            prompts.Where(p => p.Kind == "introduction").Select(p => p.Text).ToList(),
            prompts.Where(p => p.Kind == "prompt").Select(p => p.Text).ToList(),
            scope.Note);
    }

    private static CommitteeReportRow Row(
        RatedIndicator rated,
        ReportingPeriod period,
        ReportingPeriod previous,
        ReportingPeriod? lastYearPeriod,
        ShownValue? lastYearValue,
        DirectionRating? vsLastYear,
        HashSet<(int, string)> illustrative,
        int indicatorId)
    {
        CommitteeReportCell? Cell(ShownValue? value, ReportingPeriod p) => value is null
            ? null
            : new CommitteeReportCell(p.Code, p.Label, value.Number, value.Status, value.Display, value.Note, illustrative.Contains((indicatorId, p.Code)));

        var reasons = new List<string>();
        var exceptions = rated.Exceptions;
        if (exceptions.HasFlag(ExceptionReasons.BottomQuartile))
        {
            reasons.Add(ExceptionList.BottomQuartile.Title());
        }

        if (exceptions.HasFlag(ExceptionReasons.Worse))
        {
            reasons.Add("Got worse than " + previous.Label);
        }

        if (exceptions.HasFlag(ExceptionReasons.TargetNotMet))
        {
            reasons.Add(ExceptionList.TargetNotMet.Title());
        }

        return new CommitteeReportRow(
            rated.Code,
            rated.Title,
            rated.DashboardSlug,
            rated.DashboardTitle,
            rated.Section,
            lastYearPeriod is null ? "annual" : "quarterly",
            rated.StrategicPlan,
            Wording.Polarity(rated.Polarity),
            Cell(rated.Current, period) ?? new CommitteeReportCell(period.Code, period.Label, null, "missing", "No data", string.Empty, false),
            Cell(rated.Previous, previous) ?? new CommitteeReportCell(previous.Code, previous.Label, null, "missing", "No data", string.Empty, false),
            lastYearPeriod is null ? null : Cell(lastYearValue, lastYearPeriod) ?? new CommitteeReportCell(lastYearPeriod.Code, lastYearPeriod.Label, null, "missing", "No data", string.Empty, false),
            ToDirection(rated.Direction),
            vsLastYear is null ? null : ToDirection(vsLastYear),
            Wording.Target(rated.TargetText, rated.Format),
            rated.Target.Status.ToCode(),
            rated.Target.Explanation,
            rated.QuartileLabel,
            rated.QuartileWorst,
            rated.QuartileReason,
            rated.Marker.Marker.ToCode(),
            rated.Marker.Marker.Words(),
            rated.Marker.Explanation,
            rated.Commentary,
            reasons);
    }

    private static CommitteeDirection ToDirection(DirectionRating rating) =>
        new(rating.Direction.ToCode(), rating.Direction.Words(), rating.Direction.Arrow(), rating.Explanation);

    public static Direction ParseDirection(string code) => Badges.FromCode(code, d => d.ToCode(), Domain.Ratings.Direction.NotDetermined);

    /// <summary>A number the ratings may use: the domain's rule for which states carry one.</summary>
    private static decimal? Usable(ShownValue? value) =>
        value is { Number: { } n } && ValueStatusText.TryParse(value.Status, out var status) && status.HasNumber() ? n : null;

    /// <summary>For each annual indicator, the latest period with a home-area value that ended on or before the quarter's end.</summary>
    private async Task<Dictionary<string, ReportingPeriod>> LatestAnnualPeriodsAsync(List<Indicator> annual, ReportingPeriod quarter, CancellationToken ct)
    {
        var homeId = await performance.HomeAreaIdAsync(ct);
        var ids = annual.Select(i => i.Id).ToArray();
        var end = quarter.End;
        var held = await db.Values.AsNoTracking()
            .Where(v => v.AreaId == homeId && ids.Contains(v.IndicatorId) && v.Period.EndDate <= end && v.Period.Kind != nameof(PeriodKind.FinancialQuarter))
            .Select(v => new { v.IndicatorId, v.Period.Code })
            .ToListAsync(ct);

        // With nothing held, the last financial year ended by the quarter's end (shown as "No data").
        var fallback = ReportingPeriod.FinancialYear(quarter.Year);
        if (fallback.End > end)
        {
            fallback = fallback.Previous();
        }

        return annual.ToDictionary(
            i => i.Code,
            i => held.Where(h => h.IndicatorId == i.Id).Select(h => ReportingPeriod.Parse(h.Code)).Max() ?? fallback,
            StringComparer.Ordinal);
    }

    /// <summary>(indicator, period) pairs whose home-area value was written by a load of illustrative figures.</summary>
    private async Task<HashSet<(int, string)>> IllustrativeValuesAsync(int[] indicatorIds, HashSet<string> periodCodes, CancellationToken ct)
    {
        var homeId = await performance.HomeAreaIdAsync(ct);
        var codes = periodCodes.ToArray();
        var pairs = await (
                from v in db.Values.AsNoTracking()
                join l in db.DataLoads.AsNoTracking() on v.DataLoadId equals l.Id
                where v.AreaId == homeId && indicatorIds.Contains(v.IndicatorId) && codes.Contains(v.Period.Code) && EF.Property<bool>(l, "IsIllustrative")
                select new { v.IndicatorId, v.Period.Code })
            .ToListAsync(ct);
        return pairs.Select(p => (p.IndicatorId, p.Code)).ToHashSet();
    }

    /// <summary>Whether any value the app holds now comes from a load of illustrative figures (for pages outside the reports).</summary>
    public Task<bool> AnyIllustrativeAsync(CancellationToken ct = default) =>
        db.DataLoads.AsNoTracking().AnyAsync(l => EF.Property<bool>(l, "IsIllustrative") && l.RevertedAt == null, ct);

    /// <summary>
    /// Whether any of these indicators' home-area values for these periods was written by a load of illustrative
    /// figures: for a dashboard, overview or indicator page deciding whether to show the illustrative warning
    /// (<c>Views/Committees/_IllustrativeWarning.cshtml</c>).
    /// </summary>
    public async Task<bool> AnyIllustrativeAsync(IReadOnlyCollection<string> indicatorCodes, IReadOnlyCollection<string> periodCodes, CancellationToken ct = default)
    {
        var homeId = await performance.HomeAreaIdAsync(ct);
        var codes = indicatorCodes.ToArray();
        var periods = periodCodes.ToArray();
        return await (
                from v in db.Values.AsNoTracking()
                join l in db.DataLoads.AsNoTracking() on v.DataLoadId equals l.Id
                where v.AreaId == homeId && codes.Contains(v.Indicator.Code) && periods.Contains(v.Period.Code) && EF.Property<bool>(l, "IsIllustrative")
                select v.Id)
            .AnyAsync(ct);
    }

    // ----- Publishing ------------------------------------------------------------------------------------------

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
        var snapshot = await BuildAsync(committee, quarter, now, ct);
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
        var homeId = await performance.HomeAreaIdAsync(ct);
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
            var wasNumber = cell.Status == "missing" ? null : cell.Number;
            var wasStatus = cell.Status == "missing" ? null : cell.Status;
            if (stored?.Value == wasNumber && stored?.Status == wasStatus)
            {
                continue;
            }

            var nowText = stored is null || !indicators.TryGetValue(code, out var indicator)
                ? "no value"
                : Wording.Value(ReturnImporter.FormatOf(indicator), stored.Value, stored.Status, stored.AsPrinted);
            var wasText = wasStatus is null ? "no value" : cell.Display;
            DateTimeOffset? changedAt = changes.TryGetValue((code, cell.PeriodCode), out var at) ? at : stored?.UpdatedAt;
            result[CommitteeReportPage.RevisionKey(code, cell.PeriodCode)] = new CellRevision(wasText, nowText, changedAt);
        }

        return result;
    }

    // ----- Members' questions and actions ----------------------------------------------------------------------

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

    // ----- helpers ---------------------------------------------------------------------------------------------

    private static CommitteeSummary Summary(Committee c) =>
        new(c.Id, c.Slug, c.Title, c.ShortTitle.Length > 0 ? c.ShortTitle : c.Title, c.Remit);

    private static CommitteeMeetingView Meeting(CommitteeMeeting m) => new(m.MeetingDate, m.ConsidersPeriodCode, m.Source, m.IsIllustrative);

    /// <summary>"4 of 35": used in summaries.</summary>
    public static string Count(int n, string singular, string plural) => n.ToString(UK) + " " + (n == 1 ? singular : plural);
}

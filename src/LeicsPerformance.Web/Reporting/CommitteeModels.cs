using System.Globalization;
using System.Text.Json.Serialization;
using LeicsPerformance.Domain.Periods;

namespace LeicsPerformance.Web.Reporting;

// ---------------------------------------------------------------------------------------------------------------
// The report as shown, and as frozen. A published report's snapshot is exactly these records, serialised to JSON,
// so they hold only plain values (strings, numbers, flags): never domain objects whose shape might change.
// ---------------------------------------------------------------------------------------------------------------

/// <summary>
/// One value as shown: its period, the number (base units) and state, the text shown, and whether it is made up.
/// <see cref="Status"/> is the stored value's code (<see cref="Domain.Values.ValueStatusText.ToCode"/>), or
/// <see cref="MissingStatus"/> where no value is held.
/// </summary>
public sealed record CommitteeReportCell(
    string PeriodCode,
    string PeriodLabel,
    decimal? Number,
    string Status,
    string Display,
    string Note,
    bool Illustrative)
{
    /// <summary>How old a figure may be, before the end of the report's period, before the report flags it.</summary>
    public const int YearsBeforeFlagged = 2;

    /// <summary>The <see cref="Status"/> of a cell with no value held: not a stored value status, only a snapshot's.</summary>
    public const string MissingStatus = "missing";

    [JsonIgnore]
    public bool IsMissing => Status == MissingStatus;

    public static CommitteeReportCell Missing(ReportingPeriod period) => new(period.Code, period.Label, null, MissingStatus, "No data", string.Empty, false);

    /// <summary>
    /// The figure's period ended more than two years before the report's period did: an old annual figure shown as
    /// the latest, which members must not read as current.
    /// </summary>
    public bool IsOlderThanFlagAge(string reportPeriodCode) =>
        ReportingPeriod.TryParse(PeriodCode, out var own) && ReportingPeriod.TryParse(reportPeriodCode, out var report)
        && own.End < report.End.AddYears(-YearsBeforeFlagged);
}

/// <summary>A direction of travel against one comparison, with the words, arrow and the rule's explanation.</summary>
public sealed record CommitteeDirection(string Code, string Words, string Arrow, string Explanation);

/// <summary>One indicator in a committee's quarterly report, with every rating and the reason for it.</summary>
public sealed record CommitteeReportRow(
    string Code,
    string Title,
    string DashboardSlug,
    string DashboardTitle,
    string Section,
    string Frequency,
    bool StrategicPlan,
    string Polarity,
    CommitteeReportCell? Current,
    CommitteeReportCell? Previous,
    CommitteeReportCell? SameQuarterLastYear,
    CommitteeDirection VsPrevious,
    CommitteeDirection? VsSameQuarterLastYear,
    string TargetText,
    string TargetStatus,
    string TargetExplanation,
    string QuartileLabel,
    int? QuartileWorst,
    string QuartileReason,
    string Marker,
    string MarkerWords,
    string MarkerExplanation,
    string Commentary,
    IReadOnlyList<string> ExceptionReasons)
{
    [JsonIgnore]
    public bool IsQuarterly => Frequency == Domain.Periods.Frequency.Quarterly.ToCode();

    [JsonIgnore]
    public bool IsException => ExceptionReasons.Count > 0;

    [JsonIgnore]
    public IEnumerable<CommitteeReportCell> Cells => new[] { Current, Previous, SameQuarterLastYear }.OfType<CommitteeReportCell>();

    [JsonIgnore]
    public bool IsIllustrative => Cells.Any(c => c.Illustrative);
}

/// <summary>
/// A committee's performance report for a quarter: what the page shows (and, once published, what is frozen).
/// <see cref="Version"/> is the snapshot format, so a later release can still read reports published today.
/// </summary>
public sealed record CommitteeReportSnapshot(
    int Version,
    string CommitteeSlug,
    string CommitteeTitle,
    string PeriodCode,
    string PeriodLabel,
    string PeriodLongLabel,
    string PreviousPeriodLabel,
    string SameQuarterLastYearLabel,
    DateTimeOffset PreparedAt,
    IReadOnlyList<CommitteeReportRow> Rows,
    string QuarterlySummary,
    string AnnualSummary,
    string QuartileSummary,
    IReadOnlyList<string> PromptIntroduction,
    IReadOnlyList<string> Prompts,
    string ScopeNote = "")
{
    public const int CurrentVersion = 1;

    /// <summary>"Performance Report for Quarter One 2021-22 (April – June)", in the council's wording.</summary>
    [JsonIgnore]
    public string Title => "Performance Report for " + PeriodLongLabel;

    [JsonIgnore]
    public IEnumerable<CommitteeReportRow> Exceptions => Rows.Where(r => r.IsException);

    [JsonIgnore]
    public IEnumerable<CommitteeReportRow> Quarterly => Rows.Where(r => r.IsQuarterly);

    [JsonIgnore]
    public IEnumerable<CommitteeReportRow> Annual => Rows.Where(r => !r.IsQuarterly);

    [JsonIgnore]
    public bool HasIllustrative => Rows.Any(r => r.IsIllustrative);
}

// ---------------------------------------------------------------------------------------------------------------
// Pages.
// ---------------------------------------------------------------------------------------------------------------

public sealed record CommitteeSummary(int Id, string Slug, string Title, string ShortTitle, string Remit);

/// <summary>One thing a committee scrutinises: a whole dashboard (<see cref="Slug"/> is its slug) or one indicator (its code).</summary>
public sealed record CommitteeScopeItem(ScopeItemKind Kind, string Slug, string Title, int IndicatorCount);

public enum ScopeItemKind
{
    Dashboard,
    Indicator,
}

public sealed record CommitteeMeetingView(DateOnly Date, string? ConsidersPeriodCode, string Source, bool IsIllustrative)
{
    public string DateText => Date.ToString("dddd d MMMM yyyy", Wording.Uk);
}

/// <summary>A quarter a committee has (or could have) a report for, and its state.</summary>
public sealed record CommitteeQuarter(ReportingPeriod Period, bool IsPublished, DateTimeOffset? PublishedAt)
{
    public string Slug => CommitteePeriods.Slug(Period);
}

public sealed record CommitteeListItem(CommitteeSummary Committee, CommitteeQuarter? LatestPublished, CommitteeMeetingView? NextMeeting, CommitteeMeetingView? LastMeeting);

public sealed record CommitteePage(
    CommitteeSummary Committee,
    IReadOnlyList<CommitteeScopeItem> Scope,
    IReadOnlyList<CommitteeMeetingView> Meetings,
    IReadOnlyList<CommitteeQuarter> Quarters,
    bool ShowsDrafts);

/// <summary>"was £504, now £510 (changed 3 November 2021)".</summary>
public sealed record CellRevision(string Was, string Now, DateTimeOffset? ChangedAt);

public sealed record QuestionView(
    int Id,
    string PeriodCode,
    string PeriodLabel,
    string? IndicatorCode,
    string? IndicatorTitle,
    string Question,
    string Response,
    string AskedBy,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    DateOnly? ClosedOn,
    string ClosingNote,
    string? ClosedBy,
    DateOnly? DueOn,
    string? ClosedInPeriodCode,
    string? ClosedInPeriodLabel)
{
    public bool IsOpen => ClosedOn is null;

    /// <summary>"due 30 September 2021", or "no due date set".</summary>
    public string DueText => DueOn is { } due ? "due " + Wording.Date(due) : "no due date set";
}

/// <summary>A member's question about one indicator, for the indicator's page: which committee, and the reports that raised and answered it.</summary>
public sealed record IndicatorQuestionView(
    QuestionView Question,
    string CommitteeTitle,
    string RaisedReportUrl,
    string? AnsweredReportUrl);

/// <summary>The questions on one quarter's report: raised at it, open ones carried forward, and those closed since.</summary>
public sealed record ReportQuestions(IReadOnlyList<QuestionView> RaisedHere, IReadOnlyList<QuestionView> CarriedForward, IReadOnlyList<QuestionView> ClosedSince);

public sealed record CommitteeReportPage(
    CommitteeSummary Committee,
    CommitteeReportSnapshot Report,
    string PeriodSlug,
    bool IsPublished,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    IReadOnlyDictionary<string, CellRevision> Revisions,
    ReportQuestions Questions,
    CommitteeMeetingView? Meeting,
    IReadOnlyList<(string Code, string Title)> Indicators,
    bool CanPublish,
    bool CanRecordQuestions)
{
    public static string RevisionKey(string code, string periodCode) => code + "|" + periodCode;

    public CellRevision? RevisionOf(string code, CommitteeReportCell? cell) =>
        cell is not null && Revisions.TryGetValue(RevisionKey(code, cell.PeriodCode), out var r) ? r : null;

    public string PublishedAtText => PublishedAt is { } at ? Wording.Date(at) : string.Empty;

    /// <summary>
    /// The questions shown on an indicator's row: the open ones this report carries (raised here or earlier), and
    /// those it answered (closed from this report). A question closed in another report stays in the questions section only.
    /// </summary>
    public IReadOnlyList<QuestionView> QuestionsOnRow(string code) =>
        Questions.RaisedHere.Concat(Questions.CarriedForward).Concat(Questions.ClosedSince)
            .Where(q => q.IndicatorCode == code && (q.IsOpen || q.ClosedInPeriodCode == Report.PeriodCode))
            .DistinctBy(q => q.Id)
            .ToList();
}

/// <summary>
/// Report addresses name a quarter by the period's one address form (<see cref="ReportingPeriod.UrlForm"/>):
/// Quarter One 2021-22 is <c>2021-22-q1</c>. Other wordings redirect there (<c>Hosting/CanonicalPeriodAddresses</c>).
/// </summary>
public static class CommitteePeriods
{
    public static string Slug(ReportingPeriod quarter) => quarter.UrlForm;

    /// <summary>Reads any quarter the domain reads (2021-22-q1, FY2021Q1, Q1 2021/22, Quarter One 2021-22); not a year.</summary>
    public static bool TryParse(string? text, out ReportingPeriod quarter)
    {
        if (ReportingPeriod.TryParse(text, out var parsed) && parsed.Kind == PeriodKind.FinancialQuarter)
        {
            quarter = parsed;
            return true;
        }

        quarter = null!;
        return false;
    }
}

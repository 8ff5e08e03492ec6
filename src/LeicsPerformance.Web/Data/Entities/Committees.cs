namespace LeicsPerformance.Web.Data.Entities;

/// <summary>The Scrutiny Commission or an Overview and Scrutiny committee: data, loaded from data/committees/.</summary>
public sealed class Committee
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    /// <summary>"Adults and Communities Overview and Scrutiny Committee".</summary>
    public required string Title { get; set; }

    /// <summary>"Adults and Communities": for lists and page titles.</summary>
    public string ShortTitle { get; set; } = string.Empty;

    public string Remit { get; set; } = string.Empty;

    public int SortOrder { get; set; }
}

/// <summary>One thing a committee scrutinises: a whole dashboard or one indicator (exactly one is set).</summary>
public sealed class CommitteeScope
{
    public int Id { get; set; }

    public int CommitteeId { get; set; }

    public int? DashboardId { get; set; }

    public Dashboard? Dashboard { get; set; }

    public int? IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public int SortOrder { get; set; }
}

public sealed class CommitteeMeeting
{
    public int Id { get; set; }

    public int CommitteeId { get; set; }

    public DateOnly MeetingDate { get; set; }

    /// <summary>The quarter (FY2021Q1) whose performance report the meeting considers, where known.</summary>
    public string? ConsidersPeriodCode { get; set; }

    /// <summary>Where the date comes from (a paper), or "illustrative".</summary>
    public string Source { get; set; } = string.Empty;

    public bool IsIllustrative => Source.Trim().Equals("illustrative", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The questions Scrutiny members agreed as a starting point: the council's own words.</summary>
public sealed class QuestioningPrompt
{
    public int Id { get; set; }

    public required PromptKind Kind { get; set; }

    public int SortOrder { get; set; }

    public required string Text { get; set; }
}

/// <summary>A published quarterly report: the frozen snapshot (JSON) of exactly what was shown, and who published it when.</summary>
public sealed class PublishedCommitteeReport
{
    public int Id { get; set; }

    public int CommitteeId { get; set; }

    public required string PeriodCode { get; set; }

    public required string Snapshot { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public required string PublishedBy { get; set; }
}

/// <summary>A question raised at a meeting, the answer or action agreed, and when (if) it was closed.</summary>
public sealed class CommitteeQuestion
{
    public int Id { get; set; }

    public int CommitteeId { get; set; }

    /// <summary>The quarter whose report it was raised against (FY2021Q1).</summary>
    public required string PeriodCode { get; set; }

    public int? IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    public required string Question { get; set; }

    public string Response { get; set; } = string.Empty;

    public string AskedBy { get; set; } = string.Empty;

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string ClosingNote { get; set; } = string.Empty;

    public string? ClosedBy { get; set; }

    /// <summary>When the answer or action is due, if the meeting set a date.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The quarter (FY2021Q2) whose report closed it: that report shows it as answered.</summary>
    public string? ClosedInPeriodCode { get; set; }
}

using System.Text.Json.Serialization;
using LeicsPerformance.Web.Data.Entities;

namespace LeicsPerformance.Web.Imports;

/// <summary>A row of committees.csv as read (<see cref="Ok"/>: it has no problem of its own).</summary>
public sealed record CommitteeFileRow(int Row, bool Ok, string Slug, string Title, string ShortTitle, int SortOrder, string Remit);

/// <summary>A row of committee-scope.csv as read: a committee's slug and either a dashboard slug or an indicator code.</summary>
public sealed record ScopeFileRow(int Row, bool Ok, string Committee, string Dashboard, string Indicator, int SortOrder);

/// <summary>A row of committee-meetings.csv as read; <see cref="PeriodCode"/> is the quarter it considers (FY2021Q2), if any.</summary>
public sealed record MeetingFileRow(int Row, bool Ok, string Committee, string DateText, DateOnly Date, string? PeriodCode, string Source);

/// <summary>A row of questioning-prompts.csv as read (<see cref="Kind"/> is meaningful only when <see cref="Ok"/>).</summary>
public sealed record PromptFileRow(int Row, bool Ok, PromptKind Kind, int SortOrder, string Text);

/// <summary>One change a committee file would make, in words ("Adds meeting 6 September 2021 to Adults and Communities").</summary>
public sealed record CommitteeChange(CommitteeChangeKind Kind, string Description);

/// <summary>What a change to the committees does: the preview lists and counts them (the load's added and changed rows).</summary>
public enum CommitteeChangeKind
{
    Added,
    Changed,
    Removed,
}

public static class CommitteeChangeKinds
{
    /// <summary>The preview's word for the change, before its description: "Add", "Change" or "Remove".</summary>
    public static string Verb(this CommitteeChangeKind kind) => kind switch
    {
        CommitteeChangeKind.Added => "Add",
        CommitteeChangeKind.Removed => "Remove",
        _ => "Change",
    };
}

/// <summary>
/// One cell of what a committee file would replace or update, as held when checked: a committee's column, a scope
/// entry's order, a meeting's period and source, a prompt's text. <see cref="Key"/> is the committee's slug (or the
/// prompt's kind), <see cref="Field"/> the column, dashboard, indicator, meeting date or prompt number.
/// </summary>
public sealed record HeldCell(
    [property: JsonPropertyName("k")] string Key,
    [property: JsonPropertyName("l")] string Label,
    [property: JsonPropertyName("f")] string Field,
    [property: JsonPropertyName("v")] string Value);

/// <summary>What a checked committee file writes (<see cref="CommitteeWriter"/>), with stored ids resolved.</summary>
public abstract record CommitteeWrite
{
    /// <summary>Adds or updates these committees by slug; others are left alone.</summary>
    public sealed record Committees(IReadOnlyList<CommitteeFileRow> Rows) : CommitteeWrite;

    /// <summary>Replaces the whole scope of the committees named.</summary>
    public sealed record Scope(IReadOnlyList<int> Named, IReadOnlyList<(int CommitteeId, int? DashboardId, int? IndicatorId, int Order)> Rows) : CommitteeWrite;

    /// <summary>Replaces every meeting of the committees named.</summary>
    public sealed record Meetings(IReadOnlyList<int> Named, IReadOnlyList<(int CommitteeId, DateOnly Date, string? PeriodCode, string Source)> Rows) : CommitteeWrite;

    /// <summary>Replaces all the prompts.</summary>
    public sealed record Prompts(IReadOnlyList<PromptFileRow> Rows) : CommitteeWrite;
}

/// <summary>A committee file read and checked against the catalogue and what is stored: nothing has been written.</summary>
public sealed class CommitteePlan : IUploadPlan
{
    /// <summary>Which committee file it is; null when its heading row matched none.</summary>
    public required CommitteeFileKind? Kind { get; init; }

    public required string FileName { get; init; }

    public int RowsRead { get; init; }

    /// <summary>The problems listed, at most Uploads:MaxProblemsListed (the first found); the rest are only counted.</summary>
    public required IReadOnlyList<ImportProblem> Problems { get; init; }

    public int UnlistedErrorCount { get; init; }

    public int UnlistedWarningCount { get; init; }

    public required IReadOnlyList<CommitteeChange> Changes { get; init; }

    /// <summary>What is held now of everything the file replaces or updates, cell by cell (kept with the preview, compared again at confirm).</summary>
    public IReadOnlyList<HeldCell> Held { get; init; } = [];

    /// <summary>What the file writes; null when it has errors.</summary>
    public CommitteeWrite? Write { get; init; }

    public bool HasErrors => UnlistedErrorCount > 0 || Problems.Any(p => !p.IsWarning);

    /// <summary>Something to write, and nothing wrong.</summary>
    public bool CanCommit => !HasErrors && Changes.Count > 0;

    public int AddedCount => Changes.Count(c => c.Kind == CommitteeChangeKind.Added);

    public int ChangedCount => Changes.Count(c => c.Kind == CommitteeChangeKind.Changed);

    public int RemovedCount => Changes.Count(c => c.Kind == CommitteeChangeKind.Removed);
}

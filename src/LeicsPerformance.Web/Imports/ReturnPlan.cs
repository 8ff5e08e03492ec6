using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data.Entities;

namespace LeicsPerformance.Web.Imports;

/// <summary>What officers report besides the value, as read from a return row. Null fields were left blank.</summary>
public sealed record AssessmentInput(
    string? TargetText,
    string? Commentary,
    Direction? OfficerDirection,
    ReportedQuartile? Quartile,
    bool QuartileGiven,
    string? QuartileGroupCode,
    Marker? OfficerMarker = null)
{
    /// <summary>
    /// The assessment once this row is loaded over what is stored — the one rule, used by the commit
    /// (<c>ReturnWriter</c> writes it) and the preview (<c>AsIfLoaded</c> rates with it): each cell given replaces the
    /// stored one, a blank cell keeps it; a quartile cell given replaces the quartile, its range and note together ("-"
    /// when given empty). Which period the figure is for and the load are the caller's to set.
    /// </summary>
    public IndicatorAssessment AppliedTo(IndicatorAssessment? stored, int indicatorId, int periodId) => new()
    {
        IndicatorId = indicatorId,
        PeriodId = periodId,
        TargetText = TargetText ?? stored?.TargetText ?? string.Empty,
        Commentary = Commentary ?? stored?.Commentary ?? string.Empty,
        OfficerDirection = OfficerDirection ?? stored?.OfficerDirection,
        ReportedQuartile = QuartileGiven ? Quartile?.Original ?? "-" : stored?.ReportedQuartile ?? string.Empty,
        QuartileBest = QuartileGiven ? Quartile?.Best : stored?.QuartileBest,
        QuartileWorst = QuartileGiven ? Quartile?.Worst : stored?.QuartileWorst,
        QuartileNote = QuartileGiven ? Quartile?.Note ?? string.Empty : stored?.QuartileNote ?? string.Empty,
        QuartileGroupCode = QuartileGroupCode ?? stored?.QuartileGroupCode,
        OfficerMarker = OfficerMarker ?? stored?.OfficerMarker,
        DefinitionChanged = stored?.DefinitionChanged ?? false,
    };
}

/// <summary>A validated row of a returns file, resolved against the catalogue.</summary>
public sealed record ReturnLine(
    int Row,
    int IndicatorId,
    string IndicatorCode,
    string IndicatorTitle,
    ValueFormat Format,
    int AreaId,
    string AreaName,
    ReportingPeriod Period,
    decimal? Value,
    ValueStatus Status,
    string AsPrinted,
    string Note,
    AssessmentInput? Assessment,
    ReportingPeriod? ColumnPeriod = null,
    ValueLimits? Limits = null)
{
    /// <summary>
    /// The period whose column the figure was given under: the row's period. <see cref="Period"/> is the period the
    /// figure is for, which differs when it was printed with its own ("32.4% (2021)" under 2021/22).
    /// </summary>
    public ReportingPeriod AssessmentPeriod => ColumnPeriod ?? Period;
}

/// <summary>What a published value was worked out from and its 95% confidence limits, where the release gives them.</summary>
public sealed record ValueLimits(decimal? Numerator, decimal? Denominator, decimal? Lower, decimal? Upper);

public enum ChangeKind
{
    New,
    Changed,
    Unchanged,
}

public static class ChangeKinds
{
    /// <summary>How a change is written in a download's <c>change</c> column: new, changed, unchanged.</summary>
    public static string ToCode(this ChangeKind kind) => kind switch
    {
        ChangeKind.New => "new",
        ChangeKind.Changed => "changed",
        ChangeKind.Unchanged => "unchanged",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a change kind."),
    };
}

/// <summary>One line of the preview: what the value is now (if anything) and what the file would make it.</summary>
public sealed record PlannedChange(ReturnLine Line, ChangeKind Kind, decimal? OldValue, ValueStatus? OldStatus, string? OldAsPrinted)
{
    public string OldDisplay => OldStatus is null ? string.Empty : Wording.Value(Line.Format, OldValue, OldStatus, OldAsPrinted);

    public string NewDisplay => Wording.Value(Line.Format, Line.Value, Line.Status, Line.AsPrinted);
}

/// <summary>
/// The result of reading and checking a returns file against the catalogue and the values held now:
/// nothing has been written. <see cref="ReturnWriter.CommitAsync"/> writes it all, or nothing.
/// </summary>
public sealed class ReturnPlan
{
    public required string FileName { get; init; }

    public required string Sha256 { get; init; }

    public int RowsRead { get; init; }

    public required IReadOnlyList<PlannedChange> Changes { get; init; }

    public required IReadOnlyList<ImportProblem> Problems { get; init; }

    /// <summary>Set when a load with the same content (SHA-256) is already recorded and not reverted.</summary>
    public int? AlreadyLoadedAs { get; init; }

    public IEnumerable<ImportProblem> Errors => Problems.Where(p => !p.IsWarning);

    public IEnumerable<ImportProblem> Warnings => Problems.Where(p => p.IsWarning);

    /// <summary>Errors found but not listed in <see cref="Problems"/>, which is capped (Uploads:MaxProblemsListed) to bound memory.</summary>
    public int UnlistedErrorCount { get; init; }

    public int UnlistedWarningCount { get; init; }

    /// <summary>Every error found, listed or not.</summary>
    public int ErrorCount => Problems.Count(p => !p.IsWarning) + UnlistedErrorCount;

    public int WarningCount => Problems.Count(p => p.IsWarning) + UnlistedWarningCount;

    /// <summary>What the capped list leaves out, in words (the problems CSV's last line, the command line); null when nothing.</summary>
    public string? UnlistedText => ProblemList.UnlistedText(Problems.Count, UnlistedErrorCount, UnlistedWarningCount);

    public bool HasErrors => UnlistedErrorCount > 0 || Problems.Any(p => !p.IsWarning);

    public int NewCount => Changes.Count(c => c.Kind == ChangeKind.New);

    public int ChangedCount => Changes.Count(c => c.Kind == ChangeKind.Changed);

    public int UnchangedCount => Changes.Count(c => c.Kind == ChangeKind.Unchanged);

    /// <summary>Rows with at least one error: counted while checking when the list is capped, else from the list.</summary>
    public int RejectedRowCount
    {
        get => rejectedRowCount ?? Problems.Where(p => !p.IsWarning && p.Row > 0).Select(p => p.Row).Distinct().Count();
        init => rejectedRowCount = value;
    }

    private readonly int? rejectedRowCount;

    /// <summary>
    /// The plan with at most <paramref name="most"/> problems listed (the first, by row) and the rest only counted,
    /// for problems added after the importer's own capped list (blank-value warnings, a dataset's conversion).
    /// </summary>
    public ReturnPlan Capped(int most)
    {
        if (Problems.Count <= most)
        {
            return this;
        }

        var rest = Problems.Skip(most).ToList();
        return new ReturnPlan
        {
            FileName = FileName,
            Sha256 = Sha256,
            RowsRead = RowsRead,
            Changes = Changes,
            Problems = Problems.Take(most).ToList(),
            AlreadyLoadedAs = AlreadyLoadedAs,
            UnlistedErrorCount = UnlistedErrorCount + rest.Count(p => !p.IsWarning),
            UnlistedWarningCount = UnlistedWarningCount + rest.Count(p => p.IsWarning),
            RejectedRowCount = RejectedRowCount,
        };
    }
}

/// <summary>Raised when values changed underneath a preview between planning and commit.</summary>
public sealed class ReturnConflictException(IReadOnlyList<string> conflicts)
    : Exception($"{conflicts.Count} value(s) changed since this file was checked; nothing was saved. Check the file again to see the current values.")
{
    public IReadOnlyList<string> Conflicts { get; } = conflicts;
}

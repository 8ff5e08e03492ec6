using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Web.Reporting;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// One indicator in one period rated twice by the dashboards' rating: as things are now (<see cref="Now"/>) and as
/// they would be once the file is loaded (<see cref="Loaded"/>), with the words for what changes.
/// </summary>
/// <param name="Committees">The committees whose reports include the indicator (short titles), none when no committee scrutinises it.</param>
public abstract record RatingChange(RatedIndicator Now, RatedIndicator Loaded, IReadOnlyList<string> Committees)
{
    public bool DirectionChanges => Now.Direction.Direction != Loaded.Direction.Direction;

    public bool TargetStatusChanges => Now.Target.Status != Loaded.Target.Status;

    public IReadOnlyList<string> ExceptionReasons => Reasons(Loaded);

    public IReadOnlyList<string> ExceptionReasonsNow => Reasons(Now);

    public bool IsException => ExceptionReasons.Count > 0;

    public bool ExceptionChanges => !ExceptionReasons.SequenceEqual(ExceptionReasonsNow);

    /// <summary>
    /// Whether the value would make the indicator an exception in a committee's report, against what it is now:
    /// "Becomes an exception: Got worse than 2017/18", "Stays an exception: Bottom quartile", "No longer an
    /// exception (now: Target not met)", "Not an exception".
    /// </summary>
    public string ExceptionText
    {
        get
        {
            var after = ExceptionReasons;
            var before = ExceptionReasonsNow;
            if (after.Count == 0)
            {
                return before.Count == 0 ? "Not an exception" : $"No longer an exception (now: {Join(before)})";
            }

            if (before.Count == 0)
            {
                return $"Becomes an exception: {Join(after)}";
            }

            return after.SequenceEqual(before) ? $"Stays an exception: {Join(after)}" : $"Stays an exception: {Join(after)} (now: {Join(before)})";
        }
    }

    /// <summary>Which committees' reports would list it, for an exception: "In the report of: Scrutiny Commission".</summary>
    public string CommitteesText => !IsException
        ? string.Empty
        : Committees.Count == 0
            ? "No committee scrutinises this indicator; the exceptions page lists it."
            : $"In the {(Committees.Count == 1 ? "report" : "reports")} of: {string.Join(", ", Committees)}.";

    private static IReadOnlyList<string> Reasons(RatedIndicator row) =>
        ExceptionsReport.ReasonWords(row.Exceptions, row.Previous?.PeriodLabel ?? "the previous period");

    private static string Join(IReadOnlyList<string> reasons) => string.Join("; ", reasons);
}

/// <summary>One of the council's own values in a return, and what it would change once loaded.</summary>
public sealed record ValueConsequence(PlannedChange Change, RatedIndicator Now, RatedIndicator Loaded, IReadOnlyList<string> Committees)
    : RatingChange(Now, Loaded, Committees)
{
    public ReturnLine Line => Change.Line;

    /// <summary>The value held now as the dashboards write it, or "no value".</summary>
    public string HeldNow => Change.OldStatus is null ? "no value" : Change.OldDisplay;

    /// <summary>What the target would be once loaded, in the row's scale ("" for none).</summary>
    public string Target => Wording.Target(Loaded.TargetText, Loaded.Format);
}

/// <summary>
/// A value of the council's that the file does not hold, in the period after one it changes: its direction of travel
/// compares with the changed value (2018/19's arrow with 2017/18's figure), so its arrow or exception can change too.
/// </summary>
public sealed record KnockOnConsequence(string IndicatorCode, string IndicatorTitle, ReportingPeriod Period, RatedIndicator Now, RatedIndicator Loaded, IReadOnlyList<string> Committees)
    : RatingChange(Now, Loaded, Committees)
{
    /// <summary>Worth showing: the arrow or the exception reasons would differ from what is shown now.</summary>
    public bool Matters => DirectionChanges || ExceptionChanges;
}

/// <summary>
/// What the council's own values in a return would change on the dashboards and in committees' reports (new or
/// changed values, and values whose target, quartile, arrow or marker the file sets), shown in file order: worked out
/// for at most <see cref="Limit"/> of them in at most <see cref="MaxPeriods"/> periods, the latest periods first. Other
/// areas' values are comparators: they move quartiles, and need no arrow.
/// </summary>
/// <param name="HomeValues">How many of the council's values in the file would change something (worked out or not).</param>
/// <param name="KnockOns">Values not in the file whose arrow or exception would change because the period before them does.</param>
public sealed record PreviewConsequences(IReadOnlyList<ValueConsequence> Rows, int HomeValues, string HomeAreaName, bool FileHasErrors, IReadOnlyList<KnockOnConsequence> KnockOns)
{
    /// <summary>The most values whose consequences a preview works out (each period is rated twice, so this bounds the work).</summary>
    public const int Limit = 200;

    /// <summary>The most periods a preview rates (twice each): a dataset of twenty years gets its latest twelve.</summary>
    public const int MaxPeriods = 12;

    public static PreviewConsequences None(bool fileHasErrors = false) => new([], 0, string.Empty, fileHasErrors, []);

    public int NotWorkedOut => HomeValues - Rows.Count;

    /// <summary>The row's consequence, if worked out (for the changes download).</summary>
    public ValueConsequence? For(PlannedChange change) => byRow.GetValueOrDefault(change.Line.Row);

    private readonly Dictionary<int, ValueConsequence> byRow = Rows.ToDictionary(r => r.Line.Row);
}

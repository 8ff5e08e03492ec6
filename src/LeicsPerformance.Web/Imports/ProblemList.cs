namespace LeicsPerformance.Web.Imports;

/// <summary>
/// The problems found while checking a file, keeping at most a set number (the first found) and only counting the
/// rest, so a file of 200,000 wrong rows does not hold 600,000 messages in memory (issue 11). <see cref="Count"/>
/// counts them all, so "did this row add a problem?" still works, and the rows with an error are all counted.
/// </summary>
public sealed class ProblemList(int most)
{
    /// <summary>The most problems a plan lists unless told otherwise (Uploads:MaxProblemsListed); the rest are counted.</summary>
    public const int DefaultMaxListed = 1000;

    private readonly List<ImportProblem> listed = [];
    private readonly HashSet<int> rejectedRows = [];

    /// <summary>Every problem added, listed or not.</summary>
    public int Count { get; private set; }

    public int UnlistedErrors { get; private set; }

    public int UnlistedWarnings { get; private set; }

    /// <summary>Rows with at least one error, listed or not.</summary>
    public int RejectedRowCount => rejectedRows.Count;

    public void Add(ImportProblem problem)
    {
        Count++;
        if (!problem.IsWarning && problem.Row > 0)
        {
            rejectedRows.Add(problem.Row);
        }

        if (listed.Count < most)
        {
            listed.Add(problem);
        }
        else if (problem.IsWarning)
        {
            UnlistedWarnings++;
        }
        else
        {
            UnlistedErrors++;
        }
    }

    public void AddRange(IEnumerable<ImportProblem> problems)
    {
        foreach (var problem in problems)
        {
            Add(problem);
        }
    }

    /// <summary>What a capped list leaves out, in words (a problems CSV's last line, the command line); null when nothing.</summary>
    public static string? UnlistedText(int listed, int unlistedErrors, int unlistedWarnings) => unlistedErrors + unlistedWarnings == 0
        ? null
        : $"…and {Wording.Count(unlistedErrors, "more error", "more errors")} and {Wording.Count(unlistedWarnings, "more warning", "more warnings")}, not listed: only the first {Wording.Number(listed)} problems are. Fix these and check the file again to see the rest.";

    /// <summary>The listed problems by row, errors before warnings.</summary>
    public IReadOnlyList<ImportProblem> Listed() => listed.OrderBy(p => p.Row).ThenBy(p => p.IsWarning).ToList();
}

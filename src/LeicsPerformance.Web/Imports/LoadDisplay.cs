using System.Globalization;
using LeicsPerformance.Domain;
using LeicsPerformance.Web.Data.Entities;

namespace LeicsPerformance.Web.Imports;

/// <summary>How loads and problems are written on the returns, catalogue and audit pages.</summary>
public static class LoadDisplay
{
    public static string KindWords(LoadKind kind) => kind switch
    {
        LoadKind.Upload => "Upload",
        LoadKind.Import => "Command-line import",
        LoadKind.Seed => "Sample data",
        LoadKind.Revert => "Revert",
        _ when CommitteeFiles.ByLoadKind(kind) is { } committeeFile => "Committees (" + CommitteeFiles.ByKind[committeeFile].FileName + ")",
        _ => CatalogueFile.ByLoadKind(kind)?.Title ?? kind.ToCode(),
    };

    /// <summary>"Row 3, column period", or "The file" for what is not about one row.</summary>
    public static string Where(ImportProblem problem)
    {
        if (problem.Row <= 0)
        {
            return problem.Column.Length > 0 ? $"The heading row, column {problem.Column}" : "The file";
        }

        var where = "Row " + problem.Row.ToString(CultureInfo.InvariantCulture);
        return problem.Column.Length > 0 ? where + ", column " + problem.Column : where;
    }

    /// <summary>The problem in one sentence for an error summary: "Row 3, column period: '2019/20x' is not a period …".</summary>
    public static string Sentence(ImportProblem problem) => Where(problem) + ": " + problem.Message;

    public static string Summary(DataLoad load) =>
        load.Kind == LoadKind.Revert ? Wording.Count(load.RowsChanged, "value put back", "values put back")
        // A committee load counts its changes, not its rows (one row may change several columns).
        : CommitteeFiles.ByLoadKind(load.Kind) is not null ? $"{Wording.Number(load.RowsRead)} read: {Wording.Count(load.RowsAdded, "addition", "additions")}, {Wording.Count(load.RowsChanged, "change or removal", "changes or removals")}"
        : $"{Wording.Number(load.RowsRead)} read: {Wording.Number(load.RowsAdded)} new, {Wording.Number(load.RowsChanged)} changed, {Wording.Number(load.RowsUnchanged)} unchanged";

    /// <summary>The problems as CSV rows (the cells are made safe for spreadsheets by <c>CsvExport</c>).</summary>
    public static readonly IReadOnlyList<string> ProblemCsvHeader = ["row", "column", "value", "severity", "problem"];

    /// <summary>A plan's listed problems, then a line saying how many more were found but not listed (the list is capped).</summary>
    public static IEnumerable<IReadOnlyList<string?>> ProblemCsvRows(ReturnPlan plan) =>
        ProblemCsvRows(plan.Problems, plan.UnlistedErrorCount, plan.UnlistedWarningCount);

    /// <summary>Listed problems, then a line saying how many more were found but not listed (<see cref="ProblemList"/>).</summary>
    public static IEnumerable<IReadOnlyList<string?>> ProblemCsvRows(IReadOnlyList<ImportProblem> problems, int unlistedErrors, int unlistedWarnings)
    {
        var rows = problems.Select(ProblemCsvRow);
        return ProblemList.UnlistedText(problems.Count, unlistedErrors, unlistedWarnings) is { } unlisted
            ? rows.Append([string.Empty, string.Empty, string.Empty, unlistedErrors > 0 ? "error" : "warning", unlisted])
            : rows;
    }

    public static IReadOnlyList<string?> ProblemCsvRow(ImportProblem p) =>
    [
        p.Row > 0 ? p.Row.ToString(CultureInfo.InvariantCulture) : string.Empty,
        p.Column,
        p.Value,
        p.IsWarning ? "warning" : "error",
        p.Message,
    ];
}

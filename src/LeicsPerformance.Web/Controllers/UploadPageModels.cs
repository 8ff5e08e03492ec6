using System.Globalization;
using LeicsPerformance.Web.Imports;

namespace LeicsPerformance.Web.Controllers;

/// <summary>What the returns, catalogue and committee upload pages share: how much a preview lists, and the models of their shared partials.</summary>
public static class UploadPages
{
    /// <summary>Rows shown per table on a preview; the CSV downloads have them all.</summary>
    public const int ShowLimit = 1000;
}

/// <summary>A confirm pressed again while the first runs: the file, its preview's address and which loads page it belongs to.</summary>
public sealed record UploadBusyPage(string FileName, string PreviewUrl, string NavKey);

/// <summary>A line of a GOV.UK error summary: the message, linking to the field or table row it is about.</summary>
public sealed record ErrorLink(string Text, string Href);

/// <summary>For <c>Views/Returns/_ErrorSummary.cshtml</c>: the first links, and how many more there are (in the table at <paramref name="MoreHref"/>).</summary>
public sealed record ErrorSummaryModel(string Title, string? Intro, IReadOnlyList<ErrorLink> Links, int More = 0, string? MoreHref = null)
{
    /// <summary>Links shown in a summary at most; the rest are counted and left to the errors table.</summary>
    public const int Limit = 25;

    public static ErrorSummaryModel ForProblems(IReadOnlyList<ImportProblem> errors, string? intro) => new(
        "There is a problem with the file",
        intro,
        errors.Take(Limit).Select((p, i) => new ErrorLink(LoadDisplay.Sentence(p), "#problem-" + (i + 1).ToString(CultureInfo.InvariantCulture))).ToList(),
        Math.Max(0, errors.Count - Limit),
        "#errors");
}

/// <summary>For <c>Views/Returns/_UploadForm.cshtml</c>.</summary>
public sealed record UploadFormView(string Action, string Label, string Hint, string? Error, string Button);

/// <summary>For <c>Views/Returns/_Problems.cshtml</c>: the errors and warnings tables (the error summary links to rows of the first).</summary>
public sealed record ProblemTablesModel(IReadOnlyList<ImportProblem> Errors, IReadOnlyList<ImportProblem> Warnings, int Limit, string CsvHref, int UnlistedErrors = 0, int UnlistedWarnings = 0)
{
    /// <summary>Every error found, listed or not (the list is capped by Uploads:MaxProblemsListed).</summary>
    public int ErrorCount => Errors.Count + UnlistedErrors;

    public int WarningCount => Warnings.Count + UnlistedWarnings;
}

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// One thing wrong (or suspicious) in a file, named the way a person finds it in a spreadsheet: the row number
/// as the spreadsheet shows it (the header is row 1), the column heading and the value as typed.
/// </summary>
public sealed record ImportProblem(string File, int Row, string Column, string Value, string Message, bool IsWarning = false)
{
    public override string ToString()
    {
        var where = Row > 0 ? $"{File} row {Row}" : File;
        if (Column.Length > 0)
        {
            where += $", column {Column}";
        }

        return $"{(IsWarning ? "Warning" : "Error")}: {where}: {Message}";
    }
}

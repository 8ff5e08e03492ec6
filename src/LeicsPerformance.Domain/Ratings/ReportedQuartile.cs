using System.Globalization;
using System.Text.RegularExpressions;

namespace LeicsPerformance.Domain.Ratings;

/// <summary>
/// A quartile position as printed by the council when the benchmark comes from outside (LG Inform, ASCOF,
/// PHOF…): "2nd", a range "1st/2nd", with its own period "4th (2016/17)", a month "4th (Nov 2021)", a group
/// "2nd (Eng.)", several notes "1st (2016/17) (Eng.)", or a footnote asterisk "4th*" (the dashboard's footnote
/// says what it means, e.g. "calculated using 2021/22 draft outturn").
/// <see cref="Best"/> and <see cref="Worst"/> are equal unless the position is a range.
/// </summary>
public sealed partial record ReportedQuartile(int Best, int Worst, string? Note, string Original)
{
    /// <summary>Printed with an asterisk pointing to the footnote under the dashboard.</summary>
    public bool HasFootnote { get; init; }

    public bool IsRange => Best != Worst;

    /// <summary>"1st", "1st/2nd".</summary>
    public string Label => IsRange ? $"{Wording.Ordinal(Best)}/{Wording.Ordinal(Worst)}" : Wording.Ordinal(Best);

    /// <summary>
    /// Reads a printed quartile. Blank, "‐", "-", "N/A" mean no comparison (null, true). Returns false
    /// for text that is not a quartile at all.
    /// </summary>
    public static bool TryParse(string? text, out ReportedQuartile? quartile)
    {
        quartile = null;
        var s = (text ?? string.Empty).Replace('\u2010', '-').Trim();
        if (s is "" or "-" || s.Equals("N/A", StringComparison.OrdinalIgnoreCase) || s.Equals("NA", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var m = QuartilePattern().Match(s);
        if (!m.Success)
        {
            return false;
        }

        var best = Number(m.Groups["a"].Value);
        var worst = m.Groups["b"].Success ? Number(m.Groups["b"].Value) : best;
        if (worst < best)
        {
            (best, worst) = (worst, best);
        }

        // Each bracket is one note: "(2016/17) (Eng.)" is a period and a group; kept in printed order.
        var notes = m.Groups["note"].Captures.Select(c => NoteWords(c.Value.Trim())).Where(n => n.Length > 0).ToList();
        var note = notes.Count == 0 ? null : string.Join(", ", notes);
        quartile = new ReportedQuartile(best, worst, note, text!.Trim()) { HasFootnote = m.Groups["star"].Success };
        return true;
    }

    private static string NoteWords(string note) =>
        note.Equals("Eng.", StringComparison.OrdinalIgnoreCase) || note.Equals("Eng", StringComparison.OrdinalIgnoreCase) || note.Equals("England", StringComparison.OrdinalIgnoreCase)
            ? "England"
            : note;

    private static int Number(string ordinal) => ordinal[0] - '0';

    [GeneratedRegex(@"^(?<a>[1-4])(?:st|nd|rd|th)?(?:\s*(?:/|-|to)\s*(?<b>[1-4])(?:st|nd|rd|th)?)?(?:\s*quartile)?\s*(?<star>\*)?(?:\s*\((?<note>[^)]*)\))*\s*(?:\((?<note>[^)]*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuartilePattern();
}

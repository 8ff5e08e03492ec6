using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>One indicator found by a search, with the period its page opens at (its latest figure).</summary>
public sealed record SearchHit(
    string Code,
    string Title,
    string Definition,
    string DashboardSlug,
    string DashboardTitle,
    string Section,
    string EditionLabel,
    string? PeriodCode,
    string? PeriodLabel,
    int Rank);

/// <summary>
/// Finds indicators of every compendium edition by code, title, definition, section, dashboard and notes. Every word
/// of the query must appear somewhere (case and accents aside), so "broadband take up" narrows rather than widens.
/// The catalogue is a few hundred rows, so it is read whole and matched here, which keeps the rule simple and exact.
/// </summary>
public sealed class IndicatorSearch(PerformanceDbContext db, HomeArea homeArea)
{
    public const int MaxWords = 10;

    public async Task<IReadOnlyList<SearchHit>> FindAsync(string query, CancellationToken ct = default)
    {
        var words = Words(query);
        if (words.Count == 0)
        {
            return [];
        }

        var indicators = await db.Indicators.AsNoTracking()
            .Select(i => new
            {
                i.Id,
                i.Code,
                i.Title,
                i.Definition,
                i.Notes,
                DashboardSlug = i.Dashboard.Slug,
                DashboardTitle = i.Dashboard.Title,
                Theme = i.Dashboard.Theme.Title,
                Section = i.Section != null ? i.Section.Title : string.Empty,
                i.Dashboard.EditionFirstPeriod,
                DashboardOrder = i.Dashboard.SortOrder,
                i.SortOrder,
            })
            .ToListAsync(ct);

        var found = new List<(SearchHit Hit, int Id, string Edition, int DashboardOrder, int SortOrder)>();
        foreach (var i in indicators)
        {
            var code = Fold(i.Code);
            var title = Fold(i.Title);
            var everything = string.Join(' ', code, title, Fold(i.Definition), Fold(i.Section), Fold(i.DashboardTitle), Fold(i.Theme), Fold(i.Notes));
            if (!words.All(w => everything.Contains(w, StringComparison.Ordinal)))
            {
                continue;
            }

            // The code itself first, then titles holding every word, then the rest (definition, section, notes).
            var rank = words.Count == 1 && code == words[0] ? 0 : words.All(w => title.Contains(w, StringComparison.Ordinal)) ? 1 : 2;
            var edition = ReportingPeriod.TryParse(i.EditionFirstPeriod, out var first) ? $"{first.Label} compendium" : i.EditionFirstPeriod;
            found.Add((new SearchHit(i.Code, i.Title, i.Definition, i.DashboardSlug, i.DashboardTitle, i.Section, edition, null, null, rank), i.Id, i.EditionFirstPeriod, i.DashboardOrder, i.SortOrder));
        }

        if (found.Count == 0)
        {
            return [];
        }

        // Each result opens at the indicator's latest period holding a figure for the home area, so a 2017/18 indicator
        // opens in 2017/18 rather than in a later edition's period where it has no row.
        var homeId = await homeArea.IdAsync(ct);
        var ids = found.Select(f => f.Id).ToList();
        var latest = (await db.Values.AsNoTracking()
                .Where(v => ids.Contains(v.IndicatorId) && v.AreaId == homeId)
                .Select(v => new { v.IndicatorId, v.Period.Code, v.Period.Label, v.Period.EndDate })
                .ToListAsync(ct))
            .GroupBy(v => v.IndicatorId)
            .ToDictionary(g => g.Key, g => g.MaxBy(v => v.EndDate)!);

        return found
            .OrderBy(f => f.Hit.Rank)
            .ThenByDescending(f => f.Edition, StringComparer.Ordinal)
            .ThenBy(f => f.DashboardOrder)
            .ThenBy(f => f.SortOrder)
            .Select(f => latest.TryGetValue(f.Id, out var p) ? f.Hit with { PeriodCode = p.Code, PeriodLabel = p.Label } : f.Hit)
            .ToList();
    }

    /// <summary>The query's words, folded: "Broad-band  TAKE up" → broad, band, take, up (at most <see cref="MaxWords"/>).</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        Fold(query ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxWords)
            .ToList();

    /// <summary>Lower case, accents off, and every run of punctuation (the printed U+2010 hyphen included) a space.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return builder.ToString();
    }
}

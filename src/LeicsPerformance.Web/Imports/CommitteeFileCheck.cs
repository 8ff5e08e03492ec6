using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Checks the rows of a committee file (<see cref="CommitteeFileParser"/>) against what is stored — the committee, the
/// dashboard or indicator named, a committee's meeting or scope entry given twice — and works out what the file would
/// change, in words, what is held of everything it replaces (<see cref="HeldCell"/>), and what to write
/// (<see cref="CommitteeWrite"/>). Reads only.
/// </summary>
public sealed class CommitteeFileCheck(PerformanceDbContext db)
{
    private static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>What a check found: the changes in words, what is held of what the file replaces, and what to write (null after an error).</summary>
    public sealed record Outcome(IReadOnlyList<CommitteeChange> Changes, IReadOnlyList<HeldCell> Held, CommitteeWrite? Write);

    public async Task<Outcome> CommitteesAsync(IReadOnlyList<CommitteeFileRow> parsed, CancellationToken ct)
    {
        var existing = await db.Committees.AsNoTracking().ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
        var rows = parsed.Where(r => r.Ok).ToList();
        var changes = new List<CommitteeChange>();
        var held = new List<HeldCell>();
        foreach (var r in rows)
        {
            if (!existing.TryGetValue(r.Slug, out var old))
            {
                changes.Add(new(CommitteeChangeKind.Added, $"Adds the committee {r.Title} ({r.Slug})."));
                continue;
            }

            held.Add(new(old.Slug, old.Title, "title", old.Title));
            held.Add(new(old.Slug, old.Title, "short_title", old.ShortTitle));
            held.Add(new(old.Slug, old.Title, "sort_order", old.SortOrder.ToString(CultureInfo.InvariantCulture)));
            held.Add(new(old.Slug, old.Title, "remit", old.Remit));
            if (old.Title != r.Title)
            {
                changes.Add(new(CommitteeChangeKind.Changed, $"{old.Title}: title becomes {r.Title}."));
            }

            if (old.ShortTitle != r.ShortTitle)
            {
                changes.Add(new(CommitteeChangeKind.Changed, $"{r.Title}: short title becomes {r.ShortTitle}."));
            }

            if (old.SortOrder != r.SortOrder)
            {
                changes.Add(new(CommitteeChangeKind.Changed, $"{r.Title}: order becomes {r.SortOrder.ToString(UK)}."));
            }

            if (old.Remit != r.Remit)
            {
                changes.Add(new(CommitteeChangeKind.Changed, $"{r.Title}: remit changes."));
            }
        }

        return new(changes, held, rows.Count == parsed.Count ? new CommitteeWrite.Committees(rows) : null);
    }

    public async Task<Outcome> ScopeAsync(CsvTable table, IReadOnlyList<ScopeFileRow> parsed, ProblemList problems, CancellationToken ct)
    {
        var committees = await db.Committees.AsNoTracking().ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
        var dashboards = await db.Dashboards.AsNoTracking().ToDictionaryAsync(d => d.Slug, StringComparer.Ordinal, ct);
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, StringComparer.OrdinalIgnoreCase, ct);
        var rows = new List<(int CommitteeId, int? DashboardId, int? IndicatorId, int Order, string What)>();
        var seen = new Dictionary<(int, string), int>();
        var errorsBefore = problems.Count;
        foreach (var row in parsed)
        {
            var before = problems.Count;
            var committee = CommitteeOf(problems, table, row.Row, row.Committee, committees);
            Dashboard? dashboard = null;
            Indicator? indicator = null;
            if (row.Dashboard.Length > 0 && row.Indicator.Length == 0 && !dashboards.TryGetValue(row.Dashboard, out dashboard))
            {
                CommitteeFileParser.Problem(problems, table, row.Row, "dashboard", row.Dashboard, $"'{row.Dashboard}' is not a dashboard slug in the catalogue.");
            }
            else if (row.Indicator.Length > 0 && row.Dashboard.Length == 0 && !indicators.TryGetValue(row.Indicator, out indicator))
            {
                CommitteeFileParser.Problem(problems, table, row.Row, "indicator", row.Indicator, $"'{row.Indicator}' is not an indicator code in the catalogue.");
            }

            if (problems.Count > before || !row.Ok)
            {
                continue;
            }

            var what = dashboard is not null ? "dashboard " + dashboard.Title : $"indicator {indicator!.Code} {indicator.Title}";
            var key = (committee!.Id, dashboard is not null ? "d:" + dashboard.Slug : "i:" + indicator!.Code);
            if (seen.TryGetValue(key, out var first))
            {
                var column = dashboard is not null ? "dashboard" : "indicator";
                CommitteeFileParser.Problem(problems, table, row.Row, column, dashboard is not null ? row.Dashboard : row.Indicator, $"The {what} is already in {committee.ShortTitle}'s scope on row {first}.");
                continue;
            }

            seen[key] = row.Row;
            rows.Add((committee.Id, dashboard?.Id, indicator?.Id, row.SortOrder, what));
        }

        var named = rows.Select(r => r.CommitteeId).Distinct().ToArray();
        var stored = await db.CommitteeScopes.AsNoTracking()
            .Where(s => named.Contains(s.CommitteeId))
            .Select(s => new { s.CommitteeId, s.DashboardId, s.IndicatorId, s.SortOrder, Dashboard = s.Dashboard!.Title, Code = s.Indicator!.Code, Title = s.Indicator.Title })
            .ToListAsync(ct);
        var changes = new List<CommitteeChange>();
        var held = new List<HeldCell>();
        foreach (var committee in committees.Values.Where(c => named.Contains(c.Id)).OrderBy(c => c.SortOrder))
        {
            var mine = rows.Where(r => r.CommitteeId == committee.Id).ToList();
            var theirs = stored.Where(s => s.CommitteeId == committee.Id).ToList();
            held.AddRange(theirs.Select(s => new HeldCell(committee.Slug, committee.ShortTitle, s.DashboardId is not null ? "dashboard " + s.Dashboard : "indicator " + s.Code, "order " + s.SortOrder.ToString(CultureInfo.InvariantCulture))));
            foreach (var added in mine.Where(r => !theirs.Any(s => s.DashboardId == r.DashboardId && s.IndicatorId == r.IndicatorId)))
            {
                changes.Add(new(CommitteeChangeKind.Added, $"{committee.ShortTitle}: adds the {added.What}."));
            }

            foreach (var removed in theirs.Where(s => !mine.Any(r => r.DashboardId == s.DashboardId && r.IndicatorId == s.IndicatorId)))
            {
                changes.Add(new(CommitteeChangeKind.Removed, $"{committee.ShortTitle}: removes the {(removed.DashboardId is not null ? "dashboard " + removed.Dashboard : $"indicator {removed.Code} {removed.Title}")}."));
            }
        }

        var clean = problems.Count == errorsBefore && parsed.All(r => r.Ok);
        return new(changes, held, clean ? new CommitteeWrite.Scope(named, rows.Select(r => (r.CommitteeId, r.DashboardId, r.IndicatorId, r.Order)).ToList()) : null);
    }

    public async Task<Outcome> MeetingsAsync(CsvTable table, IReadOnlyList<MeetingFileRow> parsed, ProblemList problems, CancellationToken ct)
    {
        var committees = await db.Committees.AsNoTracking().ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
        var rows = new List<(int CommitteeId, DateOnly Date, string? PeriodCode, string Source)>();
        var seen = new Dictionary<(int, DateOnly), int>();
        var errorsBefore = problems.Count;
        foreach (var row in parsed)
        {
            var committee = CommitteeOf(problems, table, row.Row, row.Committee, committees);
            if (committee is null || !row.Ok)
            {
                continue;
            }

            if (seen.TryGetValue((committee.Id, row.Date), out var first))
            {
                CommitteeFileParser.Problem(problems, table, row.Row, "date", row.DateText,
                    $"{committee.ShortTitle} already has a meeting on {row.Date.ToString("d MMMM yyyy", UK)} on row {first}.");
                continue;
            }

            seen[(committee.Id, row.Date)] = row.Row;
            rows.Add((committee.Id, row.Date, row.PeriodCode, row.Source));
        }

        var named = rows.Select(r => r.CommitteeId).Distinct().ToArray();
        var stored = await db.CommitteeMeetings.AsNoTracking().Where(m => named.Contains(m.CommitteeId)).ToListAsync(ct);
        var changes = new List<CommitteeChange>();
        var held = new List<HeldCell>();
        foreach (var committee in committees.Values.Where(c => named.Contains(c.Id)).OrderBy(c => c.SortOrder))
        {
            var mine = rows.Where(r => r.CommitteeId == committee.Id).ToList();
            var theirs = stored.Where(s => s.CommitteeId == committee.Id).ToList();
            held.AddRange(theirs.Select(s => new HeldCell(committee.Slug, committee.ShortTitle, "meeting " + s.MeetingDate.ToString("d MMMM yyyy", UK),
                (s.ConsidersPeriodCode is null ? "considers no quarter" : "considers " + ReportingPeriod.Parse(s.ConsidersPeriodCode).Label) + ", source: " + (s.Source.Length > 0 ? s.Source : "none"))));
            foreach (var m in mine)
            {
                var old = theirs.FirstOrDefault(s => s.MeetingDate == m.Date);
                if (old is null)
                {
                    changes.Add(new(CommitteeChangeKind.Added, $"{committee.ShortTitle}: adds the meeting of {m.Date.ToString("d MMMM yyyy", UK)}{Considers(m.PeriodCode)}."));
                }
                else if (old.ConsidersPeriodCode != m.PeriodCode || old.Source != m.Source)
                {
                    changes.Add(new(CommitteeChangeKind.Changed, $"{committee.ShortTitle}: the meeting of {m.Date.ToString("d MMMM yyyy", UK)} now{(m.PeriodCode is null ? " considers no quarter's report" : Considers(m.PeriodCode))} (source: {(m.Source.Length > 0 ? m.Source : "none")})."));
                }
            }

            foreach (var removed in theirs.Where(s => mine.All(m => m.Date != s.MeetingDate)))
            {
                changes.Add(new(CommitteeChangeKind.Removed, $"{committee.ShortTitle}: removes the meeting of {removed.MeetingDate.ToString("d MMMM yyyy", UK)}."));
            }
        }

        var clean = problems.Count == errorsBefore && parsed.All(r => r.Ok);
        return new(changes, held, clean ? new CommitteeWrite.Meetings(named, rows) : null);
    }

    public async Task<Outcome> PromptsAsync(IReadOnlyList<PromptFileRow> parsed, CancellationToken ct)
    {
        var rows = parsed.Where(r => r.Ok).ToList();
        var stored = await db.QuestioningPrompts.AsNoTracking().ToListAsync(ct);
        var held = stored.Select(s => new HeldCell(s.Kind.ToCode(), "questioning prompts", s.Kind.ToCode() + " " + s.SortOrder.ToString(CultureInfo.InvariantCulture), s.Text)).ToList();
        var changes = new List<CommitteeChange>();
        foreach (var r in rows.Where(r => !stored.Any(s => s.Kind == r.Kind && s.Text == r.Text)))
        {
            changes.Add(new(CommitteeChangeKind.Added, $"Adds the {r.Kind.ToCode()}: “{r.Text}”"));
        }

        foreach (var s in stored.Where(s => !rows.Any(r => r.Kind == s.Kind && r.Text == s.Text)))
        {
            changes.Add(new(CommitteeChangeKind.Removed, $"Removes the {s.Kind.ToCode()}: “{s.Text}”"));
        }

        if (changes.Count == 0 && stored.Any(s => !rows.Any(r => r.Kind == s.Kind && r.Text == s.Text && r.SortOrder == s.SortOrder)))
        {
            changes.Add(new(CommitteeChangeKind.Changed, "Changes the order of the prompts."));
        }

        return new(changes, held, rows.Count == parsed.Count ? new CommitteeWrite.Prompts(rows) : null);
    }

    private static string Considers(string? periodCode) =>
        periodCode is null ? string.Empty : ", which considers the report for " + ReportingPeriod.Parse(periodCode).LongLabel;

    private static Committee? CommitteeOf(ProblemList problems, CsvTable table, int rowNumber, string slug, Dictionary<string, Committee> committees)
    {
        if (committees.TryGetValue(slug, out var committee))
        {
            return committee;
        }

        CommitteeFileParser.Problem(problems, table, rowNumber, "committee", slug, slug.Length == 0
            ? "The committee is blank: give its slug, e.g. adults-and-communities."
            : $"'{slug}' is not a committee the app holds. Load committees.csv with it first.");
        return null;
    }
}

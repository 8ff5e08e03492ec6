using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>The four committee files in <c>data/committees/</c> (docs/csv-format.md).</summary>
public enum CommitteeFileKind
{
    Committees,
    Scope,
    Meetings,
    Prompts,
}

/// <summary>One change a committee file would make, in words ("Adds meeting 6 September 2021 to Adults and Communities").</summary>
public sealed record CommitteeChange(string Kind, string Description);

/// <summary>A committee file read and checked against the catalogue and what is stored: nothing has been written.</summary>
public sealed class CommitteePlan
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

    internal Func<CancellationToken, Task> Apply { get; init; } = _ => Task.CompletedTask;

    public bool HasErrors => UnlistedErrorCount > 0 || Problems.Any(p => !p.IsWarning);

    /// <summary>Something to write, and nothing wrong.</summary>
    public bool CanCommit => !HasErrors && Changes.Count > 0;

    public int AddedCount => Changes.Count(c => c.Kind == "added");

    public int ChangedCount => Changes.Count(c => c.Kind == "changed");

    public int RemovedCount => Changes.Count(c => c.Kind == "removed");
}

/// <summary>
/// One cell of what a committee file would replace or update, as held when checked: a committee's column, a scope
/// entry's order, a meeting's period and source, a prompt's text. <see cref="Key"/> is the committee's slug (or the
/// prompt's kind), <see cref="Field"/> the column, dashboard, indicator, meeting date or prompt number.
/// </summary>
public sealed record HeldCell(
    [property: System.Text.Json.Serialization.JsonPropertyName("k")] string Key,
    [property: System.Text.Json.Serialization.JsonPropertyName("l")] string Label,
    [property: System.Text.Json.Serialization.JsonPropertyName("f")] string Field,
    [property: System.Text.Json.Serialization.JsonPropertyName("v")] string Value);

/// <summary>
/// Reads the committee files — committees, what each scrutinises, meeting dates, and the members' agreed questioning
/// prompts — checks them row by row (plain-English problems by row and column, as the returns importer does), works
/// out what would change, and writes a clean file. Used by the sample-data seed and the administrators' upload.
/// </summary>
/// <remarks>
/// What a file means: <c>committees.csv</c> adds or updates committees by slug (a committee missing from the file is
/// left alone: it may have published reports). <c>committee-scope.csv</c> and <c>committee-meetings.csv</c> give the
/// whole scope and the whole list of meetings of each committee they name, replacing what is held for those
/// committees. <c>questioning-prompts.csv</c> replaces the prompts. Loading the same files again changes nothing.
/// </remarks>
public sealed class CommitteeImporter(PerformanceDbContext db)
{
    private static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyDictionary<CommitteeFileKind, (string FileName, string[] Required, string Description)> Files { get; } =
        new Dictionary<CommitteeFileKind, (string, string[], string)>
        {
            [CommitteeFileKind.Committees] = ("committees.csv", ["slug", "title", "sort_order"], "the committees: slug, title, short_title, sort_order, remit"),
            [CommitteeFileKind.Scope] = ("committee-scope.csv", ["committee", "dashboard", "indicator"], "what each committee scrutinises: committee, dashboard or indicator, sort_order"),
            [CommitteeFileKind.Meetings] = ("committee-meetings.csv", ["committee", "date"], "meeting dates: committee, date, considers_period, source"),
            [CommitteeFileKind.Prompts] = ("questioning-prompts.csv", ["kind", "sort_order", "text"], "the members' agreed questioning prompts: kind, sort_order, text"),
        };

    /// <summary>The kind of the load a confirmed upload of the file becomes (<c>data_load.kind</c>).</summary>
    public static string LoadKind(CommitteeFileKind kind) => kind switch
    {
        CommitteeFileKind.Committees => "committees",
        CommitteeFileKind.Scope => "committee-scope",
        CommitteeFileKind.Meetings => "committee-meetings",
        _ => "committee-prompts",
    };

    /// <summary>The committee file a load's kind names, or null for any other load.</summary>
    public static CommitteeFileKind? ByLoadKind(string loadKind) =>
        Enum.GetValues<CommitteeFileKind>().Where(k => LoadKind(k) == loadKind).Select(k => (CommitteeFileKind?)k).FirstOrDefault();

    /// <summary>
    /// Which committee file a heading row is: <c>committee</c> and <c>date</c> the meetings, <c>committee</c> the scope,
    /// <c>slug</c> the committees, <c>kind</c> or <c>text</c> the prompts; null when none. (A recognised file missing a
    /// required column is then refused by <see cref="CsvTable.Require"/>, naming the column.)
    /// </summary>
    public static CommitteeFileKind? Recognise(CsvTable table) =>
        table.HasColumn("committee") && table.HasColumn("date") ? CommitteeFileKind.Meetings
        : table.HasColumn("committee") ? CommitteeFileKind.Scope
        : table.HasColumn("slug") ? CommitteeFileKind.Committees
        : table.HasColumn("kind") || table.HasColumn("text") ? CommitteeFileKind.Prompts
        : null;

    /// <summary>The message for a heading row that matches none of the four files, naming each one's required headings.</summary>
    public static string NoneMatches =>
        "The heading row matches none of the committee files. Use the heading row of one of them, as its download gives it: "
        + string.Join("; ", Files.Values.Select(f => $"{f.FileName}: {string.Join(",", f.Required)}"))
        + ".";

    /// <summary>Loads whichever of the four files exist in <paramref name="folder"/>, in order; a file with errors is skipped whole.</summary>
    public async Task<IReadOnlyList<ImportProblem>> ImportFolderAsync(string folder, CancellationToken ct = default)
    {
        var problems = new List<ImportProblem>();
        foreach (var kind in Enum.GetValues<CommitteeFileKind>())
        {
            var path = Path.Combine(folder, Files[kind].FileName);
            if (!File.Exists(path))
            {
                continue;
            }

            var plan = await PlanAsync(kind, "committees/" + Files[kind].FileName, await File.ReadAllBytesAsync(path, ct), ct);
            problems.AddRange(plan.Problems);
            if (!plan.HasErrors)
            {
                await ApplyAsync(plan, ct);
            }
        }

        return problems;
    }

    public async Task ApplyAsync(CommitteePlan plan, CancellationToken ct = default)
    {
        if (plan.HasErrors)
        {
            throw new InvalidOperationException("A committee file with errors cannot be loaded; fix the rows named and check it again.");
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await plan.Apply(ct);
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
    }

    public async Task<CommitteePlan> PlanAsync(CommitteeFileKind kind, string fileName, byte[] content, CancellationToken ct = default)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await PlanAsync(kind, CsvTable.Read(fileName, stream, Files[kind].Required, maxRows: 10_000), ReturnImporter.DefaultMaxProblemsListed, ct);
    }

    /// <summary>Checks a file already read (its required columns checked) and works out what it would change; lists at most <paramref name="maxProblemsListed"/> problems.</summary>
    public async Task<CommitteePlan> PlanAsync(CommitteeFileKind kind, CsvTable table, int maxProblemsListed, CancellationToken ct = default)
    {
        var problems = new ProblemList(maxProblemsListed);
        problems.AddRange(table.Problems);
        var changes = new List<CommitteeChange>();
        var held = new List<HeldCell>();
        Func<CancellationToken, Task> apply = _ => Task.CompletedTask;
        if (!table.Problems.Any(p => !p.IsWarning))
        {
            apply = kind switch
            {
                CommitteeFileKind.Committees => await PlanCommitteesAsync(table, problems, changes, held, ct),
                CommitteeFileKind.Scope => await PlanScopeAsync(table, problems, changes, held, ct),
                CommitteeFileKind.Meetings => await PlanMeetingsAsync(table, problems, changes, held, ct),
                _ => await PlanPromptsAsync(table, problems, changes, held, ct),
            };
        }

        return new CommitteePlan
        {
            Kind = kind,
            FileName = table.FileName,
            RowsRead = table.Rows.Count,
            Problems = problems.Listed(),
            UnlistedErrorCount = problems.UnlistedErrors,
            UnlistedWarningCount = problems.UnlistedWarnings,
            Changes = changes,
            Held = held,
            Apply = apply,
        };
    }

    private async Task<Func<CancellationToken, Task>> PlanCommitteesAsync(CsvTable table, ProblemList problems, List<CommitteeChange> changes, List<HeldCell> held, CancellationToken ct)
    {
        var existing = await db.Committees.AsNoTracking().ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
        var rows = new List<(string Slug, string Title, string Short, int Order, string Remit)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var slug = row["slug"];
            var before = problems.Count;
            if (slug.Length == 0)
            {
                Problem(problems, table, row, "slug", "The slug is blank: every committee needs one, e.g. adults-and-communities.");
            }
            else if (!IsSlug(slug))
            {
                Problem(problems, table, row, "slug", $"'{slug}' is not a slug: use lower-case letters, digits and hyphens (it becomes the web address).");
            }
            else if (seen.TryGetValue(slug, out var first))
            {
                Problem(problems, table, row, "slug", $"'{slug}' is already given on row {first}: each committee appears once.");
            }

            if (row["title"].Length == 0)
            {
                Problem(problems, table, row, "title", "The title is blank.");
            }

            var order = SortOrder(problems, table, row, rows.Count + 1);
            if (problems.Count > before)
            {
                continue;
            }

            seen[slug] = row.RowNumber;
            rows.Add((slug, row["title"], row["short_title"].Length > 0 ? row["short_title"] : row["title"], order, row["remit"]));
        }

        foreach (var r in rows)
        {
            if (!existing.TryGetValue(r.Slug, out var old))
            {
                changes.Add(new("added", $"Adds the committee {r.Title} ({r.Slug})."));
                continue;
            }

            held.Add(new(old.Slug, old.Title, "title", old.Title));
            held.Add(new(old.Slug, old.Title, "short_title", old.ShortTitle));
            held.Add(new(old.Slug, old.Title, "sort_order", old.SortOrder.ToString(CultureInfo.InvariantCulture)));
            held.Add(new(old.Slug, old.Title, "remit", old.Remit));

            if (old.Title != r.Title)
            {
                changes.Add(new("changed", $"{old.Title}: title becomes {r.Title}."));
            }

            if (old.ShortTitle != r.Short)
            {
                changes.Add(new("changed", $"{r.Title}: short title becomes {r.Short}."));
            }

            if (old.SortOrder != r.Order)
            {
                changes.Add(new("changed", $"{r.Title}: order becomes {r.Order.ToString(UK)}."));
            }

            if (old.Remit != r.Remit)
            {
                changes.Add(new("changed", $"{r.Title}: remit changes."));
            }
        }

        return async ct2 =>
        {
            var tracked = await db.Committees.ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct2);
            foreach (var r in rows)
            {
                if (!tracked.TryGetValue(r.Slug, out var committee))
                {
                    committee = new Committee { Slug = r.Slug, Title = r.Title };
                    db.Committees.Add(committee);
                }

                committee.Title = r.Title;
                committee.ShortTitle = r.Short;
                committee.SortOrder = r.Order;
                committee.Remit = r.Remit;
            }
        };
    }

    private async Task<Func<CancellationToken, Task>> PlanScopeAsync(CsvTable table, ProblemList problems, List<CommitteeChange> changes, List<HeldCell> held, CancellationToken ct)
    {
        var committees = await db.Committees.AsNoTracking().ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
        var dashboards = await db.Dashboards.AsNoTracking().ToDictionaryAsync(d => d.Slug, StringComparer.Ordinal, ct);
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, StringComparer.OrdinalIgnoreCase, ct);
        var rows = new List<(int CommitteeId, int? DashboardId, int? IndicatorId, int Order, string What)>();
        var seen = new Dictionary<(int, string), int>();
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            var committee = CommitteeOf(problems, table, row, committees);
            var dashboardSlug = row["dashboard"];
            var code = row["indicator"];
            Dashboard? dashboard = null;
            Indicator? indicator = null;
            if ((dashboardSlug.Length > 0) == (code.Length > 0))
            {
                Problem(problems, table, row, "dashboard", "Give either a dashboard (all its indicators) or one indicator code on each row, not both and not neither.");
            }
            else if (dashboardSlug.Length > 0 && !dashboards.TryGetValue(dashboardSlug, out dashboard))
            {
                Problem(problems, table, row, "dashboard", $"'{dashboardSlug}' is not a dashboard slug in the catalogue.");
            }
            else if (code.Length > 0 && !indicators.TryGetValue(code, out indicator))
            {
                Problem(problems, table, row, "indicator", $"'{code}' is not an indicator code in the catalogue.");
            }

            var order = SortOrder(problems, table, row, rows.Count + 1);
            if (problems.Count > before)
            {
                continue;
            }

            var what = dashboard is not null ? "dashboard " + dashboard.Title : $"indicator {indicator!.Code} {indicator.Title}";
            var key = (committee!.Id, dashboard is not null ? "d:" + dashboard.Slug : "i:" + indicator!.Code);
            if (seen.TryGetValue(key, out var first))
            {
                Problem(problems, table, row, dashboard is not null ? "dashboard" : "indicator", $"The {what} is already in {committee.ShortTitle}'s scope on row {first}.");
                continue;
            }

            seen[key] = row.RowNumber;
            rows.Add((committee.Id, dashboard?.Id, indicator?.Id, order, what));
        }

        var named = rows.Select(r => r.CommitteeId).Distinct().ToArray();
        var stored = await db.CommitteeScopes.AsNoTracking()
            .Where(s => named.Contains(s.CommitteeId))
            .Select(s => new { s.CommitteeId, s.DashboardId, s.IndicatorId, s.SortOrder, Dashboard = s.Dashboard!.Title, Code = s.Indicator!.Code, Title = s.Indicator.Title })
            .ToListAsync(ct);
        foreach (var committee in committees.Values.Where(c => named.Contains(c.Id)).OrderBy(c => c.SortOrder))
        {
            var mine = rows.Where(r => r.CommitteeId == committee.Id).ToList();
            var theirs = stored.Where(s => s.CommitteeId == committee.Id).ToList();
            held.AddRange(theirs.Select(s => new HeldCell(committee.Slug, committee.ShortTitle, s.DashboardId is not null ? "dashboard " + s.Dashboard : "indicator " + s.Code, "order " + s.SortOrder.ToString(CultureInfo.InvariantCulture))));
            foreach (var added in mine.Where(r => !theirs.Any(s => s.DashboardId == r.DashboardId && s.IndicatorId == r.IndicatorId)))
            {
                changes.Add(new("added", $"{committee.ShortTitle}: adds the {added.What}."));
            }

            foreach (var removed in theirs.Where(s => !mine.Any(r => r.DashboardId == s.DashboardId && r.IndicatorId == s.IndicatorId)))
            {
                changes.Add(new("removed", $"{committee.ShortTitle}: removes the {(removed.DashboardId is not null ? "dashboard " + removed.Dashboard : $"indicator {removed.Code} {removed.Title}")}."));
            }
        }

        return async ct2 =>
        {
            await db.CommitteeScopes.Where(s => named.Contains(s.CommitteeId)).ExecuteDeleteAsync(ct2);
            db.CommitteeScopes.AddRange(rows.Select(r => new CommitteeScope { CommitteeId = r.CommitteeId, DashboardId = r.DashboardId, IndicatorId = r.IndicatorId, SortOrder = r.Order }));
        };
    }

    private async Task<Func<CancellationToken, Task>> PlanMeetingsAsync(CsvTable table, ProblemList problems, List<CommitteeChange> changes, List<HeldCell> held, CancellationToken ct)
    {
        var committees = await db.Committees.AsNoTracking().ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
        var rows = new List<CommitteeMeeting>();
        var seen = new Dictionary<(int, DateOnly), int>();
        string[] formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "d MMMM yyyy", "d MMM yyyy"];
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            var committee = CommitteeOf(problems, table, row, committees);
            if (!DateOnly.TryParseExact(row["date"], formats, UK, DateTimeStyles.None, out var date))
            {
                Problem(problems, table, row, "date", $"'{row["date"]}' is not a date: write it like 2021-09-06 or 06/09/2021.");
            }
            else if (!ReportingPeriod.YearInRange(date.Year))
            {
                Problem(problems, table, row, "date", $"'{row["date"]}' is not a date between {ReportingPeriod.MinYear} and {ReportingPeriod.MaxYear}.");
            }

            string? periodCode = null;
            var periodText = row["considers_period"];
            if (periodText.Length > 0)
            {
                if (!ReportingPeriod.TryParse(periodText, out var period) || period.Kind != PeriodKind.FinancialQuarter)
                {
                    Problem(problems, table, row, "considers_period", $"'{periodText}' is not a quarter: write it like Q1 2021/22 or Quarter One 2021-22.");
                }
                else
                {
                    periodCode = period.Code;
                }
            }

            if (problems.Count > before)
            {
                continue;
            }

            if (seen.TryGetValue((committee!.Id, date), out var first))
            {
                Problem(problems, table, row, "date", $"{committee.ShortTitle} already has a meeting on {date.ToString("d MMMM yyyy", UK)} on row {first}.");
                continue;
            }

            seen[(committee.Id, date)] = row.RowNumber;
            rows.Add(new CommitteeMeeting { CommitteeId = committee.Id, MeetingDate = date, ConsidersPeriodCode = periodCode, Source = row["source"] });
        }

        var named = rows.Select(r => r.CommitteeId).Distinct().ToArray();
        var stored = await db.CommitteeMeetings.AsNoTracking().Where(m => named.Contains(m.CommitteeId)).ToListAsync(ct);
        foreach (var committee in committees.Values.Where(c => named.Contains(c.Id)).OrderBy(c => c.SortOrder))
        {
            var mine = rows.Where(r => r.CommitteeId == committee.Id).ToList();
            var theirs = stored.Where(s => s.CommitteeId == committee.Id).ToList();
            held.AddRange(theirs.Select(s => new HeldCell(committee.Slug, committee.ShortTitle, "meeting " + s.MeetingDate.ToString("d MMMM yyyy", UK),
                (s.ConsidersPeriodCode is null ? "considers no quarter" : "considers " + ReportingPeriod.Parse(s.ConsidersPeriodCode).Label) + ", source: " + (s.Source.Length > 0 ? s.Source : "none"))));
            foreach (var m in mine)
            {
                var old = theirs.FirstOrDefault(s => s.MeetingDate == m.MeetingDate);
                if (old is null)
                {
                    changes.Add(new("added", $"{committee.ShortTitle}: adds the meeting of {m.MeetingDate.ToString("d MMMM yyyy", UK)}{Considers(m.ConsidersPeriodCode)}."));
                }
                else if (old.ConsidersPeriodCode != m.ConsidersPeriodCode || old.Source != m.Source)
                {
                    changes.Add(new("changed", $"{committee.ShortTitle}: the meeting of {m.MeetingDate.ToString("d MMMM yyyy", UK)} now{(m.ConsidersPeriodCode is null ? " considers no quarter's report" : Considers(m.ConsidersPeriodCode))} (source: {(m.Source.Length > 0 ? m.Source : "none")})."));
                }
            }

            foreach (var removed in theirs.Where(s => mine.All(m => m.MeetingDate != s.MeetingDate)))
            {
                changes.Add(new("removed", $"{committee.ShortTitle}: removes the meeting of {removed.MeetingDate.ToString("d MMMM yyyy", UK)}."));
            }
        }

        return async ct2 =>
        {
            await db.CommitteeMeetings.Where(m => named.Contains(m.CommitteeId)).ExecuteDeleteAsync(ct2);
            db.CommitteeMeetings.AddRange(rows);
        };
    }

    private async Task<Func<CancellationToken, Task>> PlanPromptsAsync(CsvTable table, ProblemList problems, List<CommitteeChange> changes, List<HeldCell> held, CancellationToken ct)
    {
        var rows = new List<QuestioningPrompt>();
        var seen = new Dictionary<(string, int), int>();
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            var kind = row["kind"].ToLowerInvariant();
            if (kind is not ("introduction" or "prompt"))
            {
                Problem(problems, table, row, "kind", $"'{row["kind"]}' is not a kind: use introduction (the text before the list) or prompt (one question).");
            }

            if (row["text"].Length == 0)
            {
                Problem(problems, table, row, "text", "The text is blank.");
            }

            var order = SortOrder(problems, table, row, rows.Count + 1);
            if (problems.Count > before)
            {
                continue;
            }

            if (seen.TryGetValue((kind, order), out var first))
            {
                Problem(problems, table, row, "sort_order", $"Row {first} already has {kind} number {order.ToString(UK)}.");
                continue;
            }

            seen[(kind, order)] = row.RowNumber;
            rows.Add(new QuestioningPrompt { Kind = kind, SortOrder = order, Text = row["text"] });
        }

        var stored = await db.QuestioningPrompts.AsNoTracking().ToListAsync(ct);
        held.AddRange(stored.Select(s => new HeldCell(s.Kind, "questioning prompts", s.Kind + " " + s.SortOrder.ToString(CultureInfo.InvariantCulture), s.Text)));
        foreach (var r in rows.Where(r => !stored.Any(s => s.Kind == r.Kind && s.Text == r.Text)))
        {
            changes.Add(new("added", $"Adds the {r.Kind}: “{r.Text}”"));
        }

        foreach (var s in stored.Where(s => !rows.Any(r => r.Kind == s.Kind && r.Text == s.Text)))
        {
            changes.Add(new("removed", $"Removes the {s.Kind}: “{s.Text}”"));
        }

        if (changes.Count == 0 && stored.Any(s => !rows.Any(r => r.Kind == s.Kind && r.Text == s.Text && r.SortOrder == s.SortOrder)))
        {
            changes.Add(new("changed", "Changes the order of the prompts."));
        }

        return async ct2 =>
        {
            await db.QuestioningPrompts.ExecuteDeleteAsync(ct2);
            db.QuestioningPrompts.AddRange(rows);
        };
    }

    /// <summary>What is held now, in the file's own format: download it, edit it, upload it back.</summary>
    public async Task<(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string?>> Rows)> CurrentAsync(CommitteeFileKind kind, CancellationToken ct = default)
    {
        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        var slugOf = committees.ToDictionary(c => c.Id, c => c.Slug);
        var orderOf = committees.ToDictionary(c => c.Id, c => c.SortOrder);
        switch (kind)
        {
            case CommitteeFileKind.Committees:
                return (["slug", "title", "short_title", "sort_order", "remit"],
                    committees.Select(c => (IReadOnlyList<string?>)[c.Slug, c.Title, c.ShortTitle, c.SortOrder.ToString(CultureInfo.InvariantCulture), c.Remit]).ToList());
            case CommitteeFileKind.Scope:
                var scope = await db.CommitteeScopes.AsNoTracking()
                    .Select(s => new { s.CommitteeId, s.SortOrder, Dashboard = s.Dashboard == null ? null : s.Dashboard.Slug, Indicator = s.Indicator == null ? null : s.Indicator.Code })
                    .ToListAsync(ct);
                return (["committee", "dashboard", "indicator", "sort_order"],
                    scope.OrderBy(s => orderOf[s.CommitteeId]).ThenBy(s => s.SortOrder)
                        .Select(s => (IReadOnlyList<string?>)[slugOf[s.CommitteeId], s.Dashboard ?? string.Empty, s.Indicator ?? string.Empty, s.SortOrder.ToString(CultureInfo.InvariantCulture)]).ToList());
            case CommitteeFileKind.Meetings:
                var meetings = await db.CommitteeMeetings.AsNoTracking().ToListAsync(ct);
                return (["committee", "date", "considers_period", "source"],
                    meetings.OrderBy(m => orderOf[m.CommitteeId]).ThenBy(m => m.MeetingDate)
                        .Select(m => (IReadOnlyList<string?>)[slugOf[m.CommitteeId], m.MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.ConsidersPeriodCode is null ? string.Empty : ReportingPeriod.Parse(m.ConsidersPeriodCode).Label, m.Source]).ToList());
            default:
                var prompts = await db.QuestioningPrompts.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.SortOrder).ToListAsync(ct);
                return (["kind", "sort_order", "text"],
                    prompts.Select(p => (IReadOnlyList<string?>)[p.Kind, p.SortOrder.ToString(CultureInfo.InvariantCulture), p.Text]).ToList());
        }
    }

    private static string Considers(string? periodCode) =>
        periodCode is null ? string.Empty : ", which considers the report for " + ReportingPeriod.Parse(periodCode).LongLabel;

    private static Committee? CommitteeOf(ProblemList problems, CsvTable table, CsvRow row, Dictionary<string, Committee> committees)
    {
        var slug = row["committee"];
        if (committees.TryGetValue(slug, out var committee))
        {
            return committee;
        }

        Problem(problems, table, row, "committee", slug.Length == 0
            ? "The committee is blank: give its slug, e.g. adults-and-communities."
            : $"'{slug}' is not a committee the app holds. Load committees.csv with it first.");
        return null;
    }

    private static int SortOrder(ProblemList problems, CsvTable table, CsvRow row, int fallback)
    {
        var text = row["sort_order"];
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var order))
        {
            return order;
        }

        Problem(problems, table, row, "sort_order", $"'{text}' is not a whole number giving the order.");
        return 0;
    }

    private static bool IsSlug(string s) => s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && !s.StartsWith('-') && !s.EndsWith('-');

    private static void Problem(ProblemList problems, CsvTable table, CsvRow row, string column, string message) =>
        problems.Add(new(table.FileName, row.RowNumber, column, row[column], message));
}

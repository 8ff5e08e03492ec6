using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Exports;
using LeicsPerformance.Web.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Imports;

/// <summary>What the preview showed as the stored value for one indicator, area and period (kept as JSON).</summary>
public sealed record ExpectedValue(
    [property: JsonPropertyName("i")] int IndicatorId,
    [property: JsonPropertyName("a")] int AreaId,
    [property: JsonPropertyName("p")] string PeriodCode,
    [property: JsonPropertyName("e")] bool Exists,
    [property: JsonPropertyName("v")] decimal? Value,
    [property: JsonPropertyName("s")] string? Status);

/// <summary>A stored value that is no longer what the preview showed: "was X when you checked, now Y".</summary>
public sealed record MovedValue(string IndicatorCode, string IndicatorTitle, string AreaName, string PeriodLabel, string WasWhenChecked, string Now);

/// <summary>What happened when an analyst confirmed an upload.</summary>
public abstract record ConfirmOutcome
{
    public sealed record Committed(DataLoad Load) : ConfirmOutcome;

    /// <summary>Values moved since the preview (found by the re-check, or by the importer's own check inside its lock).</summary>
    public sealed record Moved(ReturnPlan Plan, IReadOnlyList<MovedValue> Values, IReadOnlyList<string> ImporterConflicts) : ConfirmOutcome
    {
        public int Count => Values.Count > 0 ? Values.Count : ImporterConflicts.Count;
    }

    /// <summary>Checked again, the file now has errors (the catalogue changed); nothing written.</summary>
    public sealed record NowHasErrors(ReturnPlan Plan) : ConfirmOutcome;

    public sealed record AlreadyLoaded(ReturnPlan Plan) : ConfirmOutcome;

    /// <summary>Another confirm of the same upload is running.</summary>
    public sealed record Busy : ConfirmOutcome;
}

/// <summary>
/// The analyst's upload of a returns file: check it (<see cref="PlanAsync"/>), keep it with what the preview
/// showed (<see cref="StoreAsync"/>), and on confirm check it again from the stored bytes and commit it only if
/// nothing it would change has moved since (<see cref="ConfirmAsync"/>). The commit itself is
/// <see cref="ReturnWriter.CommitAsync"/>, whose check inside its lock is the last line of defence.
/// </summary>
public sealed class ReturnUploads(
    PerformanceDbContext db,
    ReturnImporter importer,
    ReturnWriter writer,
    PendingUploads pending,
    IOptions<UploadOptions> options,
    DatasetMappings datasets,
    PerformanceQueries performance, HomeArea homeArea,
    CommitteeScopes scopes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public UploadOptions Limits => options.Value;

    /// <summary>
    /// Checks a file as <see cref="ReturnImporter.PlanAsync"/> does, after refusing what is not UTF-8 CSV text at
    /// all (a workbook, UTF-16, binary) and adding that a file with a heading but no values has nothing to load.
    /// </summary>
    public async Task<ReturnPlan> PlanAsync(string fileName, byte[] content, CancellationToken ct)
    {
        if (UploadChecks.NotCsvText(content) is { } notText)
        {
            return new ReturnPlan
            {
                FileName = fileName,
                Sha256 = ReturnImporter.Sha256Of(content),
                Changes = [],
                Problems = [new ImportProblem(fileName, 0, string.Empty, string.Empty, notText)],
            };
        }

        if (UploadChecks.QuoteProblems(fileName, content) is { Count: > 0 } quoteProblems)
        {
            return new ReturnPlan
            {
                FileName = fileName,
                Sha256 = ReturnImporter.Sha256Of(content),
                Changes = [],
                Problems = quoteProblems,
            };
        }

        // Read once: the rows past the limit are only counted, and the same table is checked as a return or a dataset.
        var maxRows = options.Value.MaxRows;
        var most = options.Value.MaxProblemsListed;
        CsvTable table;
        using (var stream = new MemoryStream(content, writable: false))
        {
            table = CsvTable.Read(fileName, stream, [], maxRows);
        }

        // The row limit is about the file, not a row: say so first and alone, rather than check 200,000 rows.
        if (table.OverRowLimit)
        {
            var rows = table.RowsInFile;
            return new ReturnPlan
            {
                FileName = fileName,
                Sha256 = ReturnImporter.Sha256Of(content),
                RowsRead = rows,
                Changes = [],
                Problems = [new ImportProblem(fileName, 0, string.Empty, string.Empty,
                    string.Create(Wording.Uk, $"The file has {rows:N0} rows of values, more than the {maxRows:N0} one load may hold. Split it into smaller files and upload each."))],
            };
        }

        if (DatasetImporter.IsDataset(table))
        {
            return (await PlanDatasetAsync(fileName, content, table.Require(DatasetImporter.RequiredColumns), ct)).Capped(most);
        }

        var plan = await importer.PlanAsync(ReturnImporter.Sha256Of(content), table.Require(ReturnRows.RequiredColumns), most, ct);
        table = null!; // an async method's locals live as long as it does: let the file's rows go once checked
        if (plan.RowsRead == 0 && !plan.HasErrors)
        {
            return new ReturnPlan
            {
                FileName = plan.FileName,
                Sha256 = plan.Sha256,
                Changes = [],
                Problems = [new ImportProblem(fileName, 0, string.Empty, string.Empty, "The file has a heading row but no values under it: add one row per indicator, area and period.")],
                AlreadyLoadedAs = plan.AlreadyLoadedAs,
            };
        }

        return WithBlankValueWarnings(plan).Capped(most);
    }

    /// <summary>
    /// A published dataset in the tidy layout (<c>areacd, period, observation</c>, …): found in the dataset mapping by
    /// its file name, turned row for row into a return and planned like one, with every problem put back on the
    /// dataset's own row and heading. The pending upload keeps the file as published; confirm converts it again.
    /// </summary>
    private async Task<ReturnPlan> PlanDatasetAsync(string fileName, byte[] content, CsvTable table, CancellationToken ct)
    {
        ReturnPlan Refused(IReadOnlyList<ImportProblem> problems) => new()
        {
            FileName = fileName,
            Sha256 = ReturnImporter.Sha256Of(content),
            Changes = [],
            Problems = problems,
        };

        if (DatasetImporter.MappingFor(fileName, datasets.All) is not { } mapping)
        {
            var known = string.Join(", ", datasets.All.Select(m => m.File));
            return Refused([new ImportProblem(fileName, 0, string.Empty, string.Empty,
                $"This is a published dataset (it has areacd and period columns), but '{fileName}' is not in the dataset mapping (data/ons/mapping.csv), so the app does not know which indicator it feeds. Upload it under its published name: {known}.")]);
        }

        var (converted, rowMap, problems) = DatasetImporter.ToReturn(table, mapping);
        if (converted is null)
        {
            return Refused(problems);
        }

        // The converted return is read once more (it is new text, not the upload), keeping its SHA-256 the seed's.
        ReturnPlan plan;
        using (var stream = new MemoryStream(converted, writable: false))
        {
            plan = await importer.PlanAsync(
                ReturnImporter.Sha256Of(converted), CsvTable.Read(fileName, stream, ReturnRows.RequiredColumns, options.Value.MaxRows), options.Value.MaxProblemsListed, ct);
        }

        return new ReturnPlan
        {
            FileName = plan.FileName,
            Sha256 = plan.Sha256,
            RowsRead = plan.RowsRead,
            Changes = plan.Changes,
            Problems = plan.Problems.Select(p => DatasetImporter.ToDatasetProblem(p, fileName, rowMap)).ToList(),
            UnlistedErrorCount = plan.UnlistedErrorCount,
            UnlistedWarningCount = plan.UnlistedWarningCount,
            RejectedRowCount = plan.RejectedRowCount,
            AlreadyLoadedAs = plan.AlreadyLoadedAs,
        };
    }

    /// <summary>
    /// A blank value is read as "not available" (docs/csv-format.md), which is easy to do by accident with a
    /// template: say so for every row where it would add or change a value, louder where it replaces a figure.
    /// </summary>
    private static ReturnPlan WithBlankValueWarnings(ReturnPlan plan)
    {
        var warnings = plan.Changes
            .Where(c => c.Kind != ChangeKind.Unchanged && c.Line.AsPrinted.Trim().Length == 0 && c.Line.Value is null)
            .Select(c => new ImportProblem(plan.FileName, c.Line.Row, "value", string.Empty,
                c.OldValue is not null
                    ? $"The value is blank, so {c.OldDisplay} (held now for {c.Line.IndicatorCode}, {c.Line.Period.Label}) would become '{c.Line.Status.ToCode()}'. Delete the row to keep the value held, or write N/A if it really is not available."
                    : $"The value is blank, so {c.Line.IndicatorCode} for {c.Line.Period.Label} would be recorded as '{c.Line.Status.ToCode()}'. Delete the row if you have no figure yet.",
                IsWarning: true))
            .ToList();
        if (warnings.Count == 0)
        {
            return plan;
        }

        return new ReturnPlan
        {
            FileName = plan.FileName,
            Sha256 = plan.Sha256,
            RowsRead = plan.RowsRead,
            Changes = plan.Changes,
            Problems = plan.Problems.Concat(warnings).OrderBy(p => p.Row).ThenBy(p => p.IsWarning).ToList(),
            UnlistedErrorCount = plan.UnlistedErrorCount,
            UnlistedWarningCount = plan.UnlistedWarningCount,
            RejectedRowCount = plan.RejectedRowCount,
            AlreadyLoadedAs = plan.AlreadyLoadedAs,
        };
    }

    public static bool CanCommit(ReturnPlan plan) => !plan.HasErrors && plan.AlreadyLoadedAs is null && plan.Changes.Count > 0;

    public async Task<(PendingUpload Pending, ReturnPlan Plan)> StoreAsync(string userName, string fileName, byte[] content, CancellationToken ct)
    {
        var plan = await PlanAsync(fileName, content, ct);
        // The preview this upload is sent to works out the consequences and keeps its own downloads, with them.
        var stored = await pending.AddAsync(PendingUploadKind.Returns, userName, fileName, plan.Sha256, content, ExpectedJson(plan), Downloads(plan, PreviewConsequences.None()), ct);
        return (stored, plan);
    }

    /// <summary>
    /// What the council's own values in the file would show once loaded: each rated by the dashboards' rating as things
    /// are now and with the whole file's values and assessments in place of the stored ones (nothing is written), with
    /// the committees whose reports include the indicator. Worked out for the first <see cref="PreviewConsequences.Limit"/>
    /// of them in at most <see cref="PreviewConsequences.MaxPeriods"/> periods, the latest periods first (what the dashboards
    /// and committees see), each period rated twice; none for a file with errors (it cannot be loaded as it is).
    /// </summary>
    public async Task<PreviewConsequences> ConsequencesAsync(ReturnPlan plan, CancellationToken ct)
    {
        if (plan.HasErrors || plan.Changes.Count == 0)
        {
            return PreviewConsequences.None(plan.HasErrors);
        }

        var homeId = await homeArea.IdAsync(ct);
        var home = plan.Changes
            .Where(c => c.Line.AreaId == homeId && (c.Kind != ChangeKind.Unchanged || c.Line.Assessment is not null))
            .OrderBy(c => c.Line.Row)
            .ToList();
        if (home.Count == 0)
        {
            return PreviewConsequences.None();
        }

        var worked = new List<PlannedChange>();
        foreach (var column in home.GroupBy(c => c.Line.AssessmentPeriod).OrderByDescending(g => g.Key).Take(PreviewConsequences.MaxPeriods))
        {
            worked.AddRange(column.Take(PreviewConsequences.Limit - worked.Count));
            if (worked.Count == PreviewConsequences.Limit)
            {
                break;
            }
        }

        var areaCodes = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var file = new AsIfLoaded(plan.Changes.Select(c => c.Line), areaCodes);
        var scrutinisedBy = await scopes.CommitteesScrutinisingAsync(worked.Select(c => (c.Line.IndicatorId, c.Line.AssessmentPeriod)).Distinct().ToList(), ct);
        var rows = new List<ValueConsequence>(worked.Count);
        foreach (var column in worked.GroupBy(c => c.Line.AssessmentPeriod.Code, StringComparer.Ordinal))
        {
            var period = column.First().Line.AssessmentPeriod;
            var codes = column.Select(c => c.Line.IndicatorCode).Distinct(StringComparer.Ordinal).ToList();
            var now = (await performance.RateIndicatorsAsync(codes, period, ct)).ToDictionary(r => r.Code, StringComparer.Ordinal);
            var loaded = (await performance.RateAsIfLoadedAsync(codes, period, file, ct)).ToDictionary(r => r.Code, StringComparer.Ordinal);
            rows.AddRange(column.Select(c => new ValueConsequence(
                c, now[c.Line.IndicatorCode], loaded[c.Line.IndicatorCode], scrutinisedBy.GetValueOrDefault((c.Line.IndicatorId, period.Code)) ?? [])));
        }

        var knockOns = await KnockOnsAsync(plan, homeId, worked, file, ct);
        return new PreviewConsequences(rows.OrderBy(r => r.Line.Row).ToList(), home.Count, home[0].Line.AreaName, false, knockOns);
    }

    /// <summary>
    /// The council's values the file does not hold whose arrow compares with a value it adds or changes: for each, the
    /// next period's (2018/19's arrow compares with 2017/18). Kept where the arrow or the exception reasons would
    /// change; at most <see cref="PreviewConsequences.MaxPeriods"/> periods are rated, the latest first.
    /// </summary>
    private async Task<IReadOnlyList<KnockOnConsequence>> KnockOnsAsync(ReturnPlan plan, int homeId, IReadOnlyList<PlannedChange> worked, AsIfLoaded file, CancellationToken ct)
    {
        var inFile = plan.Changes.Where(c => c.Line.AreaId == homeId)
            .Select(c => (c.Line.IndicatorId, c.Line.AssessmentPeriod.Code))
            .ToHashSet();
        var following = worked
            .Where(c => c.Kind != ChangeKind.Unchanged && c.Line.ColumnPeriod is null)
            .Select(c => (c.Line.IndicatorId, c.Line.IndicatorCode, c.Line.IndicatorTitle, Period: c.Line.Period.Next()))
            .Where(k => !inFile.Contains((k.IndicatorId, k.Period.Code)))
            .Distinct()
            .ToList();
        if (following.Count == 0)
        {
            return [];
        }

        var scrutinisedBy = await scopes.CommitteesScrutinisingAsync(following.Select(k => (k.IndicatorId, k.Period)).ToList(), ct);
        var knockOns = new List<KnockOnConsequence>();
        foreach (var column in following.GroupBy(k => k.Period).OrderByDescending(g => g.Key).Take(PreviewConsequences.MaxPeriods))
        {
            var codes = column.Select(k => k.IndicatorCode).ToList();
            var now = (await performance.RateIndicatorsAsync(codes, column.Key, ct)).ToDictionary(r => r.Code, StringComparer.Ordinal);
            var loaded = (await performance.RateAsIfLoadedAsync(codes, column.Key, file, ct)).ToDictionary(r => r.Code, StringComparer.Ordinal);
            knockOns.AddRange(column
                .Where(k => now[k.IndicatorCode].Current is not null)
                .Select(k => new KnockOnConsequence(k.IndicatorCode, k.IndicatorTitle, k.Period, now[k.IndicatorCode], loaded[k.IndicatorCode],
                    scrutinisedBy.GetValueOrDefault((k.IndicatorId, k.Period.Code)) ?? []))
                .Where(k => k.Matters));
        }

        return knockOns.OrderBy(k => k.IndicatorCode, StringComparer.Ordinal).ThenBy(k => k.Period).ToList();
    }

    /// <summary>The old values the preview shows, key by key; empty for a plan that cannot be committed.</summary>
    public static string ExpectedJson(ReturnPlan plan) =>
        CanCommit(plan)
            ? JsonSerializer.Serialize(
                plan.Changes.Select(c => new ExpectedValue(c.Line.IndicatorId, c.Line.AreaId, c.Line.Period.Code, c.OldStatus is not null, c.OldValue, c.OldStatus?.ToCode())).ToList(),
                Json)
            : PendingUploads.NothingExpected;

    /// <summary>Every value the plan would change whose stored value is no longer what the preview showed.</summary>
    public static IReadOnlyList<MovedValue> Moved(string expectedJson, ReturnPlan plan)
    {
        var expected = (JsonSerializer.Deserialize<List<ExpectedValue>>(expectedJson, Json) ?? [])
            .ToDictionary(e => (e.IndicatorId, e.AreaId, e.PeriodCode));
        if (expected.Count == 0)
        {
            return [];
        }

        var moved = new List<MovedValue>();
        foreach (var change in plan.Changes)
        {
            var line = change.Line;
            var now = change.OldStatus is null ? "no value" : change.OldDisplay;
            if (!expected.TryGetValue((line.IndicatorId, line.AreaId, line.Period.Code), out var then))
            {
                moved.Add(new(line.IndicatorCode, line.IndicatorTitle, line.AreaName, line.Period.Label, "not in the file's preview", now));
                continue;
            }

            var same = then.Exists == (change.OldStatus is not null) && then.Value == change.OldValue && then.Status == change.OldStatus?.ToCode();
            if (!same)
            {
                moved.Add(new(line.IndicatorCode, line.IndicatorTitle, line.AreaName, line.Period.Label, Wording.Value(line.Format, then.Value, then.Exists ? then.Status : null), now));
            }
        }

        return moved;
    }

    public async Task<ReturnPlan> ReplanAsync(PendingUpload upload, CancellationToken ct) =>
        await PlanAsync(upload.FileName, upload.Content, ct);

    /// <summary>
    /// Checks the kept file for its preview and works out its consequences, and keeps that plan's downloads with it
    /// (they are of what the page shows).
    /// </summary>
    public async Task<(ReturnPlan Plan, PreviewConsequences Consequences)> PreviewAsync(PendingUpload upload, CancellationToken ct)
    {
        var plan = await ReplanAsync(upload, ct);
        var consequences = await ConsequencesAsync(plan, ct);
        await pending.SetDownloadsAsync(upload.Id, Downloads(plan, consequences), ct);
        return (plan, consequences);
    }

    /// <summary>Takes the values as they are now as the ones the analyst has seen (after "check again").</summary>
    public async Task<ReturnPlan> RecheckAsync(PendingUpload upload, CancellationToken ct)
    {
        var plan = await ReplanAsync(upload, ct);
        await pending.SetExpectedAsync(upload.Id, ExpectedJson(plan), Downloads(plan, PreviewConsequences.None()), ct);
        return plan;
    }

    /// <summary>A preview's problems and changes as CSV, made once with its plan (issue 12: a download does not check the file again).</summary>
    public static PreviewDownloads Downloads(ReturnPlan plan, PreviewConsequences consequences) => new(
        CsvExport.WriteCompressed(LoadDisplay.ProblemCsvHeader, LoadDisplay.ProblemCsvRows(plan)),
        CsvExport.WriteCompressed(ChangesCsvHeader, plan.Changes.Select(c => ChangeCsvRow(c, consequences.For(c)))));

    /// <summary>
    /// The preview's changes download: every row (new, changed, unchanged) with what it would write, and for the
    /// council's values the preview worked out, what the dashboards and committees' reports would show once loaded.
    /// </summary>
    public static readonly IReadOnlyList<string> ChangesCsvHeader =
    [
        "row", "change", "indicator_code", "indicator_title", "area", "period", "now", "in_file", "value_as_typed", "target", "quartile", "comparator_group", "direction", "commentary",
        "direction_once_loaded", "target_status_once_loaded", "exception_once_loaded", "committees",
    ];

    private static IReadOnlyList<string?> ChangeCsvRow(PlannedChange c, ValueConsequence? after) =>
    [
        c.Line.Row.ToString(CultureInfo.InvariantCulture),
        c.Kind.ToString().ToLowerInvariant(),
        c.Line.IndicatorCode,
        c.Line.IndicatorTitle,
        c.Line.AreaName,
        c.Line.Period.Label,
        c.Kind == ChangeKind.New ? string.Empty : c.OldDisplay,
        c.NewDisplay,
        c.Line.AsPrinted,
        c.Line.Assessment?.TargetText,
        c.Line.Assessment?.Quartile?.Original,
        c.Line.Assessment?.QuartileGroupCode,
        c.Line.Assessment?.OfficerDirection?.Words(),
        c.Line.Assessment?.Commentary,
        after is null ? null : Wording.Direction(after.Loaded.Direction.Direction),
        after is null ? null : Wording.TargetStatus(after.Loaded.Target.Status),
        after?.ExceptionText,
        after is null ? null : string.Join("; ", after.Committees),
    ];

    public async Task<ConfirmOutcome> ConfirmAsync(PendingUpload upload, string userName, CancellationToken ct)
    {
        if (upload.CommittedLoadId is { } done && await LoadAsync(done, ct) is { } earlier)
        {
            return new ConfirmOutcome.Committed(earlier);
        }

        await using var claim = await pending.TryClaimAsync(upload.Id, ct);
        if (claim is null)
        {
            return new ConfirmOutcome.Busy();
        }

        if (await pending.CommittedLoadAsync(upload.Id, ct) is { } justDone && await LoadAsync(justDone, ct) is { } justLoaded)
        {
            return new ConfirmOutcome.Committed(justLoaded);
        }

        var plan = await ReplanAsync(upload, ct);
        if (plan.HasErrors || plan.Changes.Count == 0)
        {
            return new ConfirmOutcome.NowHasErrors(plan);
        }

        if (plan.AlreadyLoadedAs is not null)
        {
            return new ConfirmOutcome.AlreadyLoaded(plan);
        }

        var moved = Moved(upload.Expected, plan);
        if (moved.Count > 0)
        {
            return new ConfirmOutcome.Moved(plan, moved, []);
        }

        try
        {
            var load = await writer.CommitAsync(plan, LoadKind.Upload, userName, ct);
            await pending.MarkCommittedAsync(upload.Id, load.Id, CancellationToken.None);
            return new ConfirmOutcome.Committed(load);
        }
        catch (ReturnConflictException conflict)
        {
            // Another load committed between our check and our commit: say what moved, as the re-check would.
            db.ChangeTracker.Clear();
            var now = await ReplanAsync(upload, ct);
            return new ConfirmOutcome.Moved(now, Moved(upload.Expected, now), conflict.Conflicts);
        }
    }

    /// <summary>The earlier load an identical file was committed as (for "already loaded on … by …").</summary>
    public async Task<DataLoad?> LoadAsync(int? id, CancellationToken ct) =>
        id is null ? null : await db.DataLoads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);

    /// <summary>
    /// The dashboards whose values or assessments a load wrote, each once with the periods it touched (latest
    /// first), for links from the result page.
    /// </summary>
    public async Task<IReadOnlyList<AffectedDashboard>> AffectedDashboardsAsync(int loadId, CancellationToken ct)
    {
        var keys = await db.ValueHistory.Where(h => h.DataLoadId == loadId).Select(h => new { h.IndicatorId, h.PeriodId }).Distinct().ToListAsync(ct);
        keys.AddRange(await db.Assessments.Where(a => a.DataLoadId == loadId).Select(a => new { a.IndicatorId, a.PeriodId }).Distinct().ToListAsync(ct));
        var indicatorIds = keys.Select(k => k.IndicatorId).Distinct().ToArray();
        var periodIds = keys.Select(k => k.PeriodId).Distinct().ToArray();
        var dashboards = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Dashboard.Slug, i.Dashboard.Title, i.Dashboard.SortOrder })
            .ToDictionaryAsync(i => i.Id, ct);
        var periods = await db.Periods.AsNoTracking().Where(p => periodIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return keys.Distinct()
            .GroupBy(k => dashboards[k.IndicatorId].Slug, StringComparer.Ordinal)
            .Select(g => (First: dashboards[g.First().IndicatorId], Keys: g))
            .OrderBy(d => d.First.SortOrder).ThenBy(d => d.First.Slug, StringComparer.Ordinal)
            .Select(d => new AffectedDashboard(
                d.First.Slug,
                d.First.Title,
                d.Keys.GroupBy(k => periods[k.PeriodId])
                    .OrderByDescending(p => p.Key.EndDate).ThenBy(p => p.Key.StartDate)
                    .Select(p => new AffectedPeriod(p.Key.Code, p.Key.Label, p.Select(k => k.IndicatorId).Distinct().Count()))
                    .ToList()))
            .ToList();
    }
}

/// <summary>A dashboard a load changed, once, with each period it changed there.</summary>
public sealed record AffectedDashboard(string Slug, string Title, IReadOnlyList<AffectedPeriod> Periods);

public sealed record AffectedPeriod(string Code, string Label, int Indicators)
{
    public string IndicatorsText => Wording.Count(Indicators, "indicator", "indicators");
}

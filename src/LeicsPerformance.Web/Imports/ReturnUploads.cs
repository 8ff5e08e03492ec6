using System.Text.Json;
using System.Text.Json.Serialization;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
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
    ReturnConsequences returnConsequences)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public UploadOptions Limits => options.Value;

    /// <summary>
    /// Checks a file as <see cref="ReturnImporter.PlanAsync"/> does, after refusing what <see cref="UploadChecks.ReadCsv"/>
    /// cannot read (a workbook, UTF-16, binary, stray quotes, no heading, too many rows) and adding that a file with a
    /// heading but no values has nothing to load.
    /// </summary>
    public async Task<ReturnPlan> PlanAsync(string fileName, byte[] content, CancellationToken ct)
    {
        // Read once (the rows past the limit are only counted), and the same table is checked as a return or a dataset.
        var most = options.Value.MaxProblemsListed;
        var (table, refusal, rowsInFile) = UploadChecks.ReadCsv(fileName, content, options.Value.MaxRows, rowsAre: "rows of values", limitOf: "one load");
        if (table is null)
        {
            return new ReturnPlan
            {
                FileName = fileName,
                Sha256 = DataLoad.Sha256Of(content),
                RowsRead = rowsInFile,
                Changes = [],
                Problems = refusal,
            };
        }

        if (DatasetImporter.IsDataset(table))
        {
            return (await PlanDatasetAsync(fileName, content, table.Require(DatasetImporter.RequiredColumns), ct)).Capped(most);
        }

        var plan = await importer.PlanAsync(DataLoad.Sha256Of(content), table.Require(ReturnRows.RequiredColumns), most, ct);
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
            Sha256 = DataLoad.Sha256Of(content),
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
                DataLoad.Sha256Of(converted), CsvTable.Read(fileName, stream, ReturnRows.RequiredColumns, options.Value.MaxRows), options.Value.MaxProblemsListed, ct);
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
        var stored = await pending.AddAsync(PendingUploadKind.Returns, userName, fileName, plan.Sha256, content, ExpectedJson(plan), ReturnDownloads.Of(plan, PreviewConsequences.None()), ct);
        return (stored, plan);
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
        var consequences = await returnConsequences.OfAsync(plan, ct);
        await pending.SetDownloadsAsync(upload.Id, ReturnDownloads.Of(plan, consequences), ct);
        return (plan, consequences);
    }

    /// <summary>Takes the values as they are now as the ones the analyst has seen (after "check again").</summary>
    public async Task<ReturnPlan> RecheckAsync(PendingUpload upload, CancellationToken ct)
    {
        var plan = await ReplanAsync(upload, ct);
        await pending.SetExpectedAsync(upload.Id, ExpectedJson(plan), ReturnDownloads.Of(plan, PreviewConsequences.None()), ct);
        return plan;
    }

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
}

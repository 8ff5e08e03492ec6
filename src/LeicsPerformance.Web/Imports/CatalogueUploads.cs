using System.Data;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Imports;

/// <summary>What the catalogue preview showed for one indicator of the file: its cells then, or null if it was new.</summary>
public sealed record ExpectedIndicator(
    [property: JsonPropertyName("c")] string Code,
    [property: JsonPropertyName("r")] IReadOnlyList<string>? Cells);

/// <summary>An indicator's column that changed since the catalogue preview.</summary>
public sealed record MovedIndicator(string Code, string Title, string Field, string WasWhenChecked, string Now);

public abstract record CatalogueConfirmOutcome
{
    public sealed record Committed(DataLoad Load) : CatalogueConfirmOutcome;

    public sealed record Moved(CataloguePlan Plan, IReadOnlyList<MovedIndicator> Indicators) : CatalogueConfirmOutcome;

    /// <summary>Checked again, the file has errors or nothing to change; nothing written.</summary>
    public sealed record NothingToCommit(CataloguePlan Plan) : CatalogueConfirmOutcome;

    public sealed record Busy : CatalogueConfirmOutcome;
}

/// <summary>
/// An administrator's upload of indicators.csv: checked and previewed like a return (new, changed and unchanged
/// indicators, errors by row and column), kept with what the preview showed, then on confirm checked again and
/// written in one transaction as a load of kind <c>catalogue</c>. Indicators not in the file are left alone.
/// </summary>
public sealed class CatalogueUploads(PerformanceDbContext db, PendingUploads pending, IOptions<UploadOptions> options, TimeProvider clock)
{
    public const string LoadKind = "catalogue";


    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public UploadOptions Limits => options.Value;

    public async Task<CataloguePlan> PlanAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        if (UploadChecks.NotCsvText(content) is { } notText)
        {
            return new CataloguePlan { FileName = fileName, Sha256 = sha, Changes = [], Problems = [new(fileName, 0, string.Empty, string.Empty, notText)] };
        }

        if (UploadChecks.QuoteProblems(fileName, content) is { Count: > 0 } quoteProblems)
        {
            return new CataloguePlan { FileName = fileName, Sha256 = sha, Changes = [], Problems = quoteProblems };
        }

        using var stream = new MemoryStream(content, writable: false);
        var table = CsvTable.Read(fileName, stream, CatalogueImporter.RequiredIndicatorColumns, options.Value.MaxRows);
        var plan = await new CatalogueImporter(db).PlanIndicatorsAsync(table, sha, ct);
        if (plan.RowsRead == 0 && !plan.HasErrors)
        {
            return new CataloguePlan
            {
                FileName = fileName,
                Sha256 = sha,
                Changes = [],
                Problems = [new(fileName, 0, string.Empty, string.Empty, "The file has a heading row but no indicators under it: add one row per indicator.")],
            };
        }

        return plan;
    }

    public async Task<(PendingUpload Pending, CataloguePlan Plan)> StoreAsync(string userName, string fileName, byte[] content, CancellationToken ct)
    {
        var plan = await PlanAsync(fileName, content, ct);
        var stored = await pending.AddAsync(PendingUpload.CatalogueKind, userName, fileName, plan.Sha256, content, ExpectedJson(plan), Downloads(plan), ct);
        return (stored, plan);
    }

    public static string ExpectedJson(CataloguePlan plan) =>
        JsonSerializer.Serialize(
            plan.CanCommit
                ? plan.Changes.Select(c => new ExpectedIndicator(c.Row.Code, plan.Current.TryGetValue(c.Row.Code, out var now) ? now.Cells : null)).ToList()
                : [],
            Json);

    /// <summary>Every column of an indicator in the file that is no longer what the preview showed.</summary>
    public static IReadOnlyList<MovedIndicator> Moved(string expectedJson, CataloguePlan plan)
    {
        var expected = (JsonSerializer.Deserialize<List<ExpectedIndicator>>(expectedJson, Json) ?? []).ToDictionary(e => e.Code, StringComparer.Ordinal);
        if (expected.Count == 0)
        {
            return [];
        }

        var moved = new List<MovedIndicator>();
        foreach (var change in plan.Changes)
        {
            var code = change.Row.Code;
            plan.Current.TryGetValue(code, out var now);
            if (!expected.TryGetValue(code, out var then))
            {
                moved.Add(new(code, change.Row.Title, "(all)", "not in the file's preview", now is null ? "not in the catalogue" : "in the catalogue"));
                continue;
            }

            if (then.Cells is null && now is null)
            {
                continue;
            }

            if (then.Cells is null || now is null)
            {
                moved.Add(new(code, change.Row.Title, "(all)", then.Cells is null ? "not in the catalogue" : "in the catalogue", now is null ? "not in the catalogue" : "added by someone else"));
                continue;
            }

            var nowCells = now.Cells;
            for (var i = 0; i < nowCells.Count && i < then.Cells.Count; i++)
            {
                if (!string.Equals(then.Cells[i], nowCells[i], StringComparison.Ordinal))
                {
                    moved.Add(new(code, now.Title, CatalogueImporter.IndicatorColumns[i], then.Cells[i], nowCells[i]));
                }
            }
        }

        return moved;
    }

    public async Task<CataloguePlan> RecheckAsync(PendingUpload upload, CancellationToken ct)
    {
        var plan = await PlanAsync(upload.FileName, upload.Content, ct);
        await pending.SetExpectedAsync(upload.Id, ExpectedJson(plan), Downloads(plan), ct);
        return plan;
    }

    /// <summary>Checks the kept file for its preview, and keeps that plan's problems download with it.</summary>
    public async Task<CataloguePlan> PreviewAsync(PendingUpload upload, CancellationToken ct)
    {
        var plan = await PlanAsync(upload.FileName, upload.Content, ct);
        await pending.SetDownloadsAsync(upload.Id, Downloads(plan), ct);
        return plan;
    }

    /// <summary>A catalogue preview's problems as CSV, made once with its plan.</summary>
    public static PreviewDownloads Downloads(CataloguePlan plan) =>
        new(CsvExport.WriteCompressed(LoadDisplay.ProblemCsvHeader, plan.Problems.Select(LoadDisplay.ProblemCsvRow)), null);

    /// <summary>Checks the stored file again inside the commit lock and writes it in one transaction if nothing moved.</summary>
    public async Task<CatalogueConfirmOutcome> ConfirmAsync(PendingUpload upload, string userName, CancellationToken ct)
    {
        if (upload.CommittedLoadId is { } done && await db.DataLoads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == done, ct) is { } earlier)
        {
            return new CatalogueConfirmOutcome.Committed(earlier);
        }

        await using var claim = await pending.TryClaimAsync(upload.Id, ct);
        if (claim is null)
        {
            return new CatalogueConfirmOutcome.Busy();
        }

        if (await pending.CommittedLoadAsync(upload.Id, ct) is { } justDone && await db.DataLoads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == justDone, ct) is { } justLoaded)
        {
            return new CatalogueConfirmOutcome.Committed(justLoaded);
        }

        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            var outcome = await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
                await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock({AdvisoryLocks.Writes})", ct);

                var plan = await PlanAsync(upload.FileName, upload.Content, ct);
                if (!plan.CanCommit)
                {
                    return (CatalogueConfirmOutcome)new CatalogueConfirmOutcome.NothingToCommit(plan);
                }

                var moved = Moved(upload.Expected, plan);
                if (moved.Count > 0)
                {
                    return new CatalogueConfirmOutcome.Moved(plan, moved);
                }

                var load = new DataLoad
                {
                    Kind = LoadKind,
                    FileName = upload.FileName,
                    Sha256 = plan.Sha256,
                    LoadedBy = userName,
                    LoadedAt = clock.GetUtcNow(),
                    RowsRead = plan.RowsRead,
                    RowsAdded = plan.NewCount,
                    RowsChanged = plan.ChangedCount,
                    RowsUnchanged = plan.UnchangedCount,
                };
                db.DataLoads.Add(load);
                await db.SaveChangesAsync(ct);
                await new CatalogueImporter(db).ApplyIndicatorsAsync(plan.Changes.Where(c => c.Kind != ChangeKind.Unchanged).Select(c => c.Row).ToList(), ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return new CatalogueConfirmOutcome.Committed(load);
            });

            if (outcome is CatalogueConfirmOutcome.Committed committed)
            {
                await pending.MarkCommittedAsync(upload.Id, committed.Load.Id, CancellationToken.None);
            }

            return outcome;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The catalogue as indicators.csv: every indicator, in dashboard order.</summary>
    public async Task<IReadOnlyList<IndicatorRow>> CurrentAsync(CancellationToken ct) =>
        (await new CatalogueImporter(db).CurrentIndicatorRowsAsync(ct)).Values.ToList();
}

using System.Text.Json;
using System.Text.Json.Serialization;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Imports;

/// <summary>What the catalogue preview showed for one row of the file (or one it removes): its cells then, or null if it was new.</summary>
public sealed record ExpectedRow(
    [property: JsonPropertyName("c")] string Key,
    [property: JsonPropertyName("r")] IReadOnlyList<string>? Cells);

/// <summary>
/// An administrator's upload of a catalogue file (<see cref="CatalogueFile"/>: indicators.csv, dashboards.csv or
/// indicator-lineage.csv, recognised from its heading row): checked and previewed like a return (new, changed,
/// unchanged and, for the lineage, removed rows; errors by row and column), kept with what the preview showed, then on
/// confirm checked again and written in one transaction as a load of the file's kind (<c>catalogue</c> for indicators).
/// Indicators and dashboards not in their file are left alone; the lineage file is the whole list.
/// </summary>
public sealed class CatalogueUploads(PerformanceDbContext db, PendingUploads pending, UploadConfirmation confirmation, IOptions<UploadOptions> options)
    : ConfirmableUploads<CataloguePlan>(PendingUploadKind.Catalogue, pending, confirmation, options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public override async Task<CataloguePlan> PlanAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var sha = DataLoad.Sha256Of(content);
        var (read, refusal, _) = UploadChecks.ReadCsv(fileName, content, Limits.MaxRows);
        if (read is null)
        {
            return new CataloguePlan { FileName = fileName, Sha256 = sha, Changes = [], Problems = refusal };
        }

        if (CatalogueFile.Recognise(read) is not { } file)
        {
            return new CataloguePlan { FileName = fileName, Sha256 = sha, Changes = [], Problems = [new(fileName, 1, string.Empty, string.Empty, CatalogueFile.NoneMatches + UploadChecks.SeparatorHint(read))] };
        }

        var table = read.Require(file.Required);
        var plan = file == CatalogueFile.Dashboards ? await new CatalogueCheck(db).PlanDashboardsAsync(table, sha, ct)
            : file == CatalogueFile.Lineage ? await new LineageImporter(db).PlanAsync(table, sha, ct)
            : await new CatalogueCheck(db).PlanIndicatorsAsync(table, sha, ct);
        if (plan.RowsRead == 0 && !plan.HasErrors)
        {
            return file.IsWholeList
                ? plan.With([new(fileName, 0, string.Empty, string.Empty, $"The file lists no {file.Plural}: it is the whole list, so confirming removes all {LeicsPerformance.Domain.Wording.Number(plan.RemovedCount)} held now.", IsWarning: true)])
                : plan with
                {
                    Problems = [new(fileName, 0, string.Empty, string.Empty, $"The file has a heading row but no {file.Plural} under it: add one row per {file.Singular}.")],
                };
        }

        return plan.Capped(Limits.MaxProblemsListed);
    }

    /// <summary>What the preview showed of every row the file touches or removes: its cells as held then, or null if new.</summary>
    public override string ExpectedJson(CataloguePlan plan) =>
        plan.CanCommit
            ? JsonSerializer.Serialize(
                plan.Changes.Select(c => c.Row.Key).Concat(plan.Removed.Select(r => r.Key))
                    .Select(key => new ExpectedRow(key, plan.Current.TryGetValue(key, out var now) ? now.Cells : null)).ToList(),
                Json)
            : PendingUploads.NothingExpected;

    /// <summary>Every column of a row the file touches or removes that is no longer what the preview showed.</summary>
    public override IReadOnlyList<MovedRow> Moved(string expectedJson, CataloguePlan plan)
    {
        var expected = (JsonSerializer.Deserialize<List<ExpectedRow>>(expectedJson, Json) ?? []).ToDictionary(e => e.Key, StringComparer.Ordinal);
        if (expected.Count == 0 || plan.File is not { } file)
        {
            return [];
        }

        var held = $"in the {file.Plural}";
        var notHeld = $"not in the {file.Plural}";
        // Every row the file touches or removes now, and every row the preview showed (a removed row may have gone since).
        var touched = new Dictionary<string, ICatalogueRow>(StringComparer.Ordinal);
        foreach (var row in plan.Changes.Select(c => c.Row).Concat(plan.Removed))
        {
            touched.TryAdd(row.Key, row);
        }

        var moved = new List<MovedRow>();
        foreach (var key in touched.Keys.Concat(expected.Keys.Where(k => !touched.ContainsKey(k))))
        {
            plan.Current.TryGetValue(key, out var now);
            var label = now?.Label ?? (touched.TryGetValue(key, out var row) ? row.Label : string.Empty);
            if (!expected.TryGetValue(key, out var then))
            {
                moved.Add(new(key, label, "(all)", "not in the file's preview", now is null ? notHeld : held));
                continue;
            }

            if (then.Cells is null && now is null)
            {
                continue;
            }

            if (then.Cells is null || now is null)
            {
                moved.Add(new(key, label, "(all)", then.Cells is null ? notHeld : held, now is null ? "removed by someone else" : "added by someone else"));
                continue;
            }

            foreach (var field in FieldChange.Between(file.Columns, then.Cells, now.Cells))
            {
                moved.Add(new(key, label, field.Field, field.Old, field.New));
            }
        }

        return moved;
    }

    /// <summary>A load of the file's kind (<c>catalogue</c> for indicators); a removed lineage link is counted as changed: data_load has no column for removals.</summary>
    public override LoadCounts LoadOf(CataloguePlan plan) =>
        new(plan.File!.LoadKind, plan.RowsRead, plan.NewCount, plan.ChangedCount + plan.RemovedCount, plan.UnchangedCount);

    /// <summary>Writes a checked plan without errors: the new and changed indicators or dashboards, or the whole lineage list.</summary>
    public override async Task WriteAsync(CataloguePlan plan, CancellationToken ct)
    {
        if (plan.File == CatalogueFile.Dashboards)
        {
            await new CatalogueWriter(db).ApplyDashboardsAsync(plan.ToWrite<DashboardRow>(), ct);
        }
        else if (plan.File == CatalogueFile.Lineage)
        {
            await new LineageImporter(db).WriteAsync(plan.AllRows<LineageRow>(), ct);
        }
        else
        {
            await new CatalogueWriter(db).ApplyIndicatorsAsync(plan.ToWrite<IndicatorRow>(), ct);
        }
    }

    /// <summary>What is held now, in the file's own format (its download): download, edit, upload back unchanged = nothing to change.</summary>
    public async Task<IReadOnlyList<ICatalogueRow>> CurrentAsync(CatalogueFile file, CancellationToken ct) =>
        file == CatalogueFile.Dashboards ? [.. (await new CatalogueCheck(db).CurrentDashboardRowsAsync(ct)).Values]
        : file == CatalogueFile.Lineage ? [.. (await new LineageImporter(db).CurrentAsync(ct)).Values]
        : [.. (await new CatalogueCheck(db).CurrentIndicatorRowsAsync(ct)).Values];
}

using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>A checked row of indicator-lineage.csv: <see cref="Code"/> continues <see cref="Continues"/>.</summary>
public sealed record LineageRow(int Row, string Code, string Continues, bool DefinitionChanged, string Evidence) : ICatalogueRow
{
    string ICatalogueRow.Key => Code;

    string ICatalogueRow.Label => "continues " + Continues;

    string ICatalogueRow.Place => Continues;

    string ICatalogueRow.Detail => (DefinitionChanged ? "Definition changed. " : string.Empty) + Evidence;

    /// <summary>The cells of indicator-lineage.csv, in <see cref="LineageImporter.Columns"/> order.</summary>
    public IReadOnlyList<string> Cells => [Code, Continues, DefinitionChanged ? "yes" : "no", Evidence];
}

/// <summary>
/// The reviewed indicator lineage (<c>catalogue/indicator-lineage.csv</c>: code, continues, definition_changed,
/// evidence). The file is the whole list: a link it no longer holds is removed, one it holds is created or updated, so
/// loading it twice changes nothing. A file with any problem changes nothing at all. Checking
/// (<see cref="PlanAsync"/>, <see cref="ReadRowsAsync"/>) writes nothing; <see cref="WriteAsync"/> writes checked rows;
/// the seeder and the catalogue upload both go through them. The caller owns the transaction.
/// </summary>
public sealed class LineageImporter(PerformanceDbContext db)
{
    public static readonly string[] Columns = ["code", "continues", "definition_changed", "evidence"];

    public static readonly string[] RequiredColumns = Columns;

    /// <summary>Checks the file and, if nothing is wrong, makes the lineage exactly its list.</summary>
    public async Task<IReadOnlyList<ImportProblem>> ImportAsync(CsvTable table, CancellationToken ct)
    {
        var problems = new List<ImportProblem>(table.Problems);
        var rows = await ReadRowsAsync(table, problems, ct);
        if (problems.Any(p => !p.IsWarning))
        {
            return problems;
        }

        await WriteAsync(rows, ct);
        return problems;
    }

    /// <summary>Checks the file against the lineage held: links added, changed, unchanged and removed. Writes nothing.</summary>
    public async Task<CataloguePlan> PlanAsync(CsvTable table, string sha256, CancellationToken ct)
    {
        var problems = new List<ImportProblem>(table.Problems);
        var rows = await ReadRowsAsync(table, problems, ct);
        var current = await CurrentAsync(ct);
        return CataloguePlan.Compare(CatalogueFile.Lineage, table, sha256, rows, current.ToDictionary(kv => kv.Key, kv => (ICatalogueRow)kv.Value, StringComparer.Ordinal), problems);
    }

    /// <summary>Every link held now, as the row that would describe it in indicator-lineage.csv, by the later code, in catalogue order.</summary>
    public async Task<Dictionary<string, LineageRow>> CurrentAsync(CancellationToken ct)
    {
        var links = await db.Lineage.AsNoTracking()
            .OrderBy(l => l.Indicator.Dashboard.SortOrder).ThenBy(l => l.Indicator.SortOrder).ThenBy(l => l.Indicator.Code)
            .Select(l => new { l.Indicator.Code, Continues = l.Continues.Code, l.DefinitionChanged, l.Evidence })
            .ToListAsync(ct);
        return links.ToDictionary(l => l.Code, l => new LineageRow(0, l.Code, l.Continues, l.DefinitionChanged, l.Evidence), StringComparer.Ordinal);
    }

    /// <summary>Reads and checks every row, adding a problem for each thing wrong; returns the rows with none.</summary>
    public async Task<List<LineageRow>> ReadRowsAsync(CsvTable table, List<ImportProblem> problems, CancellationToken ct)
    {
        var indicators = await db.Indicators
            .Select(i => new { i.Code, i.Dashboard.EditionFirstPeriod })
            .ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var rows = new List<LineageRow>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var continued = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var row in table.Rows)
        {
            void Problem(string column, string message) => problems.Add(new(table.FileName, row.RowNumber, column, row[column], message));

            if (!indicators.TryGetValue(row["code"], out var indicator))
            {
                Problem("code", $"'{row["code"]}' is not an indicator code in the catalogue.");
                continue;
            }

            if (!indicators.TryGetValue(row["continues"], out var earlier))
            {
                Problem("continues", $"'{row["continues"]}' is not an indicator code in the catalogue.");
                continue;
            }

            if (ReportingPeriod.Parse(earlier.EditionFirstPeriod).CompareTo(ReportingPeriod.Parse(indicator.EditionFirstPeriod)) >= 0)
            {
                Problem("continues", $"{earlier.Code} is not from an earlier edition than {indicator.Code}: an indicator continues one printed before it.");
                continue;
            }

            if (listed.Contains(indicator.Code))
            {
                Problem("code", $"{indicator.Code} is listed twice: an indicator continues one earlier indicator.");
                continue;
            }

            if (continued.TryGetValue(earlier.Code, out var firstRow))
            {
                Problem("continues", $"{earlier.Code} is already continued by the indicator on row {firstRow}: one later indicator continues it.");
                continue;
            }

            bool definitionChanged;
            switch (row["definition_changed"].ToLowerInvariant())
            {
                case "yes":
                    definitionChanged = true;
                    break;
                case "no":
                    definitionChanged = false;
                    break;
                default:
                    Problem("definition_changed", "Give yes or no: whether the definition changed between the two editions.");
                    continue;
            }

            var evidence = CatalogueRows.Text(row["evidence"]);
            if (evidence.Length == 0)
            {
                Problem("evidence", "The evidence is blank: say why the two rows are the same measure.");
                continue;
            }

            listed.Add(indicator.Code);
            continued[earlier.Code] = row.RowNumber;
            rows.Add(new LineageRow(row.RowNumber, indicator.Code, earlier.Code, definitionChanged, evidence));
        }

        return rows;
    }

    /// <summary>Makes the lineage exactly these checked rows: links not among them are removed. The caller owns the transaction.</summary>
    public async Task WriteAsync(IReadOnlyList<LineageRow> rows, CancellationToken ct)
    {
        var ids = await db.Indicators.Select(i => new { i.Id, i.Code }).ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.Ordinal, ct);
        var links = rows.ToDictionary(
            r => ids[r.Code],
            r => new IndicatorLineage { IndicatorId = ids[r.Code], ContinuesIndicatorId = ids[r.Continues], DefinitionChanged = r.DefinitionChanged, Evidence = r.Evidence });

        // Remove first, then add: a link moved from one indicator to another must not meet the unique index twice.
        var existing = await db.Lineage.ToListAsync(ct);
        foreach (var link in existing.Where(l => !links.TryGetValue(l.IndicatorId, out var wanted) || wanted.ContinuesIndicatorId != l.ContinuesIndicatorId))
        {
            db.Lineage.Remove(link);
        }

        await db.SaveChangesAsync(ct);
        var kept = existing.Where(l => db.Entry(l).State != EntityState.Detached).ToDictionary(l => l.IndicatorId);
        foreach (var link in links.Values)
        {
            if (kept.TryGetValue(link.IndicatorId, out var current))
            {
                current.DefinitionChanged = link.DefinitionChanged;
                current.Evidence = link.Evidence;
            }
            else
            {
                db.Lineage.Add(link);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}

using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Loads the reviewed indicator lineage (<c>catalogue/indicator-lineage.csv</c>: code, continues,
/// definition_changed, evidence). The file is the whole list: a link it no longer holds is removed, one it holds is
/// created or updated, so loading it twice changes nothing. A file with any problem changes nothing at all.
/// The caller owns the transaction.
/// </summary>
public sealed class LineageImporter(PerformanceDbContext db)
{
    public static readonly string[] RequiredColumns = ["code", "continues", "definition_changed", "evidence"];

    public async Task<IReadOnlyList<ImportProblem>> ImportAsync(CsvTable table, CancellationToken ct)
    {
        var problems = new List<ImportProblem>(table.Problems);
        var indicators = await db.Indicators
            .Select(i => new { i.Id, i.Code, i.Dashboard.EditionFirstPeriod })
            .ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var links = new Dictionary<int, IndicatorLineage>();
        var continued = new Dictionary<int, int>();

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

            if (links.ContainsKey(indicator.Id))
            {
                Problem("code", $"{indicator.Code} is listed twice: an indicator continues one earlier indicator.");
                continue;
            }

            if (continued.TryGetValue(earlier.Id, out var firstRow))
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

            if (row["evidence"].Length == 0)
            {
                Problem("evidence", "The evidence is blank: say why the two rows are the same measure.");
                continue;
            }

            continued[earlier.Id] = row.RowNumber;
            links[indicator.Id] = new IndicatorLineage
            {
                IndicatorId = indicator.Id,
                ContinuesIndicatorId = earlier.Id,
                DefinitionChanged = definitionChanged,
                Evidence = row["evidence"],
            };
        }

        if (problems.Any(p => !p.IsWarning))
        {
            return problems;
        }

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
        return problems;
    }
}

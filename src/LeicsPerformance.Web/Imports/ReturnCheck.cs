using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Compares the lines of a returns file (<see cref="ReturnRows"/>) with what is held and assembles the
/// <see cref="ReturnPlan"/>: per line new, changed (old → new) or unchanged, a warning where a value jumps more than
/// tenfold from the period before, and whether the same file is already loaded. Writes nothing.
/// </summary>
public sealed class ReturnCheck(PerformanceDbContext db)
{
    /// <summary>The plan for <paramref name="lines"/>, read from <paramref name="table"/> with <paramref name="problems"/> found so far.</summary>
    public async Task<ReturnPlan> PlanAsync(string sha, CsvTable table, List<ReturnLine> lines, ProblemList problems, CancellationToken ct)
    {
        var fileName = table.FileName;
        var changes = await CompareWithStoredAsync(lines, ct);
        problems.AddRange(await SuspiciousJumpsAsync(fileName, lines, ct));

        var already = await db.DataLoads.AsNoTracking()
            .Where(l => l.Sha256 == sha && l.RevertedAt == null)
            .OrderByDescending(l => l.Id)
            .Select(l => (int?)l.Id)
            .FirstOrDefaultAsync(ct);

        return new ReturnPlan
        {
            FileName = fileName,
            Sha256 = sha,
            RowsRead = table.Rows.Count,
            Changes = changes,
            Problems = problems.Listed(),
            UnlistedErrorCount = problems.UnlistedErrors,
            UnlistedWarningCount = problems.UnlistedWarnings,
            RejectedRowCount = problems.RejectedRowCount,
            AlreadyLoadedAs = already,
        };
    }

    private async Task<List<PlannedChange>> CompareWithStoredAsync(List<ReturnLine> lines, CancellationToken ct)
    {
        var stored = new Dictionary<(int, int, string), (decimal? Value, ValueStatus Status, string AsPrinted)>();
        var indicatorIds = lines.Select(l => l.IndicatorId).Distinct().ToArray();
        var periodCodes = lines.Select(l => l.Period.Code).Distinct().ToArray();
        if (indicatorIds.Length > 0)
        {
            var rows = await db.Values.AsNoTracking()
                .Where(v => indicatorIds.Contains(v.IndicatorId) && periodCodes.Contains(v.Period.Code))
                .Select(v => new { v.IndicatorId, v.AreaId, v.Period.Code, v.Value, v.Status, v.AsPrinted })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                stored[(r.IndicatorId, r.AreaId, r.Code)] = (r.Value, r.Status, r.AsPrinted);
            }
        }

        return lines.Select(line =>
        {
            if (!stored.TryGetValue((line.IndicatorId, line.AreaId, line.Period.Code), out var old))
            {
                return new PlannedChange(line, ChangeKind.New, null, null, null);
            }

            var same = old.Value == line.Value && old.Status == line.Status;
            return new PlannedChange(line, same ? ChangeKind.Unchanged : ChangeKind.Changed, old.Value, old.Status, old.AsPrinted);
        }).ToList();
    }

    /// <summary>Warns (never rejects) when a value is more than ten times, or under a tenth of, the previous period's.</summary>
    private async Task<List<ImportProblem>> SuspiciousJumpsAsync(string fileName, List<ReturnLine> lines, CancellationToken ct)
    {
        var warnings = new List<ImportProblem>();
        var withNumbers = lines.Where(l => l.Value is not null and not 0m).ToList();
        if (withNumbers.Count == 0)
        {
            return warnings;
        }

        var inFile = withNumbers.ToDictionary(l => (l.IndicatorId, l.AreaId, l.Period.Code), l => l.Value!.Value);
        var previousCodes = withNumbers.Select(l => l.Period.Previous().Code).Distinct().ToArray();
        var indicatorIds = withNumbers.Select(l => l.IndicatorId).Distinct().ToArray();
        var stored = (await db.Values.AsNoTracking()
                .Where(v => indicatorIds.Contains(v.IndicatorId) && previousCodes.Contains(v.Period.Code) && v.Value != null)
                .Select(v => new { v.IndicatorId, v.AreaId, v.Period.Code, v.Value })
                .ToListAsync(ct))
            .ToDictionary(v => (v.IndicatorId, v.AreaId, v.Code), v => v.Value!.Value);

        foreach (var line in withNumbers)
        {
            var key = (line.IndicatorId, line.AreaId, line.Period.Previous().Code);
            if (!inFile.TryGetValue(key, out var previous) && !stored.TryGetValue(key, out previous))
            {
                continue;
            }

            if (previous == 0)
            {
                continue;
            }

            var ratio = Math.Abs(line.Value!.Value / previous);
            if (ratio > 10m || ratio < 0.1m)
            {
                warnings.Add(new(fileName, line.Row, "value", line.AsPrinted,
                    $"{line.Format.Format(line.Value.Value)} is {(ratio > 10m ? "more than ten times" : "less than a tenth of")} the previous period's {line.Format.Format(previous)} ({line.Period.Previous().Label}). Check the units and decimal point; it will load if it is right.",
                    IsWarning: true));
            }
        }

        return warnings;
    }
}

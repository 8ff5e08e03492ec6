using LeicsPerformance.Domain.Areas;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Builds the comparator groups defined by a rule (<c>data/comparator-group-rules.csv</c>) from the areas held: one
/// version per year in which a boundary change alters the membership, plus the year before the first change, so a
/// period always finds the councils that existed then (<see cref="ComparatorGroups"/>). Rebuilding gives the same
/// rows, so it is safe at every start.
/// </summary>
public sealed class ComparatorGroupBuilder(PerformanceDbContext db)
{
    public List<ImportProblem> Problems { get; } = [];

    public async Task BuildAsync(CsvTable rules, CsvTable similarAreas, string homeAreaCode, CancellationToken ct)
    {
        Problems.AddRange(rules.Problems);
        Problems.AddRange(similarAreas.Problems);
        var areas = await db.Areas.AsNoTracking().Where(a => a.OnsCode != null).ToListAsync(ct);
        var idByOns = areas.ToDictionary(a => a.OnsCode!, a => a.Id, StringComparer.Ordinal);
        var authorities = areas
            .Select(a => new Authority(a.OnsCode!, a.Name, Authority.TypeOf(a.OnsCode!), a.Region, a.FirstYear, a.LastYear))
            .ToList();
        var changes = ComparatorGroups.ChangeYears(authorities);
        var years = changes.Count == 0 ? [2018] : changes.Prepend(changes[0] - 1).ToList();
        var home = areas.FirstOrDefault(a => a.Code == homeAreaCode || a.OnsCode == homeAreaCode)?.OnsCode;

        var existing = await db.ComparatorGroups.Include(g => g.Members).ToListAsync(ct);
        foreach (var row in rules.Rows)
        {
            var code = row["code"];
            var rule = row["rule"];
            if (code.Length == 0 || rule.Length == 0)
            {
                Problems.Add(new(rules.FileName, row.RowNumber, code.Length == 0 ? "code" : "rule", string.Empty, "A comparator group rule needs a code and a rule."));
                continue;
            }

            Func<int, IEnumerable<string>> membersIn;
            IReadOnlyList<int> versions = years;
            if (rule.StartsWith("similar:", StringComparison.Ordinal))
            {
                // ONS similar areas are one list on today's codes (its 2026 clusters): a single version.
                var list = rule["similar:".Length..];
                var neighbours = similarAreas.Rows
                    .Where(r => r["group"] == list && r["area_code"] == home && idByOns.ContainsKey(r["neighbour_code"])
                                && Authority.TypeOf(r["neighbour_code"]) != AuthorityType.Other)
                    .Select(r => r["neighbour_code"])
                    .Append(home ?? string.Empty)
                    .ToList();
                membersIn = _ => neighbours;
                versions = [years[0]];
            }
            else
            {
                try
                {
                    ComparatorGroups.Members(rule, years[0], authorities);
                }
                catch (ArgumentException e)
                {
                    Problems.Add(new(rules.FileName, row.RowNumber, "rule", rule, e.Message.Split(" (Parameter")[0]));
                    continue;
                }

                membersIn = year => ComparatorGroups.Members(rule, year, authorities).Select(a => a.OnsCode);
            }

            foreach (var year in versions)
            {
                var group = existing.FirstOrDefault(g => g.Code == code && g.Year == year);
                if (group is null)
                {
                    group = new ComparatorGroup { Code = code, Name = row["name"], Year = year };
                    db.ComparatorGroups.Add(group);
                    existing.Add(group);
                }

                group.Name = row["name"].Length > 0 ? row["name"] : code;
                group.Source = row["source"];
                group.Rule = rule;
                var wanted = membersIn(year).Where(idByOns.ContainsKey).Select(c => idByOns[c]).ToHashSet();
                group.Members.RemoveAll(m => !wanted.Contains(m.AreaId));
                foreach (var id in wanted.Where(id => group.Members.All(m => m.AreaId != id)))
                {
                    group.Members.Add(new ComparatorGroupMember { AreaId = id });
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}

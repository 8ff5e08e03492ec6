using System.Globalization;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Loads the reference data the seed needs before the catalogue — areas, populations, comparator groups and themes —
/// matched on their code or slug, so loading the same files twice changes nothing. Each row is checked as it is read
/// (problems by row and column in <see cref="Problems"/>) and a row with a problem is skipped. The caller owns the transaction.
/// </summary>
public sealed class ReferenceDataImporter(PerformanceDbContext db)
{
    private readonly List<ImportProblem> problems = [];

    public IReadOnlyList<ImportProblem> Problems => problems;

    public async Task ImportAreasAsync(CsvTable table, CancellationToken ct)
    {
        problems.AddRange(table.Problems);
        var existing = await db.Areas.ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, ct);
        foreach (var row in table.Rows)
        {
            var code = row["code"];
            var name = row["name"];
            if (!Required(table, row, "code", code) || !Required(table, row, "name", name))
            {
                continue;
            }

            if (!existing.TryGetValue(code, out var area))
            {
                area = new Area { Code = code, Name = name, AuthorityType = string.Empty };
                db.Areas.Add(area);
                existing[code] = area;
            }

            area.Name = name;
            area.OnsCode = row["ons_code"].Length > 0 ? row["ons_code"] : null;
            area.AuthorityType = row["authority_type"].Length > 0 ? row["authority_type"] : "other";
            area.Region = row["region"];
            area.FirstYear = OptionalYear(table, row, "first_year");
            area.LastYear = OptionalYear(table, row, "last_year");
        }

        await db.SaveChangesAsync(ct);
    }

    private int? OptionalYear(CsvTable table, CsvRow row, string column)
    {
        var text = row[column];
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1900 and < 2200)
        {
            return year;
        }

        Problem(table, row, column, $"'{text}' is not a year: write the financial year the authority started or ended in, such as 2019.");
        return null;
    }

    public async Task ImportPopulationsAsync(CsvTable table, CancellationToken ct)
    {
        problems.AddRange(table.Problems);
        var areas = await db.Areas.Include(a => a.Populations).ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, ct);
        foreach (var row in table.Rows)
        {
            if (!areas.TryGetValue(row["area_code"], out var area))
            {
                Problem(table, row, "area_code", $"'{row["area_code"]}' is not an area code in areas.csv.");
                continue;
            }

            if (!int.TryParse(row["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || !int.TryParse(row["population"].Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var population)
                || population <= 0)
            {
                Problem(table, row, "population", "The year and population must be whole numbers (for example 2017 and 683000).");
                continue;
            }

            var entry = area.Populations.FirstOrDefault(p => p.Year == year);
            if (entry is null)
            {
                entry = new AreaPopulation { AreaId = area.Id, Year = year };
                area.Populations.Add(entry);
            }

            entry.Population = population;
            entry.Source = row["source"];
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task ImportComparatorGroupsAsync(CsvTable groups, CsvTable members, CancellationToken ct)
    {
        problems.AddRange(groups.Problems);
        problems.AddRange(members.Problems);
        var existing = await db.ComparatorGroups.Include(g => g.Members).ToListAsync(ct);
        foreach (var row in groups.Rows)
        {
            if (!Required(groups, row, "code", row["code"]) || !TryYear(groups, row, out var year))
            {
                continue;
            }

            var group = existing.FirstOrDefault(g => g.Code == row["code"] && g.Year == year);
            if (group is null)
            {
                group = new ComparatorGroup { Code = row["code"], Name = row["name"], Year = year };
                db.ComparatorGroups.Add(group);
                existing.Add(group);
            }

            group.Name = row["name"].Length > 0 ? row["name"] : row["code"];
            group.Source = row["source"];
        }

        await db.SaveChangesAsync(ct);

        var areas = await db.Areas.ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.Ordinal, ct);
        foreach (var row in members.Rows)
        {
            if (!TryYear(members, row, out var year))
            {
                continue;
            }

            var group = existing.FirstOrDefault(g => g.Code == row["group_code"] && g.Year == year);
            if (group is null)
            {
                Problem(members, row, "group_code", $"'{row["group_code"]}' for {year} is not a group in comparator-groups.csv.");
                continue;
            }

            if (!areas.TryGetValue(row["area_code"], out var areaId))
            {
                Problem(members, row, "area_code", $"'{row["area_code"]}' is not an area code in areas.csv.");
                continue;
            }

            if (group.Members.All(m => m.AreaId != areaId))
            {
                group.Members.Add(new ComparatorGroupMember { ComparatorGroupId = group.Id, AreaId = areaId });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task ImportThemesAsync(CsvTable themes, CancellationToken ct)
    {
        problems.AddRange(themes.Problems);
        var themeBySlug = await db.Themes.ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, ct);
        foreach (var row in themes.Rows)
        {
            if (!Required(themes, row, "slug", row["slug"]) || !Required(themes, row, "title", row["title"]) || !TryOrder(themes, row, out var order))
            {
                continue;
            }

            if (!themeBySlug.TryGetValue(row["slug"], out var theme))
            {
                theme = new Theme { Slug = row["slug"], Title = row["title"] };
                db.Themes.Add(theme);
                themeBySlug[theme.Slug] = theme;
            }

            theme.Title = row["title"];
            theme.SortOrder = order;
        }

        await db.SaveChangesAsync(ct);
    }

    private bool Required(CsvTable table, CsvRow row, string column, string value)
    {
        if (value.Length > 0)
        {
            return true;
        }

        Problem(table, row, column, $"The {column} is blank: every row needs one.");
        return false;
    }

    private bool TryOrder(CsvTable table, CsvRow row, out int order)
    {
        if (int.TryParse(row["sort_order"], NumberStyles.None, CultureInfo.InvariantCulture, out order))
        {
            return true;
        }

        Problem(table, row, "sort_order", $"'{row["sort_order"]}' is not a whole number giving the order on screen.");
        return false;
    }

    private bool TryYear(CsvTable table, CsvRow row, out int year)
    {
        if (int.TryParse(row["year"], NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is > 1900 and < 2200)
        {
            return true;
        }

        Problem(table, row, "year", $"'{row["year"]}' is not a year such as 2018.");
        return false;
    }

    private void Problem(CsvTable table, CsvRow row, string column, string message) =>
        problems.Add(new(table.FileName, row.RowNumber, column, row[column], message));
}

using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Creates or updates the reference data (areas, populations, comparator groups) and the catalogue
/// (themes, dashboards, sections, indicators) from the project's CSV formats (docs/csv-format.md).
/// Rows are matched on their code or slug, so loading the same files twice changes nothing.
/// The caller owns the transaction.
/// </summary>
public sealed class CatalogueImporter(PerformanceDbContext db)
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

    /// <summary>Themes (themes.csv) then dashboards (dashboards.csv), as the seeder loads them.</summary>
    public async Task ImportThemesAndDashboardsAsync(CsvTable themes, CsvTable dashboards, CancellationToken ct)
    {
        await ImportThemesAsync(themes, ct);
        problems.AddRange(dashboards.Problems);
        await ApplyDashboardsAsync(await ReadDashboardRowsAsync(dashboards, problems, ct), ct);
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

    public static readonly string[] DashboardColumns = ["slug", "theme", "title", "sort_order", "comparator_note", "edition"];

    public static readonly string[] RequiredDashboardColumns = ["slug", "theme", "title", "sort_order"];

    /// <summary>The edition of a dashboard whose <c>edition</c> cell is blank: the first compendium the app held.</summary>
    public const string FirstEdition = "FY2017";

    /// <summary>
    /// Checks dashboards.csv against the themes held and says per dashboard what loading it would change, and what
    /// each edition would then hold, writing nothing. <see cref="ApplyDashboardsAsync"/> writes the rows of a plan without errors.
    /// </summary>
    public async Task<CataloguePlan> PlanDashboardsAsync(CsvTable table, string sha256, CancellationToken ct)
    {
        var found = new List<ImportProblem>(table.Problems);
        var rows = await ReadDashboardRowsAsync(table, found, ct);
        var current = await CurrentDashboardRowsAsync(ct);
        var plan = CataloguePlan.Compare(CatalogueFile.Dashboards, table, sha256, rows, current.ToDictionary(kv => kv.Key, kv => (ICatalogueRow)kv.Value, StringComparer.Ordinal), found);
        return plan with { Editions = EditionEffects(current.Values.ToList(), rows) };
    }

    /// <summary>Per edition, oldest first: its dashboards now and once the file's rows are loaded (dashboards not in the file stay where they are).</summary>
    public static IReadOnlyList<EditionEffect> EditionEffects(IReadOnlyList<DashboardRow> held, IReadOnlyList<DashboardRow> file)
    {
        var after = held.ToDictionary(d => d.Slug, StringComparer.Ordinal);
        foreach (var row in file)
        {
            after[row.Slug] = row;
        }

        var before = held.ToDictionary(d => d.Slug, StringComparer.Ordinal);
        return held.Concat(file).Select(d => d.Edition).Distinct(StringComparer.Ordinal)
            .OrderBy(e => LeicsPerformance.Domain.Periods.ReportingPeriod.Parse(e).Start)
            .Select(edition => new EditionEffect(
                LeicsPerformance.Domain.Periods.ReportingPeriod.Parse(edition).Label,
                held.Count(d => d.Edition == edition),
                after.Values.Count(d => d.Edition == edition),
                after.Values.Where(d => d.Edition == edition && (!before.TryGetValue(d.Slug, out var was) || was.Edition != edition)).Select(d => d.Title).ToList(),
                before.Values.Where(d => d.Edition == edition && after[d.Slug].Edition != edition).Select(d => d.Title).ToList()))
            .ToList();
    }

    /// <summary>Every dashboard held now, as the row that would describe it in dashboards.csv, by slug: edition by edition, in screen order.</summary>
    public async Task<Dictionary<string, DashboardRow>> CurrentDashboardRowsAsync(CancellationToken ct)
    {
        var dashboards = (await db.Dashboards.AsNoTracking()
            .Select(d => new { d.Slug, Theme = d.Theme.Slug, d.Title, d.SortOrder, d.ComparatorNote, d.EditionFirstPeriod })
            .ToListAsync(ct))
            .OrderBy(d => LeicsPerformance.Domain.Periods.ReportingPeriod.Parse(d.EditionFirstPeriod).Start).ThenBy(d => d.SortOrder).ThenBy(d => d.Slug, StringComparer.Ordinal);
        return dashboards.ToDictionary(
            d => d.Slug,
            d => new DashboardRow(0, d.Slug, d.Theme, d.Title, d.SortOrder, d.ComparatorNote, d.EditionFirstPeriod),
            StringComparer.Ordinal);
    }

    /// <summary>Reads and checks every row of dashboards.csv, adding a problem for each thing wrong; returns the rows with none.</summary>
    public async Task<List<DashboardRow>> ReadDashboardRowsAsync(CsvTable table, List<ImportProblem> found, CancellationToken ct)
    {
        var themes = (await db.Themes.Select(t => t.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<DashboardRow>();
        foreach (var row in table.Rows)
        {
            var before = found.Count;
            void Problem(string column, string message) => found.Add(new(table.FileName, row.RowNumber, column, row[column], message));

            var slug = row["slug"];
            if (slug.Length == 0)
            {
                Problem("slug", "The slug is blank: every row needs one.");
            }
            else if (seen.TryGetValue(slug, out var firstRow))
            {
                Problem("slug", string.Create(CultureInfo.InvariantCulture, $"A second row for {slug}: row {firstRow} already describes it. Keep one row per dashboard."));
            }
            else
            {
                seen[slug] = row.RowNumber;
            }

            if (!themes.Contains(row["theme"]))
            {
                Problem("theme", $"'{row["theme"]}' is not a theme slug in themes.csv.");
            }

            var title = Text(row["title"]);
            if (title.Length == 0)
            {
                Problem("title", "The title is blank: every row needs one.");
            }

            if (!int.TryParse(row["sort_order"], NumberStyles.None, CultureInfo.InvariantCulture, out var order))
            {
                Problem("sort_order", $"'{row["sort_order"]}' is not a whole number giving the order on screen.");
            }

            var edition = FirstEdition;
            if (row["edition"].Length > 0)
            {
                if (LeicsPerformance.Domain.Periods.ReportingPeriod.TryParse(row["edition"], out var period))
                {
                    edition = period.Code;
                }
                else
                {
                    Problem("edition", $"'{row["edition"]}' is not a period: give the first period the edition reports, such as 2021/22.");
                }
            }

            if (found.Count == before)
            {
                rows.Add(new DashboardRow(row.RowNumber, slug, row["theme"], title, order, Text(row["comparator_note"]), edition));
            }
        }

        return rows;
    }

    /// <summary>Creates or updates the dashboards (matched on slug). The caller owns the transaction.</summary>
    public async Task ApplyDashboardsAsync(IReadOnlyList<DashboardRow> rows, CancellationToken ct)
    {
        var themes = await db.Themes.ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, ct);
        var dashboards = await db.Dashboards.ToDictionaryAsync(d => d.Slug, StringComparer.Ordinal, ct);
        foreach (var row in rows)
        {
            if (!dashboards.TryGetValue(row.Slug, out var dashboard))
            {
                dashboard = new Dashboard { Slug = row.Slug, Title = row.Title };
                db.Dashboards.Add(dashboard);
                dashboards[row.Slug] = dashboard;
            }

            dashboard.Title = row.Title;
            dashboard.Theme = themes[row.Theme];
            dashboard.SortOrder = row.SortOrder;
            dashboard.ComparatorNote = row.ComparatorNote;
            dashboard.EditionFirstPeriod = row.Edition;
        }

        await db.SaveChangesAsync(ct);
    }

    public static readonly string[] IndicatorColumns =
    [
        "code", "dashboard", "section", "sort_order", "title", "definition", "polarity", "unit", "decimals", "scale", "rate_per",
        "strategic_plan", "internal", "source", "geography_note", "comparator_group", "frequency", "no_real_change_rule", "notes", "percent_bounded",
        "source_dataset", "source_publisher", "source_release",
    ];

    public static readonly string[] RequiredIndicatorColumns = ["code", "dashboard", "title", "polarity", "unit", "sort_order"];

    public async Task ImportIndicatorsAsync(CsvTable table, CancellationToken ct)
    {
        problems.AddRange(table.Problems);
        var rows = await ReadIndicatorRowsAsync(table, problems, ct);
        await ApplyIndicatorsAsync(rows, ct);
    }

    /// <summary>
    /// Checks indicators.csv against the dashboards and comparator groups held, and says per indicator what loading it
    /// would change, writing nothing. <see cref="ApplyIndicatorsAsync"/> writes the rows of a plan without errors.
    /// </summary>
    public async Task<CataloguePlan> PlanIndicatorsAsync(CsvTable table, string sha256, CancellationToken ct)
    {
        var found = new List<ImportProblem>(table.Problems);
        var rows = await ReadIndicatorRowsAsync(table, found, ct);
        var current = await CurrentIndicatorRowsAsync(ct);
        var valueCounts = await db.Values.GroupBy(v => v.Indicator.Code).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, StringComparer.Ordinal, ct);

        var plan = CataloguePlan.Compare(CatalogueFile.Indicators, table, sha256, rows, current.ToDictionary(kv => kv.Key, kv => (ICatalogueRow)kv.Value, StringComparer.Ordinal), found);
        var warnings = new List<ImportProblem>();
        foreach (var change in plan.Changes.Where(c => c.Kind == ChangeKind.Changed))
        {
            if (valueCounts.TryGetValue(change.Row.Key, out var held) && held > 0)
            {
                foreach (var field in change.Fields.Where(f => f.Field is "unit" or "scale" or "frequency"))
                {
                    warnings.Add(new(table.FileName, change.Row.Row, field.Field, field.New,
                        string.Create(CultureInfo.InvariantCulture, $"{change.Row.Key} has {held:N0} value(s) stored: changing its {field.Field} from {field.Old} to {field.New} changes how they are read, checked and shown. It will load if that is intended."),
                        IsWarning: true));
                }
            }
        }

        return plan.With(warnings);
    }

    /// <summary>Every indicator held now, as the row that would describe it in indicators.csv, by code.</summary>
    public async Task<Dictionary<string, IndicatorRow>> CurrentIndicatorRowsAsync(CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking()
            .Select(i => new { Indicator = i, Dashboard = i.Dashboard.Slug, Section = i.Section == null ? string.Empty : i.Section.Title, DashboardOrder = i.Dashboard.SortOrder })
            .ToListAsync(ct);
        return indicators
            .OrderBy(x => x.DashboardOrder).ThenBy(x => x.Indicator.SortOrder).ThenBy(x => x.Indicator.Code, StringComparer.Ordinal)
            .ToDictionary(x => x.Indicator.Code, x => IndicatorRow.From(x.Indicator, x.Dashboard, x.Section), StringComparer.Ordinal);
    }

    /// <summary>Reads and checks every row, adding a problem for each thing wrong; returns the rows with none.</summary>
    public async Task<List<IndicatorRow>> ReadIndicatorRowsAsync(CsvTable table, List<ImportProblem> found, CancellationToken ct)
    {
        var dashboards = (await db.Dashboards.Select(d => d.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var groups = (await db.ComparatorGroups.Select(g => g.Code).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<IndicatorRow>();

        foreach (var row in table.Rows)
        {
            var before = found.Count;
            void Problem(string column, string message) => found.Add(new(table.FileName, row.RowNumber, column, row[column], message));

            var code = row["code"];
            if (code.Length == 0)
            {
                Problem("code", "The code is blank: every row needs one.");
            }
            else if (seen.TryGetValue(code, out var firstRow))
            {
                Problem("code", string.Create(CultureInfo.InvariantCulture, $"A second row for {code}: row {firstRow} already describes it. Keep one row per indicator."));
            }
            else
            {
                seen[code] = row.RowNumber;
            }

            var title = Text(row["title"]);
            if (title.Length == 0)
            {
                Problem("title", "The title is blank: every row needs one.");
            }

            if (!int.TryParse(row["sort_order"], NumberStyles.None, CultureInfo.InvariantCulture, out var order))
            {
                Problem("sort_order", $"'{row["sort_order"]}' is not a whole number giving the order on screen.");
            }

            if (!dashboards.Contains(row["dashboard"]))
            {
                Problem("dashboard", $"'{row["dashboard"]}' is not a dashboard slug in dashboards.csv.");
            }

            if (!PolarityText.TryParse(row["polarity"], out var polarity))
            {
                Problem("polarity", $"'{row["polarity"]}' is not a polarity: use high, low or none.");
            }

            if (!ValueFormat.TryParseUnit(row["unit"], out var unit))
            {
                Problem("unit", $"'{row["unit"]}' is not a unit: use one of {string.Join(", ", Enum.GetValues<Unit>().Select(ValueFormat.UnitCode))}.");
            }

            if (!ValueFormat.TryParseScale(row["scale"], out var scale))
            {
                Problem("scale", $"'{row["scale"]}' is not a scale: use none, thousands, millions or billions.");
            }

            var decimals = 0;
            if (row["decimals"].Length > 0 && (!int.TryParse(row["decimals"], NumberStyles.None, CultureInfo.InvariantCulture, out decimals) || decimals > 6))
            {
                Problem("decimals", $"'{row["decimals"]}' is not a number of decimal places from 0 to 6.");
            }

            int? ratePer = null;
            if (row["rate_per"].Length > 0)
            {
                if (!int.TryParse(row["rate_per"].Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var per) || per <= 0)
                {
                    Problem("rate_per", $"'{row["rate_per"]}' is not a whole number such as 1000 or 100000.");
                }
                else
                {
                    ratePer = per;
                }
            }

            if (!NoRealChangeRule.TryParse(row["no_real_change_rule"], out var rule))
            {
                Problem("no_real_change_rule", $"'{row["no_real_change_rule"]}' is not a rule: use same-when-rounded, absolute:0.5 or relative:1%.");
            }

            if (!FrequencyText.TryParse(row["frequency"], out var frequency))
            {
                Problem("frequency", $"'{row["frequency"]}' is not a frequency: use annual or quarterly.");
            }

            var group = row["comparator_group"];
            if (group.Length > 0 && !groups.Contains(group))
            {
                Problem("comparator_group", $"'{group}' is not a comparator group code in comparator-groups.csv.");
            }

            // A percentage is at most 100% unless the catalogue says otherwise (blank means bounded).
            var bounded = row["percent_bounded"].Trim().ToUpperInvariant();
            if (bounded is not ("" or "YES" or "NO" or "Y" or "N"))
            {
                Problem("percent_bounded", $"'{row["percent_bounded"]}' is not yes or no (whether a percentage stays within 100%).");
            }

            if (found.Count > before)
            {
                continue;
            }

            rows.Add(new IndicatorRow(
                row.RowNumber,
                code,
                row["dashboard"],
                Text(row["section"]),
                order,
                title,
                Text(row["definition"]),
                polarity,
                unit,
                decimals,
                scale,
                ratePer,
                YesNo(row["strategic_plan"]),
                YesNo(row["internal"]),
                Text(row["source"]),
                Text(row["geography_note"]),
                group.Length > 0 ? group : null,
                frequency,
                rule!,
                Text(row["notes"]),
                bounded is not ("NO" or "N"),
                Text(row["source_dataset"]),
                Text(row["source_publisher"]),
                Text(row["source_release"])));
        }

        return rows;
    }

    /// <summary>Creates or updates the indicators (matched on code) and any new sections. The caller owns the transaction.</summary>
    public async Task ApplyIndicatorsAsync(IReadOnlyList<IndicatorRow> rows, CancellationToken ct)
    {
        var dashboards = await db.Dashboards.Include(d => d.Sections).ToDictionaryAsync(d => d.Slug, StringComparer.Ordinal, ct);
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        foreach (var row in rows)
        {
            var dashboard = dashboards[row.Dashboard];
            var section = await SectionAsync(dashboard, row.Section, ct);
            if (!indicators.TryGetValue(row.Code, out var indicator))
            {
                indicator = new Indicator { Code = row.Code, Title = row.Title, Polarity = row.Polarity, Unit = row.Unit };
                db.Indicators.Add(indicator);
                indicators[row.Code] = indicator;
            }

            indicator.Title = row.Title;
            indicator.Definition = row.Definition;
            indicator.Dashboard = dashboard;
            indicator.Section = section;
            indicator.SortOrder = row.SortOrder;
            indicator.Polarity = row.Polarity;
            indicator.Unit = row.Unit;
            indicator.Decimals = row.Decimals;
            indicator.Scale = row.Scale;
            indicator.RatePer = row.RatePer;
            indicator.StrategicPlan = row.StrategicPlan;
            indicator.Internal = row.Internal;
            indicator.Source = row.Source;
            indicator.GeographyNote = row.GeographyNote;
            indicator.ComparatorGroupCode = row.ComparatorGroup;
            indicator.Frequency = row.Frequency;
            indicator.NoRealChangeRule = row.NoRealChangeRule;
            indicator.Notes = row.Notes;
            indicator.PercentBounded = row.PercentBounded;
            indicator.SourceDataset = row.SourceDataset;
            indicator.SourcePublisher = row.SourcePublisher;
            indicator.SourceRelease = row.SourceRelease;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A text cell as typed, except that an apostrophe our own CSV downloads put before = + - @ (so spreadsheets do
    /// not run it as a formula) is taken off again: a downloaded catalogue uploads back unchanged.
    /// </summary>
    public static string Text(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' ? cell[1..] : cell;

    private async Task<DashboardSection?> SectionAsync(Dashboard dashboard, string title, CancellationToken ct)
    {
        if (title.Length == 0)
        {
            return null;
        }

        var section = dashboard.Sections.FirstOrDefault(s => s.Title == title);
        if (section is null)
        {
            section = new DashboardSection { Title = title, SortOrder = dashboard.Sections.Count + 1 };
            dashboard.Sections.Add(section);
            await db.SaveChangesAsync(ct);
        }

        return section;
    }

    private static bool YesNo(string text) => text.Trim().ToUpperInvariant() is "YES" or "Y" or "TRUE" or "1" or "*";

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

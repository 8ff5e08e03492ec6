using System.Globalization;
using LeicsPerformance.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Compares the rows of dashboards.csv or indicators.csv (<see cref="CatalogueRows"/>) with what is held: per row new,
/// changed (column by column) or unchanged, what each edition would hold, and warnings where stored values would be
/// read differently. Writes nothing.
/// </summary>
public sealed class CatalogueCheck(PerformanceDbContext db)
{
    /// <summary>
    /// Checks dashboards.csv against the themes held and says per dashboard what loading it would change, and what
    /// each edition would then hold, writing nothing. <see cref="CatalogueWriter.ApplyDashboardsAsync"/> writes the rows of a plan without errors.
    /// </summary>
    public async Task<CataloguePlan> PlanDashboardsAsync(CsvTable table, string sha256, CancellationToken ct)
    {
        var found = new List<ImportProblem>(table.Problems);
        var rows = await new CatalogueRows(db).ReadDashboardRowsAsync(table, found, ct);
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

    /// <summary>
    /// Checks indicators.csv against the dashboards and comparator groups held, and says per indicator what loading it
    /// would change, writing nothing. <see cref="CatalogueWriter.ApplyIndicatorsAsync"/> writes the rows of a plan without errors.
    /// </summary>
    public async Task<CataloguePlan> PlanIndicatorsAsync(CsvTable table, string sha256, CancellationToken ct)
    {
        var found = new List<ImportProblem>(table.Problems);
        var rows = await new CatalogueRows(db).ReadIndicatorRowsAsync(table, found, ct);
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
}

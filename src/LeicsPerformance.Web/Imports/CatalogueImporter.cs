using LeicsPerformance.Web.Data;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// The seed's load of the catalogue (themes, dashboards, indicators) from the project's CSV formats
/// (docs/csv-format.md): read and checked by <see cref="CatalogueRows"/>, written by <see cref="CatalogueWriter"/>, the
/// pieces an administrator's upload (<see cref="CatalogueUploads"/>) uses too. Rows are matched on their code or slug,
/// so loading the same files twice changes nothing; a row with a problem is skipped. The caller owns the transaction.
/// </summary>
public sealed class CatalogueImporter(PerformanceDbContext db)
{
    private readonly List<ImportProblem> problems = [];

    public IReadOnlyList<ImportProblem> Problems => problems;

    /// <summary>Dashboards (dashboards.csv), once their themes are loaded (<see cref="ReferenceDataImporter.ImportThemesAsync"/>).</summary>
    public async Task ImportDashboardsAsync(CsvTable dashboards, CancellationToken ct)
    {
        problems.AddRange(dashboards.Problems);
        await new CatalogueWriter(db).ApplyDashboardsAsync(await new CatalogueRows(db).ReadDashboardRowsAsync(dashboards, problems, ct), ct);
    }

    public async Task ImportIndicatorsAsync(CsvTable table, CancellationToken ct)
    {
        problems.AddRange(table.Problems);
        var rows = await new CatalogueRows(db).ReadIndicatorRowsAsync(table, problems, ct);
        await new CatalogueWriter(db).ApplyIndicatorsAsync(rows, ct);
    }
}

using LeicsPerformance.Web.Data.Entities;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// One of the three files administrators upload at /catalogue, each in the format of its file in
/// <c>data/catalogue/</c> (docs/csv-format.md): the indicators, the dashboards with their editions, and the indicator
/// lineage. An upload is recognised as one of them from its heading row. <see cref="PlaceHeading"/> heads the preview's
/// column of <see cref="ICatalogueRow.Place"/>.
/// </summary>
public sealed record CatalogueFile(
    string Name,
    LoadKind LoadKind,
    string Title,
    string Singular,
    string Plural,
    string PlaceHeading,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Required,
    bool IsWholeList)
{
    /// <summary>indicators.csv: matched on code; indicators not in the file are left alone. Its loads keep the kind <c>catalogue</c>.</summary>
    public static readonly CatalogueFile Indicators = new(
        "indicators.csv", LoadKind.Catalogue, "Indicator catalogue", "indicator", "indicators", "Dashboard",
        CatalogueRows.IndicatorColumns, CatalogueRows.RequiredIndicatorColumns, IsWholeList: false);

    /// <summary>dashboards.csv: matched on slug, each dashboard in the edition its <c>edition</c> column names; dashboards not in the file are left alone.</summary>
    public static readonly CatalogueFile Dashboards = new(
        "dashboards.csv", LoadKind.CatalogueDashboards, "Dashboards and editions", "dashboard", "dashboards", "Theme",
        CatalogueRows.DashboardColumns, CatalogueRows.RequiredDashboardColumns, IsWholeList: false);

    /// <summary>indicator-lineage.csv: the whole list of links, so a link the file no longer has is removed.</summary>
    public static readonly CatalogueFile Lineage = new(
        "indicator-lineage.csv", LoadKind.CatalogueLineage, "Indicator lineage", "lineage link", "lineage links", "Continues",
        LineageImporter.Columns, LineageImporter.RequiredColumns, IsWholeList: true);

    public static readonly IReadOnlyList<CatalogueFile> All = [Indicators, Dashboards, Lineage];

    /// <summary>Whether a load of this kind changed the catalogue (any of the three files) rather than values.</summary>
    public static bool IsCatalogueLoad(LoadKind loadKind) => All.Any(f => f.LoadKind == loadKind);

    public static CatalogueFile? ByName(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static CatalogueFile? ByLoadKind(LoadKind loadKind) => All.FirstOrDefault(f => f.LoadKind == loadKind);

    /// <summary>
    /// Which file a heading row is: a <c>continues</c> column makes it the lineage, a <c>slug</c> the dashboards, a
    /// <c>code</c> and <c>dashboard</c> the indicators. Null when it is none of them. (A recognised file missing a
    /// required column is then refused by <see cref="CsvTable.Require"/>, naming the column.)
    /// </summary>
    public static CatalogueFile? Recognise(CsvTable table) =>
        table.HasColumn("continues") ? Lineage
        : table.HasColumn("slug") ? Dashboards
        : table.HasColumn("code") && table.HasColumn("dashboard") ? Indicators
        : null;

    /// <summary>The message for a heading row that matches none of the three files, naming each one's headings.</summary>
    public static string NoneMatches =>
        "The heading row matches none of the catalogue files. Use the heading row of one of them, as its download gives it: "
        + string.Join("; ", All.Select(f => $"{f.Name}: {string.Join(",", f.Columns)}"))
        + ".";
}

using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Loads the project's <c>data/</c> folder: reference data and catalogue (areas, populations, comparator groups,
/// themes, dashboards, indicators, lineage), then every returns file in <c>data/returns</c>, in name order. Safe to run at
/// every start: the catalogue is matched on codes, and a returns file already loaded (same SHA-256) is skipped.
/// Everything it could not read is reported by file, row and column; nothing is dropped silently.
/// </summary>
public sealed class SampleDataSeeder(PerformanceDbContext db, ILogger<SampleDataSeeder> logger, IOptions<ReportingOptions>? reporting = null, TimeProvider? clock = null)
{
    public sealed record Result(IReadOnlyList<ImportProblem> Problems, IReadOnlyList<string> Loaded);

    public async Task<Result> SeedAsync(string dataFolder, CancellationToken ct = default)
    {
        var problems = new List<ImportProblem>();
        var loaded = new List<string>();

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var reference = new ReferenceDataImporter(db);
            var catalogue = new CatalogueImporter(db);
            await reference.ImportAreasAsync(Read(dataFolder, "areas.csv", "code", "name"), ct);
            await reference.ImportPopulationsAsync(Read(dataFolder, "area-populations.csv", "area_code", "year", "population"), ct);
            // Groups defined by a rule (county councils, all upper-tier, the region, ONS similar areas) follow the
            // boundary changes: one membership per year it changes (data/comparator-group-rules.csv).
            var builder = new ComparatorGroupBuilder(db);
            await builder.BuildAsync(
                Read(dataFolder, "comparator-group-rules.csv", "code", "name", "rule"),
                Read(dataFolder, "ons/similar-areas.csv", "group", "area_code", "neighbour_code"),
                reporting?.Value.HomeAreaCode ?? ReportingOptions.DefaultHomeAreaCode,
                ct);
            problems.AddRange(builder.Problems);
            await reference.ImportComparatorGroupsAsync(
                Read(dataFolder, "comparator-groups.csv", "code", "name", "year"),
                Read(dataFolder, "comparator-group-members.csv", "group_code", "year", "area_code"),
                ct);
            await reference.ImportThemesAsync(Read(dataFolder, "catalogue/themes.csv", "slug", "title", "sort_order"), ct);
            await catalogue.ImportDashboardsAsync(Read(dataFolder, "catalogue/dashboards.csv", CatalogueRows.RequiredDashboardColumns), ct);
            // indicators.csv is the converted compendium; further files (indicators-*.csv) add to it, in name order.
            foreach (var file in IndicatorFiles(dataFolder))
            {
                await catalogue.ImportIndicatorsAsync(Read(dataFolder, file, CatalogueRows.RequiredIndicatorColumns), ct);
            }

            problems.AddRange(reference.Problems);
            problems.AddRange(catalogue.Problems);
            // Which 2021/22 indicators continue which 2017/18 ones (reviewed, with evidence): checked and written by
            // the same LineageImporter as an administrator's upload of indicator-lineage.csv at /catalogue.
            problems.AddRange(await new LineageImporter(db).ImportAsync(
                Read(dataFolder, "catalogue/indicator-lineage.csv", LineageImporter.RequiredColumns), ct));
            await transaction.CommitAsync(ct);
        }

        // Committees, what they scrutinise, their meetings and the members' questioning prompts (data/committees/).
        problems.AddRange(await new CommitteeImporter(db).ImportFolderAsync(Path.Combine(dataFolder, "committees"), ct));

        var returnsFolder = Path.Combine(dataFolder, "returns");
        var files = Directory.Exists(returnsFolder) ? Directory.GetFiles(returnsFolder, "*.csv").Order(StringComparer.Ordinal).ToList() : [];
        // Made-up figures (data/returns/illustrative/) load after the real ones, their loads flagged as illustrative.
        var illustrativeFolder = Path.Combine(returnsFolder, "illustrative");
        var illustrative = Directory.Exists(illustrativeFolder) ? Directory.GetFiles(illustrativeFolder, "*.csv").Order(StringComparer.Ordinal).ToList() : [];
        files.AddRange(illustrative);
        foreach (var path in files)
        {
            var name = (illustrative.Contains(path) ? "returns/illustrative/" : "returns/") + Path.GetFileName(path);
            var content = await File.ReadAllBytesAsync(path, ct);
            var sha = DataLoad.Sha256Of(content);
            if (await db.DataLoads.AsNoTracking().AnyAsync(l => l.Sha256 == sha && l.RevertedAt == null, ct))
            {
                // Already loaded: skip before planning, so a restart does not re-check every file.
                continue;
            }

            var plan = await new ReturnImporter(db, reporting).PlanAsync(name, content, ct: ct);
            problems.AddRange(plan.Problems);
            if (plan.HasErrors)
            {
                logger.LogError("{File} was not loaded: {Count} row(s) have errors (listed below).", name, plan.RejectedRowCount);
                continue;
            }

            var load = await new ReturnWriter(db, clock).CommitAsync(plan, LoadKind.Seed, "sample data", ct, isIllustrative: illustrative.Contains(path));
            loaded.Add($"{name}: {load.RowsRead} rows, {load.RowsAdded} new, {load.RowsChanged} changed, {load.RowsUnchanged} unchanged");
        }

        await SeedDatasetsAsync(dataFolder, problems, loaded, ct);

        foreach (var line in loaded)
        {
            logger.LogInformation("Loaded {Summary}", line);
        }

        foreach (var problem in problems)
        {
            if (problem.IsWarning)
            {
                logger.LogWarning("{Problem}", problem.ToString());
            }
            else
            {
                logger.LogError("{Problem}", problem.ToString());
            }
        }

        return new Result(problems, loaded);
    }

    /// <summary>
    /// The public datasets in <c>data/ons</c> named in its <c>mapping.csv</c>, each loaded as published through
    /// <see cref="DatasetImporter"/> and the return importer; a file already loaded unchanged is skipped.
    /// </summary>
    private async Task SeedDatasetsAsync(string dataFolder, List<ImportProblem> problems, List<string> loaded, CancellationToken ct)
    {
        var folder = Path.Combine(dataFolder, "ons");
        var (mappings, mappingProblems) = DatasetImporter.ReadMappings(Read(dataFolder, "ons/mapping.csv", "file", "indicator_code", "period_kind"));
        problems.AddRange(mappingProblems);
        foreach (var mapping in mappings)
        {
            var name = "ons/" + mapping.File;
            var path = Path.Combine(folder, mapping.File);
            if (!File.Exists(path))
            {
                problems.Add(new("ons/mapping.csv", 0, "file", mapping.File, $"{mapping.File} is named in the mapping but is not in data/ons."));
                continue;
            }

            var (content, rowMap, conversionProblems) = DatasetImporter.ToReturn(name, await File.ReadAllBytesAsync(path, ct), mapping);
            problems.AddRange(conversionProblems);
            if (content is null)
            {
                logger.LogError("{File} was not loaded: it has errors (listed below).", name);
                continue;
            }

            var sha = DataLoad.Sha256Of(content);
            if (await db.DataLoads.AsNoTracking().AnyAsync(l => l.Sha256 == sha && l.RevertedAt == null, ct))
            {
                continue;
            }

            var plan = await new ReturnImporter(db, reporting).PlanAsync(name, content, ct: ct);
            problems.AddRange(plan.Problems.Select(p => DatasetImporter.ToDatasetProblem(p, name, rowMap)));
            if (plan.HasErrors)
            {
                logger.LogError("{File} was not loaded: {Count} row(s) have errors (listed below).", name, plan.RejectedRowCount);
                continue;
            }

            var load = await new ReturnWriter(db, clock).CommitAsync(plan, LoadKind.Seed, "ONS local indicators", ct);
            loaded.Add($"{name}: {load.RowsRead} rows, {load.RowsAdded} new, {load.RowsChanged} changed, {load.RowsUnchanged} unchanged");
        }
    }

    private static IEnumerable<string> IndicatorFiles(string dataFolder) =>
        Directory.GetFiles(Path.Combine(dataFolder, "catalogue"), "indicators*.csv")
            .Select(path => "catalogue/" + Path.GetFileName(path))
            .Order(StringComparer.Ordinal);

    private static CsvTable Read(string folder, string file, params string[] required)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            using var empty = new MemoryStream();
            return CsvTable.Read(file, empty, required);
        }

        using var stream = File.OpenRead(path);
        return CsvTable.Read(file, stream, required);
    }

    /// <summary>The data folder: configured, else the nearest <c>data/</c> above the app holding a catalogue.</summary>
    public static string? FindDataFolder(string? configured, string startFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, startFolder);
        }

        for (var dir = new DirectoryInfo(startFolder); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, "catalogue", "indicators.csv")))
            {
                return candidate;
            }
        }

        return null;
    }
}

using System.Globalization;
using System.Text;
using LeicsPerformance.Domain.Periods;

namespace LeicsPerformance.Web.Imports;

/// <summary>One row of <c>data/ons/mapping.csv</c>: which catalogue indicator a published dataset file feeds, and what kind its periods are.</summary>
public sealed record DatasetMapping(string File, string IndicatorCode, string PeriodKind);

/// <summary>
/// The dataset mappings of <c>data/ons/mapping.csv</c> (data, not code), read from the app's data folder when first
/// needed, so an analyst's upload of a published file finds its catalogue indicator by the file's name.
/// </summary>
public sealed class DatasetMappings(IConfiguration configuration, IWebHostEnvironment environment)
{
    private readonly Lazy<IReadOnlyList<DatasetMapping>> mappings = new(() =>
    {
        var folder = SampleDataSeeder.FindDataFolder(configuration["SampleData:Path"], environment.ContentRootPath);
        var path = folder is null ? null : Path.Combine(folder, "ons", "mapping.csv");
        if (path is null || !File.Exists(path))
        {
            return [];
        }

        using var stream = File.OpenRead(path);
        return DatasetImporter.ReadMappings(CsvTable.Read("ons/mapping.csv", stream, ["file", "indicator_code", "period_kind"])).Mappings;
    });

    public IReadOnlyList<DatasetMapping> All => mappings.Value;
}

/// <summary>
/// Loads a public dataset in the published tidy layout (ONS Explore Local Statistics: <c>areacd, areanm, period,
/// observation</c> or <c>value</c>, optional <c>numerator, denominator</c>, 95% confidence limits and
/// <c>observation_status</c>; headings in either the lower-case or the title-case form ONS uses) by turning it,
/// row for row, into a return, which then goes through the same plan → preview → commit → history → revert path
/// as any return. Problems are reported against the dataset's own row numbers and column headings.
/// </summary>
public static class DatasetImporter
{
    /// <summary>Normalised headings (see <see cref="CsvTable.NormaliseHeading"/>) that mark a file as a tidy dataset.</summary>
    public static bool IsDataset(CsvTable table) => table.HasColumn("areacd") && table.HasColumn("period");

    private static readonly string[] ValueColumns = ["observation", "value"];
    private static readonly string[] LowerColumns = ["lower_confidence_interval_95", "lower_confidence_interval_(95%)"];
    private static readonly string[] UpperColumns = ["upper_confidence_interval_95", "upper_confidence_interval_(95%)"];

    /// <summary>Reads the mapping file: dataset file name → catalogue indicator and period kind.</summary>
    public static (List<DatasetMapping> Mappings, List<ImportProblem> Problems) ReadMappings(CsvTable table)
    {
        var problems = new List<ImportProblem>(table.Problems);
        var mappings = new List<DatasetMapping>();
        foreach (var row in table.Rows)
        {
            if (!DatasetPeriod.Kinds.Contains(row["period_kind"]))
            {
                problems.Add(new(table.FileName, row.RowNumber, "period_kind", row["period_kind"], $"'{row["period_kind"]}' is not a period kind: use {string.Join(", ", DatasetPeriod.Kinds)}."));
                continue;
            }

            mappings.Add(new(row["file"], row["indicator_code"], row["period_kind"]));
        }

        return (mappings, problems);
    }

    /// <summary>The mapping for an uploaded file, by its name (as downloaded, or as shipped in data/ons).</summary>
    public static DatasetMapping? MappingFor(string fileName, IEnumerable<DatasetMapping> mappings) =>
        mappings.FirstOrDefault(m => string.Equals(m.File, Path.GetFileName(fileName), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Turns a dataset file into return CSV content. Returns null content when the file cannot be read or any row
    /// is wrong in a way the return would not name by the dataset's own column (then nothing is planned or written).
    /// </summary>
    public static (byte[]? Return, Dictionary<int, int> RowMap, List<ImportProblem> Problems) ToReturn(string fileName, byte[] content, DatasetMapping mapping)
    {
        using var stream = new MemoryStream(content, writable: false);
        return ToReturn(CsvTable.Read(fileName, stream, RequiredColumns), mapping);
    }

    /// <summary>The headings a dataset must have.</summary>
    public static readonly string[] RequiredColumns = ["areacd", "period"];

    /// <summary>As above, for a file already read (see <see cref="CsvTable.Require"/> with <see cref="RequiredColumns"/>).</summary>
    public static (byte[]? Return, Dictionary<int, int> RowMap, List<ImportProblem> Problems) ToReturn(CsvTable table, DatasetMapping mapping)
    {
        var fileName = table.FileName;
        var problems = new List<ImportProblem>();
        var rowMap = new Dictionary<int, int>();
        problems.AddRange(table.Problems);
        var valueColumn = ValueColumns.FirstOrDefault(table.HasColumn);
        if (valueColumn is null && table.Problems.Count == 0)
        {
            problems.Add(new(fileName, 1, string.Empty, string.Empty, "The heading row has no observation (or value) column holding the figures."));
        }

        if (problems.Count > 0)
        {
            return (null, rowMap, problems);
        }

        var lower = LowerColumns.FirstOrDefault(table.HasColumn);
        var upper = UpperColumns.FirstOrDefault(table.HasColumn);
        var output = new StringBuilder("indicator_code,period,area_code,value,status,numerator,denominator,lower,upper\n");
        var outputRow = 1;
        foreach (var row in table.Rows)
        {
            void Problem(string column, string message) => problems.Add(new(fileName, row.RowNumber, Heading(column), row[column], message));

            if (!DatasetPeriod.TryConvert(row["period"], mapping.PeriodKind, out var period, out var periodNote))
            {
                Problem("period", $"'{row["period"]}' is not a {mapping.PeriodKind} period as this dataset writes them (for example {Example(mapping.PeriodKind)}).");
                continue;
            }

            var observation = row[valueColumn!];
            var statusCode = row["observation_status"];
            string value;
            string status = string.Empty;
            if (observation.Length == 0)
            {
                // ONS marks a missing figure x (not available) or c (confidential, i.e. suppressed).
                value = string.Empty;
                status = statusCode == "c" ? "suppressed" : "not available";
            }
            else if (!decimal.TryParse(observation, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _))
            {
                Problem(valueColumn!, $"'{observation}' is not a number (the published files write figures like 75.4).");
                continue;
            }
            else
            {
                value = periodNote is null ? observation : $"{observation} ({periodNote})";
            }

            outputRow++;
            rowMap[outputRow] = row.RowNumber;
            output.Append(Csv(mapping.IndicatorCode)).Append(',')
                .Append(Csv(period.Code)).Append(',')
                .Append(Csv(row["areacd"])).Append(',')
                .Append(Csv(value)).Append(',')
                .Append(status).Append(',')
                .Append(Csv(row["numerator"])).Append(',')
                .Append(Csv(row["denominator"])).Append(',')
                .Append(Csv(lower is null ? string.Empty : row[lower])).Append(',')
                .Append(Csv(upper is null ? string.Empty : row[upper])).Append('\n');
        }

        return (problems.Count > 0 ? null : Encoding.UTF8.GetBytes(output.ToString()), rowMap, problems);

        string Heading(string column) => column;
    }

    /// <summary>Puts the return's problems back on the dataset's rows and headings, so the analyst can find them in the file they loaded.</summary>
    public static ImportProblem ToDatasetProblem(ImportProblem problem, string fileName, Dictionary<int, int> rowMap)
    {
        var column = problem.Column switch
        {
            "area_code" => "areacd",
            "value" => "observation",
            "lower" => "lower_confidence_interval_95",
            "upper" => "upper_confidence_interval_95",
            "indicator_code" => "(mapping) indicator_code",
            _ => problem.Column,
        };
        return problem with { File = fileName, Row = rowMap.TryGetValue(problem.Row, out var original) ? original : problem.Row, Column = column };
    }

    private static string Example(string kind) => kind switch
    {
        "calendar-year" => "2019 or 2019-01-01T00:00:00/P1Y",
        "academic-year" => "2019-09-01T00:00:00/P1Y",
        "financial-year" => "2019-2020",
        "three-year" => "2019-01-01T00:00:00/P3Y",
        "month" => "2019-04",
        _ => "2024-09-30T00:00:00",
    };

    private static string Csv(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}

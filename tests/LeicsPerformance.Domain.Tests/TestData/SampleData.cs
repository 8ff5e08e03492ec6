using System.Globalization;
using System.Text;

namespace LeicsPerformance.Domain.Tests.TestData;

/// <summary>One row of compendium-2017-18-as-printed.csv, strings exactly as printed.</summary>
public sealed record CompendiumRow(
    int Line,
    string Theme,
    string Section,
    string StrategicPlan,
    string Description,
    string Quartile,
    string Direction,
    string Current,
    string Target,
    string Previous,
    string Polarity,
    string Commentary,
    string PeriodCurrent,
    string PeriodPrevious)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}: {Description}");
}

/// <summary>One row of core-spending-power-per-head-2018-19.csv (Chart 1 of the compendium).</summary>
public sealed record SpendingPowerRow(int PrintedRank, string Authority, bool CountyCouncil, decimal CspPerHead);

/// <summary>
/// Finds and reads the shared sample data. The repo is /work/main and the data sits in its sibling
/// /work/shared/data, so we walk up from the test binaries to the folder holding LeicsPerformance.sln
/// and look next to it.
/// </summary>
public static class SampleData
{
    public const string CompendiumFile = "compendium-2017-18-as-printed.csv";
    public const string SpendingPowerFile = "core-spending-power-per-head-2018-19.csv";

    private static readonly Lazy<IReadOnlyList<CompendiumRow>> Compendium = new(LoadCompendium);
    private static readonly Lazy<IReadOnlyList<SpendingPowerRow>> SpendingPowerRows = new(LoadSpendingPower);

    public static IReadOnlyList<CompendiumRow> CompendiumRows => Compendium.Value;

    public static IReadOnlyList<SpendingPowerRow> SpendingPower => SpendingPowerRows.Value;

    public const string Compendium2021File = "compendium-2021-22-as-printed.csv";

    private static readonly Lazy<IReadOnlyList<IReadOnlyDictionary<string, string>>> Compendium2021 = new(() => ReadTable(Compendium2021File));

    /// <summary>Every row of the 2021/22 compendium as printed, by column name.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Compendium2021Rows => Compendium2021.Value;

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadTable(string fileName)
    {
        var lines = File.ReadAllLines(PathTo(fileName), Encoding.UTF8).Where(l => l.Length > 0).ToList();
        var header = SplitCsvLine(lines[0]);
        return lines.Skip(1).Select(l =>
        {
            var cells = SplitCsvLine(l);
            return (IReadOnlyDictionary<string, string>)header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i < cells.Count ? cells[x.i] : string.Empty, StringComparer.Ordinal);
        }).ToList();
    }

    public static string PathTo(string fileName)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LeicsPerformance.sln")))
        {
            dir = dir.Parent;
        }

        // Built with an artifacts path outside the repository: use the location recorded at build time.
        if (dir is null && typeof(SampleData).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value is { } root)
        {
            dir = new DirectoryInfo(root);
        }

        if (dir is null)
        {
            throw new InvalidOperationException(
                $"Could not find LeicsPerformance.sln in any folder above {AppContext.BaseDirectory}, so the sample data '{fileName}' cannot be located.");
        }

        var candidates = new[]
        {
            Path.GetFullPath(Path.Combine(dir.FullName, "data", "source", fileName)),
            Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", fileName)),
            Path.GetFullPath(Path.Combine(dir.FullName, "shared", "data", fileName)),
        };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"Sample data '{fileName}' not found. Looked in: {string.Join(", ", candidates)} (the repo root is {dir.FullName}; the data is expected in its sibling folder shared/data).");
    }

    /// <summary>Splits one CSV line (RFC 4180: fields may be quoted, "" is a literal quote). The sample files have no line breaks inside fields.</summary>
    public static IReadOnlyList<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"Unterminated quoted field in CSV line: {line}");
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static List<(int Line, Dictionary<string, string> Cells)> ReadCsv(string fileName)
    {
        var lines = File.ReadAllLines(PathTo(fileName), Encoding.UTF8);
        var header = SplitCsvLine(lines[0]);
        var rows = new List<(int, Dictionary<string, string>)>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var cells = SplitCsvLine(lines[i]);
            if (cells.Count != header.Count)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{fileName} line {i + 1} has {cells.Count} fields, expected {header.Count}."));
            }

            rows.Add((i + 1, header.Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)));
        }

        return rows;
    }

    private static IReadOnlyList<CompendiumRow> LoadCompendium() =>
        ReadCsv(CompendiumFile)
            .Select(r => new CompendiumRow(
                r.Line,
                r.Cells["theme"],
                r.Cells["section"],
                r.Cells["strategic_plan"],
                r.Cells["description"],
                r.Cells["quartile"],
                r.Cells["direction"],
                r.Cells["current"],
                r.Cells["target"],
                r.Cells["previous"],
                r.Cells["polarity"],
                r.Cells["commentary"],
                r.Cells["period_current"],
                r.Cells["period_previous"]))
            .ToList();

    private static IReadOnlyList<SpendingPowerRow> LoadSpendingPower() =>
        ReadCsv(SpendingPowerFile)
            .Select(r => new SpendingPowerRow(
                int.Parse(r.Cells["rank"], CultureInfo.InvariantCulture),
                r.Cells["authority"],
                r.Cells["county_council"] switch
                {
                    "yes" => true,
                    "no" => false,
                    var other => throw new FormatException($"county_council must be yes or no, not '{other}'"),
                },
                decimal.Parse(r.Cells["csp_per_head_gbp"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)))
            .ToList();
}

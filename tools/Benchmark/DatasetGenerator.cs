using System.Globalization;
using System.Text;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Imports;

namespace LeicsPerformance.Benchmark;

/// <summary>
/// Writes a national-scale data folder in the project's own CSV formats (docs/csv-format.md, the same layout as
/// <c>data/</c>), deterministic for a seed: 150 authorities × 250 quarterly indicators × 20 quarters
/// (Q1 2019/20 … Q4 2023/24), 8 themes, 16 dashboards, one comparator group holding every authority; plus the annual
/// Core Spending Power per head (FF01, 5 years × 150 authorities) that the funding page needs.
/// Returns are one file per quarter (37,500 rows each): the importer takes at most 200,000 rows a file, so the
/// 750,000 values cannot be one file. Also writes <c>import-100k.csv</c>, revised values for existing keys, for the
/// import benchmark, and <c>bench.env</c> naming what the script should request.
/// </summary>
internal static class DatasetGenerator
{
    public const string GroupCode = "upper-tier-authorities";
    public const string HomeArea = "leicestershire";
    public const string FundingCode = "FF01";

    private static readonly (string Slug, string Title)[] Themes =
    [
        ("funding-and-value", "Funding & Value for Money"),
        ("strong-economy", "Strong Economy"),
        ("opportunity", "Opportunity"),
        ("health-and-wellbeing", "Health & Wellbeing"),
        ("adult-social-care", "Adult Social Care"),
        ("children-and-families", "Children & Families"),
        ("safe-and-great-communities", "Safe & Great Communities"),
        ("environment-and-transport", "Environment & Transport"),
    ];

    private static readonly string[] Sections = ["Outcomes", "Service activity", "Value for money"];

    private static readonly string[] Subjects =
    [
        "residents", "adults receiving long-term support", "children in need", "pupils at state-funded schools",
        "households in temporary accommodation", "working-age people", "older people (65+)", "young people aged 16-17",
        "carers", "businesses", "principal roads", "household waste", "library members", "care leavers",
    ];

    private static readonly (string Unit, int Decimals, string RatePer, string Lead, double Low, double High)[] Units =
    [
        ("percent", 1, "", "Percentage of", 20, 90),
        ("rate", 1, "1000", "Rate per 1,000 of", 5, 400),
        ("count", 0, "", "Number of", 100, 20000),
        ("currency", 0, "", "Spend per head on", 200, 3000),
        ("number", 0, "", "Average days for", 10, 500),
    ];

    public static int Run(Options options)
    {
        var outDir = Path.GetFullPath(options.Required("out"));
        var seed = options.Int("seed", 20240331);
        var indicatorCount = options.Int("indicators", 250);
        var dashboardCount = options.Int("dashboards", 16);
        var importRows = options.Int("import-rows", 100_000);
        var random = new Random(seed);

        Directory.CreateDirectory(Path.Combine(outDir, "catalogue"));
        Directory.CreateDirectory(Path.Combine(outDir, "returns"));

        var areasFile = options.Optional("areas");
        var (areas, fromFile) = Areas(areasFile);
        var periods = Enumerable.Range(2019, 5).SelectMany(y => Enumerable.Range(1, 4).Select(q => ReportingPeriod.FinancialQuarter(y, q))).ToList();

        if (fromFile)
        {
            // The project's full area list (regions, England, the unitaries of 2019-2023), so the ONS datasets' codes are known.
            File.Copy(areasFile!, Path.Combine(outDir, "areas.csv"), overwrite: true);
        }
        else
        {
            Write(outDir, "areas.csv", ["code", "ons_code", "name", "authority_type"], areas.Select(a => new[] { a.Code, a.OnsCode, a.Name, a.Type }));
        }
        Write(outDir, "area-populations.csv", ["area_code", "year", "population", "source"],
            areas.Select(a => new[] { a.Code, "2023", Invariant(a.Code == HomeArea ? 721_000 : random.Next(100_000, 1_500_000)), "Synthetic benchmark data" }));
        Write(outDir, "comparator-groups.csv", ["code", "name", "year", "source"],
            [[GroupCode, "All upper-tier authorities", "2019", $"Synthetic benchmark data: all {areas.Count} authorities"]]);
        Write(outDir, "comparator-group-members.csv", ["group_code", "year", "area_code"], areas.Select(a => new[] { GroupCode, "2019", a.Code }));

        Write(outDir, "catalogue/themes.csv", ["slug", "title", "sort_order"],
            Themes.Select((t, i) => new[] { t.Slug, t.Title, Invariant(i + 1) }));
        var dashboards = Enumerable.Range(0, dashboardCount).Select(d =>
        {
            var theme = Themes[d * Themes.Length / dashboardCount];
            var core = d % 2 == 0;
            return (Slug: $"{theme.Slug}-{(core ? "headlines" : "detail")}", Theme: theme.Slug, Title: $"{theme.Title} ‐ {(core ? "Headlines" : "Detail")}");
        }).ToList();
        Write(outDir, "catalogue/dashboards.csv", ["slug", "theme", "title", "sort_order", "comparator_note"],
            dashboards.Select((d, i) => new[] { d.Slug, d.Theme, d.Title, Invariant(i + 1), "Comparators are all upper-tier authorities." }));

        var indicators = new List<Indicator>(indicatorCount);
        for (var d = 0; d < dashboardCount; d++)
        {
            var first = d * indicatorCount / dashboardCount;
            var last = (d + 1) * indicatorCount / dashboardCount;
            for (var i = first; i < last; i++)
            {
                var unit = Units[i % Units.Length];
                var polarity = i % 7 == 6 ? "none" : i % 2 == 0 ? "high" : "low";
                var subject = Subjects[i * 7 % Subjects.Length];
                indicators.Add(new Indicator(
                    $"BM{i + 1:000}",
                    dashboards[d].Slug,
                    Sections[(i - first) * Sections.Length / (last - first)],
                    i - first + 1,
                    $"{unit.Lead} {subject} ({(i % 3 == 0 ? "quarterly return" : "national collection")} {i + 1})",
                    unit,
                    polarity));
            }
        }

        // Plus Core Spending Power per head (FF01, annual, in pounds), which the funding page is built on, at the end
        // of the second dashboard, so the dashboard benchmarked (the first) holds quarterly indicators only.
        var funding = new Indicator(FundingCode, dashboards[Math.Min(1, dashboardCount - 1)].Slug, "Value for money", 99, "Core Spending Power per head of population", ("currency", 0, string.Empty, string.Empty, 1500, 2600), "high");

        Write(outDir, "catalogue/indicators.csv",
            ["code", "dashboard", "section", "sort_order", "title", "definition", "polarity", "unit", "decimals", "scale", "rate_per", "strategic_plan", "internal", "source", "geography_note", "comparator_group", "frequency", "no_real_change_rule", "notes"],
            indicators.Append(funding).Select(i => new[]
            {
                i.Code, i.Dashboard, i.Section, Invariant(i.SortOrder), i.Title,
                $"{i.Title}, at the end of the quarter. Synthetic benchmark indicator.", i.Polarity, i.Unit.Unit,
                Invariant(i.Unit.Decimals), "none", i.Unit.RatePer, i.SortOrder <= 4 ? "yes" : "no", "no",
                "Synthetic benchmark data", string.Empty, GroupCode, i == funding ? "annual" : "quarterly", "same-when-rounded", string.Empty,
            }));

        // Values: a gentle random walk per indicator and area (±3% a quarter), so no value is ten times the last
        // and the importer's suspicious-jump warnings stay quiet, as they would for real returns.
        var values = new decimal[indicators.Count, areas.Count, periods.Count];
        for (var i = 0; i < indicators.Count; i++)
        {
            var unit = indicators[i].Unit;
            for (var a = 0; a < areas.Count; a++)
            {
                var v = unit.Low + (random.NextDouble() * (unit.High - unit.Low));
                for (var p = 0; p < periods.Count; p++)
                {
                    v *= 1 + ((random.NextDouble() - 0.5) * 0.06);
                    v = unit.Unit == "percent" ? Math.Clamp(v, 1, 99) : Math.Max(v, unit.Low / 2);
                    values[i, a, p] = Math.Round((decimal)v, unit.Decimals, MidpointRounding.AwayFromZero);
                }
            }
        }

        var rows = 0L;
        for (var p = 0; p < periods.Count; p++)
        {
            var period = periods[p];
            var name = $"returns/{period.Year}-{(period.Year + 1) % 100:00}-q{period.Quarter}.csv";
            using var writer = Writer(outDir, name);
            writer.Write(Line("indicator_code", "period", "area_code", "value", "target", "commentary"));
            for (var i = 0; i < indicators.Count; i++)
            {
                for (var a = 0; a < areas.Count; a++)
                {
                    var home = areas[a].Code == HomeArea;
                    var value = values[i, a, p];
                    var target = home && i % 3 == 0 ? Format(Math.Round(value * (indicators[i].Polarity == "low" ? 0.98m : 1.02m), indicators[i].Unit.Decimals)) : string.Empty;
                    var commentary = home && i % 4 == 0
                        ? $"{period.LongLabel}: performance is broadly in line with the plan; actions are set out in the service plan, with a review due next quarter."
                        : string.Empty;
                    writer.Write(Line(indicators[i].Code, period.Label, areas[a].Code, Format(value), target, commentary));
                    rows++;
                }
            }
        }

        var annualRows = 0;
        using (var writer = Writer(outDir, "returns/annual-core-spending-power.csv"))
        {
            writer.Write(Line("indicator_code", "period", "area_code", "value"));
            for (var a = 0; a < areas.Count; a++)
            {
                var v = funding.Unit.Low + (random.NextDouble() * (funding.Unit.High - funding.Unit.Low));
                for (var year = 2019; year <= 2023; year++)
                {
                    v *= 1.02 + (random.NextDouble() * 0.04);
                    writer.Write(Line(FundingCode, ReportingPeriod.FinancialYear(year).Label, areas[a].Code, "£" + Format(Math.Round((decimal)v, 0))));
                    annualRows++;
                }
            }
        }

        // The import benchmark's file: revised values (each moved by 1–5 in its last decimal place, so every row is
        // a real change) for existing keys, latest quarters first, indicator by indicator, as a national refresh would be.
        var importCount = 0;
        using (var writer = Writer(outDir, "import-100k.csv"))
        {
            writer.Write(Line("indicator_code", "period", "area_code", "value"));
            for (var p = periods.Count - 1; p >= 0 && importCount < importRows; p--)
            {
                for (var i = 0; i < indicators.Count && importCount < importRows; i++)
                {
                    var step = 1m / (decimal)Math.Pow(10, indicators[i].Unit.Decimals);
                    for (var a = 0; a < areas.Count && importCount < importRows; a++)
                    {
                        writer.Write(Line(indicators[i].Code, periods[p].Label, areas[a].Code, Format(values[i, a, p] + (step * random.Next(1, 6)))));
                        importCount++;
                    }
                }
            }
        }

        var onsRows = fromFile ? CopyOnsDatasets(options.Optional("ons"), outDir, dashboards[Math.Min(1, dashboardCount - 1)].Slug) : 0;

        var latest = periods[^1];
        var env = new StringBuilder();
        void Env(string key, object value) => env.Append(CultureInfo.InvariantCulture, $"{key}={value}\n");
        Env("SEED", seed);
        Env("AREAS", areas.Count);
        Env("INDICATORS", indicators.Count);
        Env("PERIODS", periods.Count);
        Env("THEMES", Themes.Length);
        Env("DASHBOARDS", dashboards.Count);
        Env("VALUE_ROWS", rows + annualRows);
        Env("QUARTERLY_ROWS", rows);
        Env("ANNUAL_ROWS", annualRows);
        Env("ONS_ROWS", onsRows);
        Env("RETURN_FILES", periods.Count + 1);
        Env("IMPORT_ROWS", importCount);
        Env("SLUG", dashboards[0].Slug);
        Env("SLUG_INDICATORS", indicators.Count(i => i.Dashboard == dashboards[0].Slug));
        Env("INDICATOR", indicators[0].Code);
        Env("LATEST_PERIOD", latest.UrlForm); // as pages link to it: another form is moved (301), not rendered
        Env("FIRST_PERIOD", periods[0].Code);
        File.WriteAllText(Path.Combine(outDir, "bench.env"), env.ToString());

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {areas.Count} areas × {indicators.Count} indicators × {periods.Count} quarters = {rows:N0} values in {periods.Count} returns files (plus {annualRows:N0} annual {FundingCode} values for the funding page and {onsRows:N0} rows of ONS datasets), {dashboards.Count} dashboards in {Themes.Length} themes, and a {importCount:N0}-row import file, in {outDir} (seed {seed})."));
        return 0;
    }

    /// <summary>
    /// The ONS local indicators as the app ships them (data/ons: the files, mapping.csv), for the seeder to load as it
    /// does at start-up, with one annual catalogue indicator per mapped code on the given dashboard (all authorities
    /// as comparators). Returns the datasets' row count; nothing when no folder is given.
    /// </summary>
    private static int CopyOnsDatasets(string? folder, string outDir, string dashboard)
    {
        if (folder is null || !File.Exists(Path.Combine(folder, "mapping.csv")))
        {
            return 0;
        }

        Directory.CreateDirectory(Path.Combine(outDir, "ons"));
        File.Copy(Path.Combine(folder, "mapping.csv"), Path.Combine(outDir, "ons", "mapping.csv"), overwrite: true);
        using var stream = File.OpenRead(Path.Combine(folder, "mapping.csv"));
        var mapping = CsvTable.Read("mapping.csv", stream, ["file", "indicator_code"]);
        var rows = 0;
        foreach (var row in mapping.Rows)
        {
            File.Copy(Path.Combine(folder, row["file"]), Path.Combine(outDir, "ons", row["file"]), overwrite: true);
            rows += File.ReadLines(Path.Combine(folder, row["file"])).Count() - 1;
        }

        // Units are "number" so pounds, years and rates all load; the significance rule as the real catalogue has it.
        Write(outDir, "catalogue/indicators-ons.csv",
            ["code", "dashboard", "section", "sort_order", "title", "polarity", "unit", "decimals", "source", "comparator_group", "frequency", "no_real_change_rule"],
            mapping.Rows.Select(r => r["indicator_code"]).Distinct().Select((code, i) => new[]
            {
                code, dashboard, "ONS local indicators", Invariant(200 + i), $"ONS local indicator {code}", "high", "number", "1",
                "Office for National Statistics", GroupCode, "annual", "significance",
            }));
        return rows;
    }

    private sealed record Indicator(
        string Code,
        string Dashboard,
        string Section,
        int SortOrder,
        string Title,
        (string Unit, int Decimals, string RatePer, string Lead, double Low, double High) Unit,
        string Polarity);

    private sealed record AreaRow(string Code, string OnsCode, string Name, string Type);

    /// <summary>
    /// The project's own 150 upper-tier authorities of 2018/19 when given (Leicestershire among them; the file also
    /// holds regions, England and the later unitaries, which take no synthetic values), else made-up ones.
    /// </summary>
    private static (List<AreaRow> Areas, bool FromFile) Areas(string? file)
    {
        if (file is not null && File.Exists(file))
        {
            using var stream = File.OpenRead(file);
            var table = CsvTable.Read(Path.GetFileName(file), stream, ["code", "name"]);
            string[] upperTier = ["county", "unitary", "metropolitan district", "london borough"];
            string[] tiny = ["E09000001", "E06000053"]; // City of London, Isles of Scilly: left out of national comparisons
            bool ExistedIn2018(CsvRow r) =>
                (r["first_year"].Length == 0 || int.Parse(r["first_year"], CultureInfo.InvariantCulture) <= 2018)
                && (r["last_year"].Length == 0 || int.Parse(r["last_year"], CultureInfo.InvariantCulture) >= 2018);
            var rows = table.Rows
                .Where(r => upperTier.Contains(r["authority_type"]) && !tiny.Contains(r["ons_code"]) && ExistedIn2018(r))
                .Select(r => new AreaRow(r["code"], r["ons_code"], r["name"], r["authority_type"]))
                .ToList();
            if (rows.Count == 150 && rows.Any(r => r.Code == HomeArea))
            {
                return (rows, true);
            }

            Console.Error.WriteLine($"{file} does not hold 150 upper-tier authorities of 2018/19 including {HomeArea}; using made-up authorities.");
        }

        return ([new AreaRow(HomeArea, "E10000018", "Leicestershire", "county"),
            .. Enumerable.Range(1, 149).Select(i => new AreaRow(string.Create(CultureInfo.InvariantCulture, $"authority-{i:000}"), string.Empty, string.Create(CultureInfo.InvariantCulture, $"Authority {i:000}"), "upper-tier"))], false);
    }

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static StreamWriter Writer(string outDir, string name) =>
        new(Path.Combine(outDir, name), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };

    private static void Write(string outDir, string name, string[] header, IEnumerable<string[]> rows)
    {
        using var writer = Writer(outDir, name);
        writer.Write(Line(header));
        foreach (var row in rows)
        {
            writer.Write(Line(row));
        }
    }

    /// <summary>One CSV line (RFC 4180: fields with a comma, quote or line break are quoted).</summary>
    internal static string Line(params string[] fields)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(f);
            }
        }

        return sb.Append('\n').ToString();
    }
}

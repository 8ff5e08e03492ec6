// One-off conversion of the council's 2021/22 compendium (Cabinet, 25 November 2022), as printed, into the project's
// own CSV formats: a second edition of dashboards (first period 2021/22) appended to data/catalogue, its indicators in
// data/catalogue/indicators-2021-22.csv and its return in data/returns/2021-22-compendium.csv. Run once after
// ConvertCompendium.cs; the output is committed and is what the app loads:
//
//   dotnet run tools/ConvertCompendium2021.cs -- data/source data
//
// Values, targets, quartiles, arrows and markers are copied as printed; the importer parses them. Decided here: codes,
// units, polarity, and two readings documented in docs/csv-format.md: a percentage printed above 100% makes the
// indicator's percentage unbounded, and a printed "-" arrow between two figures marks the current one not comparable.
#:package CsvHelper
#:project ../src/LeicsPerformance.Domain

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;

var source = args.Length > 0 ? args[0] : "data/source";
var output = args.Length > 1 ? args[1] : "data";
const string Edition = "2021/22";
const string SourceName = "Leicestershire County Council performance compendium 2021/22 (Cabinet, 25 November 2022)";

// Dashboards in the order printed, with the theme heading they sit under, a code prefix and the note under the table.
const string Counties = "Comparators are 32 county councils & county unitaries.";
var dashboards = new (string Printed, string Title, string Theme, string Prefix, string Group, string Note)[]
{
    ("Fair Funding", "Fair Funding", "Fair Funding", "FN", "county-councils", Counties + " * Quartiles calculated using Leicestershire County Council 2021/22 draft outturn and Planned spend (revenue account) data for other local authorities. Data to be updated after publication of revenue outturn."),
    ("Strong Economy - Growth & Investment", "Strong Economy ‐ Growth & Investment", "Strong Economy, Transport & Infrastructure", "GI", "county-councils", Counties),
    ("Strong Economy - Employment & Skills", "Strong Economy ‐ Employment & Skills", "Strong Economy, Transport & Infrastructure", "EK", "county-councils", Counties),
    ("Strong Economy - Housing", "Strong Economy ‐ Housing", "Strong Economy, Transport & Infrastructure", "HS", "county-councils", Counties),
    ("Improved Opportunities - Best Start in Life", "Improved Opportunities ‐ Best Start in Life", "Improved Opportunities", "BL", "upper-tier-authorities", "Public Health Outcomes Framework (PHOF) benchmarks are compared to all single / upper tier authorities ('Eng.'), unless otherwise stated ('Counties')."),
    ("Improved Opportunities: School & Academy Performance", "Improved Opportunities: School & Academy Performance", "Improved Opportunities", "SP", "county-councils", "Responsibility of schools and academies with support from Leicestershire Education Excellence Partnership (LEEP). " + Counties),
    ("Strong Economy - Transport", "Strong Economy ‐ Transport", "Strong Economy, Transport & Infrastructure", "TP", "county-councils", "Comparators are the 33 county councils & county unitaries."),
    ("Safe & Well - Hospital Discharge & Reablement", "Safe & Well ‐ Hospital Discharge & Reablement", "Safe & Well", "HD", "social-services-authorities", "ASCOF benchmarks are compared to all social services authorities. BCF indicator targets are for 2021/22. 'ASCOF' refers to the Department of Health Adult Social Care Outcomes Framework."),
    ("Safe & Well - Health & Care", "Safe & Well ‐ Health & Care", "Safe & Well", "AC", "social-services-authorities", "ASCOF benchmarks are compared to all social services authorities. 'ASCOF' refers to the Department of Health Adult Social Care Outcomes Framework."),
    ("Safe & Well - Public Health", "Safe & Well ‐ Public Health", "Safe & Well", "PB", "upper-tier-authorities", "Public Health Outcomes Framework (PHOF) benchmarks are compared to all single / upper tier authorities. Direction of travel arrows are indicative, and do not necessarily represent statistically significant change."),
    ("Safe & Well - Mental Health", "Safe & Well ‐ Mental Health", "Safe & Well", "MW", "upper-tier-authorities", "Public Health Outcomes Framework (PHOF) benchmarks are compared to all single / upper tier authorities."),
    ("Improved Opportunities - Safeguarding Children & Families", "Improved Opportunities ‐ Safeguarding Children & Families", "Improved Opportunities", "CF", "county-councils", "Children's Social Care data is provisional ‐ to be confirmed by DfE in winter 2021/22. " + Counties),
    ("Safe - Safer Communities", "Safe ‐ Safer Communities", "Safe & Well", "SF", "county-councils", "Comparators are 32 county councils & county unitaries, except where (Eng.) indicates that comparison is with all English local authority areas."),
    ("Safe - Police & Crime", "Safe ‐ Police & Crime", "Safe & Well", "PO", "county-councils", "Responsibility of Police & Crime Commissioner (published as part of overview & scrutiny role). " + Counties),
    ("Clean & Green - Environment & Waste", "Clean & Green ‐ Environment & Waste", "Clean & Green", "EN", "county-councils", Counties),
    ("Great Communities", "Great Communities", "Great Communities", "GM", "county-councils", Counties),
    ("Enabling Services", "Enabling Services", "Enabling Services", "EB", "county-councils", Counties),
};

string Slug(string text) => Regex.Replace(text.Replace('‐', '-').Replace("&", "and", StringComparison.Ordinal).ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
string DashboardSlug(string title) => Slug(title) + "-2021-22";

// Themes: the 2017/18 file is kept; themes of the same name are shared, new ones follow in printed order.
var themes = ReadAll(Path.Combine(output, "catalogue/themes.csv"));
var themeRows = themes.Select(t => new[] { t["slug"], t["title"], t["sort_order"] }).ToList();
foreach (var theme in dashboards.Select(d => d.Theme).Distinct())
{
    if (themeRows.All(t => t[0] != Slug(theme)))
    {
        themeRows.Add([Slug(theme), theme, Text(themeRows.Count + 1)]);
    }
}

Write("catalogue/themes.csv", ["slug", "title", "sort_order"], themeRows);
var existingDashboards = ReadAll(Path.Combine(output, "catalogue/dashboards.csv"))
    .Where(d => d.GetValueOrDefault("edition", "") != Edition)
    .Select(d => new[] { d["slug"], d["theme"], d["title"], d["sort_order"], d["comparator_note"], d.GetValueOrDefault("edition", "") is { Length: > 0 } e ? e : "2017/18" })
    .ToList();
Write("catalogue/dashboards.csv", ["slug", "theme", "title", "sort_order", "comparator_note", "edition"],
    existingDashboards.Concat(dashboards.Select((d, i) => new[] { DashboardSlug(d.Title), Slug(d.Theme), d.Title, Text(i + 1), d.Note, Edition })));

var rows = ReadAll(Path.Combine(source, "compendium-2021-22-as-printed.csv"));
var indicators = new List<string[]>();
var returns = new List<string[]>();
var counters = new Dictionary<string, int>();
foreach (var row in rows)
{
    var dashboard = dashboards.Single(d => d.Printed == row["theme"]);
    counters[dashboard.Prefix] = counters.GetValueOrDefault(dashboard.Prefix) + 1;
    var number = counters[dashboard.Prefix];
    var code = $"{dashboard.Prefix}{number:00}";
    var title = row["description"].Trim();

    PrintedValue.TryParse(row["current"], out var current, out _);
    PrintedValue.TryParse(row["previous"], out var previous, out _);
    var printed = new[] { current, previous }.Where(v => v is { Number: not null }).ToList();
    var unit = printed.Any(v => v!.HasCurrencySign) ? Unit.Currency
        : printed.Any(v => v!.HasPercentSign) ? Unit.Percent
        : Regex.IsMatch(title, @"per [\d,]+|rate", RegexOptions.IgnoreCase) ? Unit.Rate
        : Regex.IsMatch(title, @"^(number|no\.)|visits|users|count|journeys|issues|downloads|incidents|casualties", RegexOptions.IgnoreCase) ? Unit.Count
        : Unit.Number;
    var ratePer = Regex.Match(title, @"per ([\d,]+)") is { Success: true } per ? per.Groups[1].Value.Replace(",", "", StringComparison.Ordinal) : "";
    var decimals = printed.Count == 0 ? 0 : printed.Max(v => v!.Decimals);
    var scale = current?.Scale is { } s && s != Scale.None ? s : previous?.Scale ?? Scale.None;
    // A percentage printed above 100% is a measure that can exceed it (excess mortality: 505.7%).
    var bounded = !(unit == Unit.Percent && printed.Any(v => Math.Abs(v!.Number!.Value) > 100m));
    if (unit == Unit.Count && printed.Any(v => v!.Number < 0))
    {
        unit = Unit.Number;
    }

    PolarityText.TryParse(row["polarity"], out var polarity);
    var geography = Regex.Match(title, @"\((Leics[^)]+|LLR)\)") is { Success: true } g ? g.Groups[1].Value : "";
    var quartile = row["quartile"];
    var group = quartile.Contains("(Eng", StringComparison.Ordinal) && dashboard.Group == "county-councils" ? "england-local-authorities" : dashboard.Group;
    indicators.Add([
        code, DashboardSlug(dashboard.Title), row["section"].Trim(), Text(number), title, "",
        polarity.ToCode(), ValueFormat.UnitCode(unit), Text(decimals), scale.ToString().ToLowerInvariant(), ratePer,
        row["strategic_plan"].Trim() == "*" ? "yes" : "no",
        Regex.IsMatch(title, @"LCC|employed by Leicestershire County Council|Traded Services|staff satisfaction|staff turnover|RIDDOR|workforce|gender pay gap", RegexOptions.IgnoreCase) ? "yes" : "no",
        SourceName, geography, group, "annual", "same-when-rounded", "", bounded ? "yes" : "no",
    ]);

    // The printed "-" arrow between two figures: the council's "cannot be determined … due to changes to indicator
    // definitions" (no previous data is the other reason, and here there is some), so the figure is not comparable.
    var notComparable = row["direction"].Trim() == "-" && current is { Number: not null } && previous is { Number: not null };
    returns.Add([code, "2020/21", "leicestershire", row["previous"], "", "", "", "", "", "", ""]);
    returns.Add([code, Edition, "leicestershire", row["current"], notComparable ? "not comparable" : "", row["target"], quartile, group, row["direction"], row["marker"], row["commentary"]]);
}

Write("catalogue/indicators-2021-22.csv",
    ["code", "dashboard", "section", "sort_order", "title", "definition", "polarity", "unit", "decimals", "scale", "rate_per",
     "strategic_plan", "internal", "source", "geography_note", "comparator_group", "frequency", "no_real_change_rule", "notes", "percent_bounded"],
    indicators);
Write("returns/2021-22-compendium.csv",
    ["indicator_code", "period", "area_code", "value", "status", "target", "quartile", "comparator_group", "direction", "marker", "commentary"],
    returns);
Console.WriteLine($"{indicators.Count} indicators, {returns.Count} return rows written to {output}.");

static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

static List<Dictionary<string, string>> ReadAll(string path)
{
    using var reader = new StreamReader(path, Encoding.UTF8);
    using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
    return csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Select(r => r.ToDictionary(k => k.Key, k => (string)k.Value)).ToList();
}

void Write(string path, string[] header, IEnumerable<string[]> records)
{
    var list = records.ToList();
    using var writer = new StreamWriter(Path.Combine(output, path), false, new UTF8Encoding(false));
    using var outCsv = new CsvWriter(writer, CultureInfo.InvariantCulture);
    foreach (var h in header) { outCsv.WriteField(h); }
    outCsv.NextRecord();
    foreach (var record in list)
    {
        foreach (var field in record) { outCsv.WriteField(field); }
        outCsv.NextRecord();
    }
}

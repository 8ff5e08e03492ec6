// One-off conversion of the council's 2017/18 compendium (as printed) and Chart 1 (Core Spending Power per
// head 2018/19) into the project's own CSV formats under data/. Run once; the output is committed and is what
// the app loads. Kept so the conversion can be re-read and re-run:
//
//   dotnet run tools/ConvertCompendium.cs -- data/source data
//
// Values, targets, quartiles and arrows are copied as printed: the app's loader parses them (and reports what
// it cannot), exactly as it would an analyst's return. Only the catalogue (codes, units, polarity) is decided here.
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
Directory.CreateDirectory(Path.Combine(output, "catalogue"));
Directory.CreateDirectory(Path.Combine(output, "returns"));

// --- Themes and dashboards of 2017/18, in the order printed. Short codes prefix indicator codes.
var dashboards = new (string Title, string Theme, string Prefix, string Group, string Note)[]
{
    ("Fair Funding", "Fair Funding", "FF", "county-councils", "Comparators are other county councils."),
    ("Strong Economy", "Strong Economy", "SE", "county-councils", "Comparators are other county councils."),
    ("Strong Economy ‐ Employment & Skills", "Strong Economy", "ES", "county-councils", "Comparators are other county councils."),
    ("Opportunity: School & Academy Performance", "Opportunity", "SA", "county-councils", "Responsibility of schools and academies with support from Leicestershire Education Excellence Partnership (LEEP). Comparators are other county councils."),
    ("Strong Economy ‐ Transport", "Strong Economy", "TR", "county-councils", "Comparators are other county councils."),
    ("Housing ‐ Affordable & Quality Homes", "Affordable & Quality Homes", "HO", "county-councils", "Comparators are other county councils."),
    ("Wellbeing ‐ Health & Care", "Wellbeing", "HC", "social-services-authorities", "ASCOF benchmarks are compared to all social services authorities. BCF indicator targets are for 2017/18. 'ASCOF' refers to the Department of Health Adult Social Care Outcomes Framework."),
    ("Wellbeing ‐ Public Health", "Wellbeing", "PH", "upper-tier-authorities", "PHOF benchmarks are compared to all single / upper tier authorities."),
    ("Wellbeing ‐ Best Start in Life", "Wellbeing", "BS", "upper-tier-authorities", "PHOF benchmarks are compared to all single / upper tier authorities."),
    ("Wellbeing ‐ Mental Health", "Wellbeing", "MH", "upper-tier-authorities", "PHOF benchmarks are compared to all single / upper tier authorities."),
    ("Keeping People Safe ‐ Safeguarding Children, Families & Vulnerable Adults", "Keeping People Safe", "SG", "county-councils", "Children's Social Care data is provisional ‐ to be confirmed by DfE in winter 2018/19. Comparators are other county councils."),
    ("Keeping People Safe ‐ Safer Communities", "Keeping People Safe", "SC", "county-councils", "Comparators are other county councils, except where (Eng.) indicates that comparison is with all English local authority areas."),
    ("Keeping People Safe ‐ Police & Crime", "Keeping People Safe", "PC", "county-areas", "Responsibility of Police & Crime Commissioner (published as part of overview & scrutiny role). Comparators are other county areas."),
    ("Great Communities ‐ Environment & Waste", "Great Communities", "EW", "county-councils", "Comparators are other county councils."),
    ("Great Communities", "Great Communities", "GC", "county-areas", "Comparators are other county areas."),
    ("Corporate Enablers", "Corporate Enablers", "CE", "county-councils", "Comparators are other county councils."),
};

string Slug(string text) => Regex.Replace(text.Replace('‐', '-').Replace("&", "and", StringComparison.Ordinal).ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');

var themes = dashboards.Select(d => d.Theme).Distinct().ToList();
Write("catalogue/themes.csv", ["slug", "title", "sort_order"],
    themes.Select((t, i) => new[] { Slug(t), t, Text(i + 1) }));
Write("catalogue/dashboards.csv", ["slug", "theme", "title", "sort_order", "comparator_note"],
    dashboards.Select((d, i) => new[] { Slug(d.Title), Slug(d.Theme), d.Title, Text(i + 1), d.Note }));

// --- Indicators and the 2017/18 return.
using var reader = new StreamReader(Path.Combine(source, "compendium-2017-18-as-printed.csv"), Encoding.UTF8);
using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Select(r => r.ToDictionary(k => k.Key, k => (string)k.Value)).ToList();

var indicators = new List<string[]>();
var returns = new List<string[]>();
var counters = new Dictionary<string, int>();
foreach (var row in rows)
{
    var dashboard = dashboards.Single(d => d.Title == row["theme"]);
    counters[dashboard.Prefix] = counters.GetValueOrDefault(dashboard.Prefix) + 1;
    var code = $"{dashboard.Prefix}{counters[dashboard.Prefix]:00}";
    var title = row["description"].Trim();

    PrintedValue.TryParse(row["current"], out var current, out _);
    PrintedValue.TryParse(row["previous"], out var previous, out _);
    var printed = new[] { current, previous }.Where(v => v is { Number: not null }).ToList();
    var unit = printed.Any(v => v!.HasCurrencySign) ? Unit.Currency
        : printed.Any(v => v!.HasPercentSign) ? Unit.Percent
        : Regex.IsMatch(title, @"per [\d,]+|rate", RegexOptions.IgnoreCase) ? Unit.Rate
        : Regex.IsMatch(title, @"^(number|no\.)|visits|users|count", RegexOptions.IgnoreCase) ? Unit.Count
        : Unit.Number;
    var ratePer = Regex.Match(title, @"per ([\d,]+)") is { Success: true } per ? per.Groups[1].Value.Replace(",", "", StringComparison.Ordinal) : "";
    var scale = current?.Scale is { } s && s != Scale.None ? s : previous?.Scale ?? Scale.None;
    // The published precision is the one printed at the row's scale: "980.6k" beside "1.01m" is one decimal of thousands.
    var atScale = printed.Where(v => v!.Scale == scale).ToList();
    var decimals = printed.Count == 0 ? 0 : (atScale.Count > 0 ? atScale : printed).Max(v => v!.Decimals);

    var notes = new List<string>();
    PolarityText.TryParse(row["polarity"], out var polarity);
    if (polarity == Polarity.None && row["direction"] is "↑" or "↓" && current?.Number is { } c && previous?.Number is { } p && c != p)
    {
        // The compendium printed an arrow but no polarity: the arrow tells which way officers read as better.
        polarity = (row["direction"] == "↑") == (c > p) ? Polarity.HighIsGood : Polarity.LowIsGood;
        notes.Add("Polarity was not printed in the 2017/18 compendium; it is inferred from the printed arrow.");
    }

    // "(Leics)" is the county itself; only wider areas ("Leics, Leicester & Rutland") are a geography note.
    var geography = Regex.Match(title, @"\((Leics[^)]+|LLR)\)") is { Success: true } g ? g.Groups[1].Value : "";
    var group = row["quartile"].Contains("(Eng.)", StringComparison.Ordinal) ? "england-local-authorities" : dashboard.Group;
    indicators.Add([
        code, Slug(dashboard.Title), row["section"].Trim(), Text(counters[dashboard.Prefix]), title, "",
        polarity.ToCode(), ValueFormat.UnitCode(unit), Text(decimals), scale.ToString().ToLowerInvariant(), ratePer,
        row["strategic_plan"].Trim() == "*" ? "yes" : "no",
        IsInternal(title) ? "yes" : "no",
        "Leicestershire County Council performance compendium 2017/18", geography, group, "annual", "same-when-rounded",
        string.Join(" ", notes),
    ]);

    returns.Add([code, "2016/17", "leicestershire", row["previous"], "", "", "", "", ""]);
    returns.Add([code, "2017/18", "leicestershire", row["current"], row["target"], row["quartile"], group, row["direction"], row["commentary"]]);
}

Write("catalogue/indicators.csv",
    ["code", "dashboard", "section", "sort_order", "title", "definition", "polarity", "unit", "decimals", "scale", "rate_per",
     "strategic_plan", "internal", "source", "geography_note", "comparator_group", "frequency", "no_real_change_rule", "notes"],
    indicators);
Write("returns/2017-18-compendium.csv",
    ["indicator_code", "period", "area_code", "value", "target", "quartile", "comparator_group", "direction", "commentary"],
    returns);

// --- Areas, comparator groups and Core Spending Power per head 2018/19 (Chart 1).
using var cspReader = new StreamReader(Path.Combine(source, "core-spending-power-per-head-2018-19.csv"), Encoding.UTF8);
using var cspCsv = new CsvReader(cspReader, CultureInfo.InvariantCulture);
var csp = cspCsv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Select(r => r.ToDictionary(k => k.Key, k => (string)k.Value)).ToList();
Write("areas.csv", ["code", "ons_code", "name", "authority_type"],
    csp.Select(r => new[] { Slug(r["authority"]), r["authority"] == "Leicestershire" ? "E10000018" : "", r["authority"], r["county_council"] == "yes" ? "county" : "upper-tier" }));
Write("area-populations.csv", ["area_code", "year", "population", "source"],
    [["leicestershire", "2017", "683000", "Implied by Chart 1 of the 2017/18 compendium (additional funding ÷ difference per head): about 683,000"]]);
Write("comparator-groups.csv", ["code", "name", "year", "source"],
[
    ["upper-tier-authorities", "All upper-tier authorities", "2018", "The 150 authorities of MHCLG Core Spending Power 2018/19"],
    ["county-councils", "County councils", "2018", "The 27 two-tier county councils of MHCLG Core Spending Power 2018/19"],
    ["social-services-authorities", "All social services authorities", "2018", "ASCOF benchmarks (members not yet loaded)"],
    ["county-areas", "County areas", "2018", "Police and community benchmarks (members not yet loaded)"],
    ["england-local-authorities", "All English local authority areas", "2018", "Marked (Eng.) in the compendium (members not yet loaded)"],
]);
var members = csp.Select(r => new[] { "upper-tier-authorities", "2018", Slug(r["authority"]) })
    .Concat(csp.Where(r => r["county_council"] == "yes").Select(r => new[] { "county-councils", "2018", Slug(r["authority"]) }));
Write("comparator-group-members.csv", ["group_code", "year", "area_code"], members);
Write("returns/2018-19-core-spending-power-per-head.csv", ["indicator_code", "period", "area_code", "value"],
    csp.Select(r => new[] { "FF01", "2018/19", Slug(r["authority"]), "£" + r["csp_per_head_gbp"] }));

Console.WriteLine($"{indicators.Count} indicators, {returns.Count} return rows, {csp.Count} authorities written to {output}.");

// About the council as an organisation rather than the county: its own staff, sites and traded services.
static bool IsInternal(string title) =>
    Regex.IsMatch(title, @"internal|employed by Leicestershire County Council|Traded Services|staff satisfaction|sickness", RegexOptions.IgnoreCase);

static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

void Write(string path, string[] header, IEnumerable<string[]> records)
{
    using var writer = new StreamWriter(Path.Combine(output, path), false, new UTF8Encoding(false));
    using var outCsv = new CsvWriter(writer, CultureInfo.InvariantCulture);
    foreach (var h in header) { outCsv.WriteField(h); }
    outCsv.NextRecord();
    foreach (var record in records)
    {
        foreach (var field in record) { outCsv.WriteField(field); }
        outCsv.NextRecord();
    }
}

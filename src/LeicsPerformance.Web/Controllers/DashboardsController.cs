using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Web.Exports;
using LeicsPerformance.Web.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace LeicsPerformance.Web.Controllers;

/// <summary>The list of theme dashboards, one dashboard as the compendium prints it (with filters), and its CSV.</summary>
[Route("dashboards")]
public sealed class DashboardsController(PerformanceQueries queries, ReportingCalendar calendar, ComparatorQueries comparatorQueries, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await calendar.ListDashboardsAsync(ct));

    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = LeicsPerformance.Web.Data.OutputCachePolicies.Data)]
    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(
        string slug,
        [FromQuery] DashboardAsked asked,
        CancellationToken ct)
    {
        var (error, page) = await LoadAsync(slug, asked, ct);
        return error ?? View(page);
    }

    [HttpGet("{slug}/csv")]
    public async Task<IActionResult> Csv(
        string slug,
        [FromQuery] DashboardAsked asked,
        CancellationToken ct)
    {
        var (error, page) = await LoadAsync(slug, asked, ct);
        if (error is not null)
        {
            return error;
        }

        var name = $"{page!.Dashboard.Slug}-{Wording.FileName(page.Dashboard.Period.Label)}{(page.Filters.Any ? "-filtered" : string.Empty)}.csv";
        return CsvExport.File(name, RatedIndicatorCsv.Header, page.Rows.Select(RatedIndicatorCsv.Row));
    }

    private async Task<(IActionResult? Error, DashboardPage? Page)> LoadAsync(string slug, DashboardAsked asked, CancellationToken ct)
    {
        var period = asked.Period;
        var (groupCode, groupError) = await comparatorQueries.ResolveGroupAsync(asked.Group, ct);
        if (groupError is not null)
        {
            return (BadRequest(groupError), null);
        }

        var resolved = await calendar.ResolvePeriodAsync(period, slug, ct);
        if (resolved is null && !string.IsNullOrWhiteSpace(period))
        {
            return (BadRequest(), null);
        }

        // A dashboard with no data at all still has a page: show it for the period the rest of the app defaults to.
        resolved ??= await calendar.ResolvePeriodAsync(null, null, ct) ?? CurrentFinancialYear();
        var view = await queries.DashboardAsync(slug, resolved, ct, groupCode);
        if (view is null)
        {
            return (NotFound(), null);
        }

        var sections = view.Rows.Select(r => r.Section).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var filters = DashboardFilters.Parse(asked.Section, asked.Quartile, asked.Direction, asked.Strategic, sections);
        var rows = view.Rows.Where(filters.Matches).ToList();
        ViewData["Illustrative"] = view.Rows.Any(r => r.IsIllustrative);
        return (null, new DashboardPage(
            view,
            filters,
            sections,
            rows,
            DashboardReading.Of(rows, view.Period.Label),
            resolved.Previous().Label,
            Url.Action(nameof(Csv), new RouteValueDictionary(filters.RouteValues(resolved, groupCode)) { ["slug"] = view.Slug })!,
            groupCode,
            await comparatorQueries.ComparatorChoicesAsync(ct)));
    }

    private ReportingPeriod CurrentFinancialYear()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return ReportingPeriod.FinancialYear(today.Month >= 4 ? today.Year : today.Year - 1);
    }
}

/// <summary>What a dashboard's address asks for (its query string): the page and its CSV download read the same.</summary>
public sealed record DashboardAsked(string? Period, string? Section, string? Quartile, string? Direction, string? Strategic, string? Group);

/// <summary>One dashboard for a period, with the rows left after the filters and the counts and narrative of those rows.</summary>
public sealed record DashboardPage(
    DashboardView Dashboard,
    DashboardFilters Filters,
    IReadOnlyList<string> Sections,
    IReadOnlyList<RatedIndicator> Rows,
    DashboardReading Reading,
    string PreviousPeriodLabel,
    string CsvUrl,
    string? ComparatorGroup,
    IReadOnlyList<ComparatorChoice> ComparatorChoices)
{
    public DashboardSummary Summary => Reading.Summary;

    public string Narrative => Reading.Narrative;

    /// <summary>Any indicator of the dashboard (filters aside) counts for the period, by the same rule as the counts.</summary>
    public bool HasAnyValue => Dashboard.Rows.Any(DashboardSummary.Counts);
}

/// <summary>
/// The dashboard's filters, read from the query string. Unknown values are ignored rather than failing the page.
/// Quartile ranges such as 1st/2nd match at their worse end, the same end the counts use.
/// </summary>
public sealed record DashboardFilters(string? Section, int? Quartile, Direction? Direction, bool StrategicOnly)
{
    /// <summary>The quartile filter value for "no quartile".</summary>
    public const int NoQuartile = 0;

    public static IReadOnlyList<(string Value, string Text)> DirectionOptions { get; } =
    [
        ("improved", "Improved"),
        ("no-real-change", "No real change"),
        ("worse", "Got worse"),
        ("not-determined", "Cannot be determined"),
    ];

    public static IReadOnlyList<(string Value, string Text)> QuartileOptions { get; } =
    [
        ("1", "1st quartile (top)"),
        ("2", "2nd quartile"),
        ("3", "3rd quartile"),
        ("4", "4th quartile (bottom)"),
        ("none", "No quartile"),
    ];

    public bool Any => Section is not null || Quartile is not null || Direction is not null || StrategicOnly;

    public string? QuartileValue => Quartile switch
    {
        null => null,
        NoQuartile => "none",
        { } q => q.ToString(CultureInfo.InvariantCulture),
    };

    public string? DirectionValue => Direction switch
    {
        null => null,
        Domain.Ratings.Direction.Improved => "improved",
        Domain.Ratings.Direction.NoRealChange => "no-real-change",
        Domain.Ratings.Direction.Worse => "worse",
        _ => "not-determined",
    };

    public static DashboardFilters Parse(string? section, string? quartile, string? direction, string? strategic, IReadOnlyCollection<string> sections)
    {
        var s = sections.FirstOrDefault(x => string.Equals(x, section?.Trim(), StringComparison.Ordinal));
        int? q = (quartile ?? string.Empty).Trim().ToUpperInvariant() switch
        {
            "1" or "1ST" => 1,
            "2" or "2ND" => 2,
            "3" or "3RD" => 3,
            "4" or "4TH" => 4,
            "NONE" or "0" => NoQuartile,
            _ => null,
        };
        Direction? d = (direction ?? string.Empty).Trim().ToUpperInvariant().Replace("-", string.Empty, StringComparison.Ordinal) switch
        {
            "IMPROVED" => Domain.Ratings.Direction.Improved,
            "NOREALCHANGE" => Domain.Ratings.Direction.NoRealChange,
            "WORSE" => Domain.Ratings.Direction.Worse,
            "NOTDETERMINED" => Domain.Ratings.Direction.NotDetermined,
            _ => null,
        };
        var strategicOnly = (strategic ?? string.Empty).Trim().ToUpperInvariant() is "TRUE" or "ON" or "YES" or "1";
        return new DashboardFilters(s, q, d, strategicOnly);
    }

    public bool Matches(RatedIndicator row) =>
        (Section is null || string.Equals(row.Section, Section, StringComparison.Ordinal))
        && (Quartile is null || (Quartile == NoQuartile ? row.QuartileWorst is null : row.QuartileWorst == Quartile))
        && (Direction is null || row.Direction.Direction == Direction)
        && (!StrategicOnly || row.StrategicPlan);

    /// <summary>The active filters in words: "section Finance &amp; Value For Money", "4th quartile", "got worse", "in the Strategic Plan".</summary>
    public IReadOnlyList<string> Describe()
    {
        var parts = new List<string>();
        if (Section is not null)
        {
            parts.Add($"section “{Section}”");
        }

        if (Quartile is { } q)
        {
            parts.Add(q == NoQuartile ? "no quartile" : Wording.Ordinal(q) + " quartile");
        }

        if (Direction is { } d)
        {
            parts.Add("direction of travel “" + d.Words() + "”");
        }

        if (StrategicOnly)
        {
            parts.Add("in the Strategic Plan");
        }

        return parts;
    }

    /// <summary>
    /// The route values of the period (its address form), the active filters and the chosen comparator group
    /// (<c>?period=2017-18&amp;direction=worse</c>), for links built with the routing helpers such as the CSV download.
    /// </summary>
    public RouteValueDictionary RouteValues(ReportingPeriod period, string? group = null)
    {
        var pairs = new RouteValueDictionary { ["period"] = period.UrlForm };
        if (group is not null)
        {
            pairs["group"] = group;
        }

        if (Section is not null)
        {
            pairs["section"] = Section;
        }

        if (QuartileValue is { } q)
        {
            pairs["quartile"] = q;
        }

        if (DirectionValue is { } d)
        {
            pairs["direction"] = d;
        }

        if (StrategicOnly)
        {
            pairs["strategic"] = "true";
        }

        return pairs;
    }
}

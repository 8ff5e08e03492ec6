using LeicsPerformance.Web.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace LeicsPerformance.Web.Controllers;

/// <summary>Finding an indicator by code or words, across every compendium edition.</summary>
public sealed class SearchController(IndicatorSearch search) : Controller
{
    /// <summary>Longer text is cut here: nobody types a search that long, and it bounds the work a request can ask for.</summary>
    public const int MaxQueryLength = 200;

    [HttpGet("search")]
    public async Task<IActionResult> Index([FromQuery] string? q, CancellationToken ct)
    {
        var query = (q ?? string.Empty).Trim();
        if (query.Length > MaxQueryLength)
        {
            query = query[..MaxQueryLength];
        }

        var hits = query.Length == 0 ? [] : await search.FindAsync(query, ct);
        return View(new SearchPage(query, hits));
    }
}

public sealed record SearchPage(string Query, IReadOnlyList<SearchHit> Hits);

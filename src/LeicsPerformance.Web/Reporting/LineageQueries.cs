using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Reporting;

/// <summary>One indicator of a measure's line across compendium editions.</summary>
/// <param name="DefinitionsBack">How many changes of definition lie between this indicator and the one asked for (0 for itself).</param>
/// <param name="Evidence">Why this indicator and its neighbour towards the one asked for are the same measure (empty for itself).</param>
public sealed record LineageStep(int IndicatorId, string Code, string Title, string EditionLabel, int DefinitionsBack, string Evidence)
{
    /// <summary>How a figure of this earlier indicator is labelled beside the later one's: "Printed as FF01 in the 2017/18 compendium".</summary>
    public string PrintedAs => DefinitionsBack == 0
        ? $"Printed as {Code} in the {EditionLabel} compendium."
        : $"Printed as {Code} in the {EditionLabel} compendium, under an earlier definition: not compared with later figures.";
}

/// <summary>A measure's line: the indicator asked for, the earlier ones it continues (latest first) and the one continuing it.</summary>
public sealed record IndicatorLine(LineageStep Self, IReadOnlyList<LineageStep> Earlier, LineageStep? Later)
{
    /// <summary>The indicator itself, then the earlier ones: for a period held by several, the first listed wins.</summary>
    public IEnumerable<LineageStep> SelfAndEarlier => Earlier.Prepend(Self);

    public static IndicatorLine Alone(LineageStep self) => new(self, [], null);
}

/// <summary>
/// Follows the reviewed lineage links (<c>indicator_lineage</c>) from an indicator to the earlier indicators it
/// continues and the later one continuing it, so a measure's trend runs across compendium editions.
/// </summary>
public sealed class LineageQueries(PerformanceDbContext db)
{
    public async Task<IndicatorLine> LineAsync(int indicatorId, CancellationToken ct = default)
    {
        // The links are few (at most one per indicator): read them once and walk in memory.
        var links = await db.Lineage.AsNoTracking()
            .Select(l => new { l.IndicatorId, l.ContinuesIndicatorId, l.DefinitionChanged, l.Evidence })
            .ToListAsync(ct);
        var byLater = links.ToDictionary(l => l.IndicatorId);
        var later = links.FirstOrDefault(l => l.ContinuesIndicatorId == indicatorId);

        // Walk back; the importer only links to an earlier edition, so the walk ends, but a visited set makes sure.
        var chain = new List<(int Id, int DefinitionsBack, string Evidence)>();
        var visited = new HashSet<int> { indicatorId };
        var definitionsBack = 0;
        for (var id = indicatorId; byLater.TryGetValue(id, out var back) && visited.Add(back.ContinuesIndicatorId); id = back.ContinuesIndicatorId)
        {
            definitionsBack += back.DefinitionChanged ? 1 : 0;
            chain.Add((back.ContinuesIndicatorId, definitionsBack, back.Evidence));
        }

        var ids = chain.Select(c => c.Id).Append(indicatorId).ToList();
        if (later is not null)
        {
            ids.Add(later.IndicatorId);
        }

        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Code, i.Title, i.Dashboard.EditionFirstPeriod })
            .ToDictionaryAsync(i => i.Id, ct);

        LineageStep Step(int id, int back, string evidence)
        {
            var i = indicators[id];
            return new LineageStep(i.Id, i.Code, i.Title, ReportingPeriod.Parse(i.EditionFirstPeriod).Label, back, evidence);
        }

        return new IndicatorLine(
            Step(indicatorId, 0, string.Empty),
            chain.Select(c => Step(c.Id, c.DefinitionsBack, c.Evidence)).ToList(),
            later is null ? null : Step(later.IndicatorId, later.DefinitionChanged ? 1 : 0, later.Evidence));
    }
}

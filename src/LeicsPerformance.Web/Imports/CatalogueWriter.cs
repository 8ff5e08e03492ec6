using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Imports;

/// <summary>Writes checked catalogue rows: dashboards matched on slug, indicators on code (with any new sections). The caller owns the transaction.</summary>
public sealed class CatalogueWriter(PerformanceDbContext db)
{
    /// <summary>Creates or updates the dashboards (matched on slug). The caller owns the transaction.</summary>
    public async Task ApplyDashboardsAsync(IReadOnlyList<DashboardRow> rows, CancellationToken ct)
    {
        var themes = await db.Themes.ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, ct);
        var dashboards = await db.Dashboards.ToDictionaryAsync(d => d.Slug, StringComparer.Ordinal, ct);
        foreach (var row in rows)
        {
            if (!dashboards.TryGetValue(row.Slug, out var dashboard))
            {
                dashboard = new Dashboard { Slug = row.Slug, Title = row.Title };
                db.Dashboards.Add(dashboard);
                dashboards[row.Slug] = dashboard;
            }

            dashboard.Title = row.Title;
            dashboard.Theme = themes[row.Theme];
            dashboard.SortOrder = row.SortOrder;
            dashboard.ComparatorNote = row.ComparatorNote;
            dashboard.EditionFirstPeriod = row.Edition;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Creates or updates the indicators (matched on code) and any new sections. The caller owns the transaction.</summary>
    public async Task ApplyIndicatorsAsync(IReadOnlyList<IndicatorRow> rows, CancellationToken ct)
    {
        var dashboards = await db.Dashboards.Include(d => d.Sections).ToDictionaryAsync(d => d.Slug, StringComparer.Ordinal, ct);
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        foreach (var row in rows)
        {
            var dashboard = dashboards[row.Dashboard];
            var section = await SectionAsync(dashboard, row.Section, ct);
            if (!indicators.TryGetValue(row.Code, out var indicator))
            {
                indicator = new Indicator { Code = row.Code, Title = row.Title, Polarity = row.Polarity, Unit = row.Unit };
                db.Indicators.Add(indicator);
                indicators[row.Code] = indicator;
            }

            indicator.Title = row.Title;
            indicator.Definition = row.Definition;
            indicator.Dashboard = dashboard;
            indicator.Section = section;
            indicator.SortOrder = row.SortOrder;
            indicator.Polarity = row.Polarity;
            indicator.Unit = row.Unit;
            indicator.Decimals = row.Decimals;
            indicator.Scale = row.Scale;
            indicator.RatePer = row.RatePer;
            indicator.StrategicPlan = row.StrategicPlan;
            indicator.Internal = row.Internal;
            indicator.Source = row.Source;
            indicator.GeographyNote = row.GeographyNote;
            indicator.ComparatorGroupCode = row.ComparatorGroup;
            indicator.Frequency = row.Frequency;
            indicator.NoRealChangeRule = row.NoRealChangeRule;
            indicator.Notes = row.Notes;
            indicator.PercentBounded = row.PercentBounded;
            indicator.SourceDataset = row.SourceDataset;
            indicator.SourcePublisher = row.SourcePublisher;
            indicator.SourceRelease = row.SourceRelease;
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<DashboardSection?> SectionAsync(Dashboard dashboard, string title, CancellationToken ct)
    {
        if (title.Length == 0)
        {
            return null;
        }

        var section = dashboard.Sections.FirstOrDefault(s => s.Title == title);
        if (section is null)
        {
            section = new DashboardSection { Title = title, SortOrder = dashboard.Sections.Count + 1 };
            dashboard.Sections.Add(section);
            await db.SaveChangesAsync(ct);
        }

        return section;
    }
}

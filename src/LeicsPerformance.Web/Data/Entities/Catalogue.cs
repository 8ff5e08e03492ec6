using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;

namespace LeicsPerformance.Web.Data.Entities;

/// <summary>A Strategic Plan outcome (Strong Economy, Safe and Well …): groups dashboards.</summary>
public sealed class Theme
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public int SortOrder { get; set; }

    public List<Dashboard> Dashboards { get; } = [];
}

/// <summary>One table of the compendium: a theme dashboard, its sections (outcome headings) and indicators.</summary>
public sealed class Dashboard
{
    public int Id { get; set; }

    public int ThemeId { get; set; }

    public Theme Theme { get; set; } = null!;

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The note printed under the table: "Comparators are other county councils".</summary>
    public string ComparatorNote { get; set; } = string.Empty;

    /// <summary>
    /// The compendium edition the dashboard belongs to, by the code of the first period it reports ("FY2017", "FY2021").
    /// A period shows the dashboards of the latest edition starting at or before it.
    /// </summary>
    public string EditionFirstPeriod { get; set; } = "FY2017";

    public List<DashboardSection> Sections { get; } = [];

    public List<Indicator> Indicators { get; } = [];
}

public sealed class DashboardSection
{
    public int Id { get; set; }

    public int DashboardId { get; set; }

    public required string Title { get; set; }

    public int SortOrder { get; set; }
}

public sealed class Indicator
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Title { get; set; }

    public string Definition { get; set; } = string.Empty;

    public int DashboardId { get; set; }

    public Dashboard Dashboard { get; set; } = null!;

    public int? SectionId { get; set; }

    public DashboardSection? Section { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Stored as high, low or none (<see cref="PolarityText.ToCode"/>).</summary>
    public required Polarity Polarity { get; set; }

    /// <summary>Stored as its lower-case name, "percent" (<see cref="ValueFormat.UnitCode"/>).</summary>
    public required Unit Unit { get; set; }

    public int Decimals { get; set; }

    public Scale Scale { get; set; } = Scale.None;

    public int? RatePer { get; set; }

    public bool StrategicPlan { get; set; }

    /// <summary>An "(Internal indicator)" about the council itself rather than the county.</summary>
    public bool Internal { get; set; }

    /// <summary>Where the app's figures were taken from (the compendium edition, a return).</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>The published dataset the figure comes from ("Adult Social Care Outcomes Framework"); blank when the council's papers do not name it.</summary>
    public string SourceDataset { get; set; } = string.Empty;

    /// <summary>Who publishes that dataset ("NHS Digital").</summary>
    public string SourcePublisher { get; set; } = string.Empty;

    /// <summary>Which release or edition of it ("2017/18 final").</summary>
    public string SourceRelease { get; set; } = string.Empty;

    /// <summary>Where the indicator covers a wider area, e.g. "Leics, Leicester &amp; Rutland".</summary>
    public string GeographyNote { get; set; } = string.Empty;

    public string? ComparatorGroupCode { get; set; }

    public Frequency Frequency { get; set; } = Frequency.Annual;

    /// <summary>False for a percentage that can exceed 100% (an excess over expected: 505.7%).</summary>
    public bool PercentBounded { get; set; } = true;

    /// <summary>Stored as its <see cref="NoRealChangeRule.Code"/> ("same-when-rounded", "relative:1%").</summary>
    public NoRealChangeRule NoRealChangeRule { get; set; } = NoRealChangeRule.Default;

    public string Notes { get; set; } = string.Empty;

    /// <summary>How the indicator's values are written, from its unit, decimals, scale and rate.</summary>
    public ValueFormat Format() => new(Unit, Decimals, Scale, RatePer);
}

/// <summary>
/// An indicator of a later compendium edition that continues one of an earlier edition (FN01 in 2021/22 continues
/// FF01 of 2017/18): the same measure, so its trend runs across both. Reviewed data with the evidence for the link;
/// <see cref="DefinitionChanged"/> marks a link across a change of definition, where no direction is claimed.
/// </summary>
public sealed class IndicatorLineage
{
    public int IndicatorId { get; set; }

    public Indicator Indicator { get; set; } = null!;

    public int ContinuesIndicatorId { get; set; }

    public Indicator Continues { get; set; } = null!;

    public bool DefinitionChanged { get; set; }

    public string Evidence { get; set; } = string.Empty;
}

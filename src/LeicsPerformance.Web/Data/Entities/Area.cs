namespace LeicsPerformance.Web.Data.Entities;

public sealed class Area
{
    public int Id { get; set; }

    /// <summary>Stable key used in files and URLs: the ONS code where known, else a slug of the name.</summary>
    public required string Code { get; set; }

    public string? OnsCode { get; set; }

    public required string Name { get; set; }

    public required string AuthorityType { get; set; }

    /// <summary>The English region (filled for the home council's region; blank where not loaded).</summary>
    public string Region { get; set; } = string.Empty;

    /// <summary>The authority existed from 1 April of this year (null: from before any data held).</summary>
    public int? FirstYear { get; set; }

    /// <summary>The authority existed until 31 March after this year (null: it still exists).</summary>
    public int? LastYear { get; set; }

    public List<AreaPopulation> Populations { get; } = [];
}

public sealed class AreaPopulation
{
    public int AreaId { get; set; }

    public int Year { get; set; }

    public int Population { get; set; }

    public string Source { get; set; } = string.Empty;
}

/// <summary>A set of areas to benchmark against ("county councils", "all upper-tier authorities"), for a year.</summary>
public sealed class ComparatorGroup
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public int Year { get; set; }

    public string Source { get; set; } = string.Empty;

    /// <summary>The rule the membership was built from (county, upper-tier, region:NAME, similar:CODE), or blank.</summary>
    public string Rule { get; set; } = string.Empty;

    public List<ComparatorGroupMember> Members { get; } = [];
}

public sealed class ComparatorGroupMember
{
    public int ComparatorGroupId { get; set; }

    public int AreaId { get; set; }

    public Area Area { get; set; } = null!;
}

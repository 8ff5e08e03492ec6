using LeicsPerformance.Domain;

namespace LeicsPerformance.Web.Data.Entities;

/// <summary>What made a <see cref="DataLoad"/>: stored in <c>data_load.kind</c> as <see cref="LoadKinds.ToCode"/>.</summary>
public enum LoadKind
{
    /// <summary>The sample data loaded at start-up.</summary>
    Seed,

    /// <summary>A return uploaded and confirmed on the returns page.</summary>
    Upload,

    /// <summary>A return loaded with the command line's import.</summary>
    Import,

    /// <summary>A revert of an earlier load, with history rows of its own.</summary>
    Revert,

    /// <summary>indicators.csv uploaded on the catalogue page.</summary>
    Catalogue,

    /// <summary>dashboards.csv uploaded on the catalogue page.</summary>
    CatalogueDashboards,

    /// <summary>indicator-lineage.csv uploaded on the catalogue page.</summary>
    CatalogueLineage,

    /// <summary>committees.csv uploaded on the committees' admin page.</summary>
    Committees,

    /// <summary>committee-scope.csv uploaded on the committees' admin page.</summary>
    CommitteeScope,

    /// <summary>committee-meetings.csv uploaded on the committees' admin page.</summary>
    CommitteeMeetings,

    /// <summary>questioning-prompts.csv uploaded on the committees' admin page.</summary>
    CommitteePrompts,
}

public static class LoadKinds
{
    public static string ToCode(this LoadKind kind) => kind switch
    {
        LoadKind.Seed => "seed",
        LoadKind.Upload => "upload",
        LoadKind.Import => "import",
        LoadKind.Revert => "revert",
        LoadKind.Catalogue => "catalogue",
        LoadKind.CatalogueDashboards => "catalogue-dashboards",
        LoadKind.CatalogueLineage => "catalogue-lineage",
        LoadKind.Committees => "committees",
        LoadKind.CommitteeScope => "committee-scope",
        LoadKind.CommitteeMeetings => "committee-meetings",
        _ => "committee-prompts",
    };

    /// <summary>Reads a stored code; anything else is corrupt data.</summary>
    public static LoadKind FromCode(string code) => StoredCode.Read<LoadKind>(code, ToCode);
}

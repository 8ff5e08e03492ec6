using LeicsPerformance.Domain;

namespace LeicsPerformance.Web.Data.Entities;

/// <summary>Which page an upload waiting for confirmation belongs to (<c>pending_upload.kind</c>): only that page finds, lists and confirms it.</summary>
public enum PendingUploadKind
{
    /// <summary>A return, on /returns.</summary>
    Returns,

    /// <summary>A catalogue file (indicators, dashboards or lineage), on /catalogue.</summary>
    Catalogue,

    /// <summary>A committee file, on /committees/admin.</summary>
    Committees,
}

public static class PendingUploadKinds
{
    /// <summary>The stored code, as the schema's check constraint names it: returns, catalogue, committees.</summary>
    public static string ToCode(this PendingUploadKind kind) => kind switch
    {
        PendingUploadKind.Returns => "returns",
        PendingUploadKind.Catalogue => "catalogue",
        _ => "committees",
    };

    /// <summary>Reads a stored code; anything else is corrupt data.</summary>
    public static PendingUploadKind FromCode(string code) => StoredCode.Read<PendingUploadKind>(code, ToCode);
}

namespace LeicsPerformance.Web.Data.Entities;

/// <summary>
/// An uploaded file waiting for its uploader to confirm the preview (table <c>pending_upload</c>). Holds the bytes,
/// so the confirm re-checks exactly what was previewed, and the preview's "current" values, so anything that
/// changed underneath it can be named.
/// </summary>
public sealed class PendingUpload
{
    public Guid Id { get; set; }

    /// <summary>Which page it was uploaded on, and is confirmed on: returns, catalogue or committees.</summary>
    public required PendingUploadKind Kind { get; set; }

    public required string UserName { get; set; }

    public required string FileName { get; set; }

    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>JSON: what the preview showed as the current values (see <c>Imports/PendingUploads.cs</c>).</summary>
    public string Expected { get; set; } = "[]";

    /// <summary>The preview's problems as gzip-compressed CSV, written with the plan it showed (null for an older upload).</summary>
    public byte[]? ProblemsCsv { get; set; }

    /// <summary>A return preview's changes as gzip-compressed CSV (null for the catalogue, or an older upload).</summary>
    public byte[]? ChangesCsv { get; set; }

    /// <summary>Set once confirmed: the load it became. A second confirm (a double click, a reload) goes to that load.</summary>
    public int? CommittedLoadId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Which load a revert undid (table <c>load_revert</c>); both are rows of <c>data_load</c>.</summary>
public sealed class LoadRevert
{
    public int LoadId { get; set; }

    public int RevertLoadId { get; set; }
}

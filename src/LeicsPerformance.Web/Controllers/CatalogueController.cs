using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Exports;
using LeicsPerformance.Web.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Controllers;

/// <summary>
/// Administrators' catalogue: the indicators (indicators.csv), the dashboards with their editions (dashboards.csv) and
/// the indicator lineage (indicator-lineage.csv). Download one, edit it, upload it, preview the new, changed, unchanged
/// (and, for the lineage, removed) rows and errors by row and column, confirm, and it is written in one transaction.
/// </summary>
[Route("catalogue")]
[Authorize(Roles = Roles.Administrator)]
public sealed class CatalogueController(CatalogueUploads uploads, PendingUploads pending, PerformanceDbContext db)
    : ConfirmableUploadController<CataloguePlan>(pending, db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new CatalogueStartPage(
            await Db.Indicators.CountAsync(ct),
            await Db.Dashboards.CountAsync(ct),
            await Db.Dashboards.Select(d => d.EditionFirstPeriod).Distinct().CountAsync(ct),
            await Db.Lineage.CountAsync(ct),
            await RecentLoadsAsync(ct),
            await WaitingUploadsAsync(ct),
            uploads.Limits));

    /// <summary>The catalogue as it is now, in the indicators.csv format: edit it and upload it back.</summary>
    [HttpGet("template")]
    public Task<IActionResult> Template(CancellationToken ct) => Download(CatalogueFile.Indicators.Name, ct);

    /// <summary>indicators.csv, dashboards.csv or indicator-lineage.csv as held now, in exactly its upload format.</summary>
    [HttpGet("download/{name}")]
    public async Task<IActionResult> Download(string name, CancellationToken ct)
    {
        if (CatalogueFile.ByName(name) is not { } file)
        {
            return NotFound();
        }

        return CsvExport.File(file.Name, file.Columns, (await uploads.CurrentAsync(file, ct)).Select(r => r.Cells));
    }

    protected override PendingUploadKind UploadKind => PendingUploadKind.Catalogue;

    protected override ConfirmableUploads<CataloguePlan> Uploads => uploads;

    protected override IReadOnlyList<LoadKind> LoadKinds { get; } = [.. CatalogueFile.All.Select(f => f.LoadKind)];

    protected override object PreviewPage(PendingUpload upload, CataloguePlan plan, IReadOnlyList<MovedRow> moved) =>
        new CataloguePreviewPage(upload.Id, upload.FileName, upload.CreatedAt, plan, moved);

    protected override object ConflictPage(PendingUpload upload, UploadConfirmOutcome<CataloguePlan>.Moved moved) =>
        new CatalogueConflictPage(upload.Id, upload.FileName, moved.Plan.File!, moved.Rows);

    protected override object ResultPage(DataLoad load) => new CatalogueResultPage(load, CatalogueFile.ByLoadKind(load.Kind)!);
}

public sealed record CatalogueStartPage(
    int IndicatorCount,
    int DashboardCount,
    int EditionCount,
    int LineageCount,
    IReadOnlyList<DataLoad> RecentLoads,
    IReadOnlyList<(Guid Id, string FileName, DateTimeOffset CreatedAt)> Waiting,
    UploadOptions Limits);

public sealed record CataloguePreviewPage(Guid Id, string FileName, DateTimeOffset UploadedAt, CataloguePlan Plan, IReadOnlyList<MovedRow> MovedSinceUpload)
{
    public bool CanConfirm => Plan.CanCommit && MovedSinceUpload.Count == 0;

    public IReadOnlyList<ImportProblem> Errors { get; } = Plan.Errors.ToList();

    public IReadOnlyList<ImportProblem> Warnings { get; } = Plan.Warnings.ToList();

    /// <summary>The file's nouns; before its heading is recognised, "row" and "rows".</summary>
    public string Singular => Plan.File?.Singular ?? "row";

    public string Plural => Plan.File?.Plural ?? "rows";
}

public sealed record CatalogueResultPage(DataLoad Load, CatalogueFile File);

public sealed record CatalogueConflictPage(Guid Id, string FileName, CatalogueFile File, IReadOnlyList<MovedRow> Rows);

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
public sealed class CatalogueController(CatalogueUploads uploads, PendingUploads pending, PerformanceDbContext db) : PendingUploadController(pending)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var kinds = CatalogueKinds;
        var recent = await db.DataLoads.AsNoTracking().Where(l => kinds.Contains(l.Kind))
            .OrderByDescending(l => l.Id).Take(10).ToListAsync(ct);
        return View(new CatalogueStartPage(
            await db.Indicators.CountAsync(ct),
            await db.Dashboards.CountAsync(ct),
            await db.Dashboards.Select(d => d.EditionFirstPeriod).Distinct().CountAsync(ct),
            await db.Lineage.CountAsync(ct),
            recent,
            await Pending.ListAsync(PendingUploadKind.Catalogue, UserName, ct),
            uploads.Limits));
    }

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

    [HttpGet("{id:guid}")]
    [UploadWork]
    public async Task<IActionResult> Preview(Guid id, CancellationToken ct)
    {
        var (upload, answer) = await WaitingUploadAsync(id, ct);
        if (upload is null)
        {
            return answer!;
        }

        var plan = await uploads.PreviewAsync(upload, ct);
        return View(new CataloguePreviewPage(upload.Id, upload.FileName, upload.CreatedAt, plan, CatalogueUploads.Moved(upload.Expected, plan)));
    }

    /// <summary>The preview's problems as it showed them: kept with the upload, so the file is not checked again.</summary>
    [HttpGet("{id:guid}/problems.csv")]
    public async Task<IActionResult> ProblemsCsv(Guid id, CancellationToken ct) =>
        await StoredDownloadAsync(id, u => u.ProblemsCsv, "-problems.csv", ct);

    [HttpPost("{id:guid}/confirm")]
    [UploadWork]
    public async Task<IActionResult> Confirm(Guid id, CancellationToken ct)
    {
        if (await FindUploadAsync(id, ct) is not { } upload)
        {
            return NotFound();
        }

        return ConfirmAnswer(upload, await uploads.ConfirmAsync(upload, UserName, ct), moved => new CatalogueConflictPage(upload.Id, upload.FileName, moved.Plan.File!, moved.Rows));
    }

    protected override PendingUploadKind UploadKind => PendingUploadKind.Catalogue;

    protected override UploadOptions Limits => uploads.Limits;

    protected override async Task<Guid> StoreUploadAsync(string fileName, byte[] content, CancellationToken ct) =>
        (await uploads.StoreAsync(UserName, fileName, content, ct)).Pending.Id;

    protected override Task RecheckUploadAsync(PendingUpload upload, CancellationToken ct) => uploads.RecheckAsync(upload, ct);

    [HttpGet("loads/{loadId:int}")]
    public async Task<IActionResult> Result(int loadId, CancellationToken ct)
    {
        var kinds = CatalogueKinds;
        var load = await db.DataLoads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == loadId && kinds.Contains(l.Kind), ct);
        return load is null ? NotFound() : View(new CatalogueResultPage(load, CatalogueFile.ByLoadKind(load.Kind)!));
    }

    private static List<LoadKind> CatalogueKinds => CatalogueFile.All.Select(f => f.LoadKind).ToList();
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

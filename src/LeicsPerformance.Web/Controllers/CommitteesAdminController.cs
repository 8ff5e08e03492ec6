using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Exports;
using LeicsPerformance.Web.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeicsPerformance.Web.Controllers;

/// <summary>
/// Administrators keep the committees as data: download any of the four committee files as they stand, edit it,
/// upload it, read the preview (every change in words, every problem by row and column), and confirm. Nothing is
/// written until they confirm, and a file with any error is not loaded at all.
/// </summary>
[Route("committees/admin")]
[Authorize(Roles = Roles.Administrator)]
public sealed class CommitteesAdminController(CommitteeImporter importer) : Controller
{
    /// <summary>Committee files are small; this keeps a mistaken upload (a spreadsheet, a returns file) out.</summary>
    public const int MaxBytes = 256 * 1024;

    private const string IndexView = "~/Views/Committees/Admin/Index.cshtml";
    private const string PreviewView = "~/Views/Committees/Admin/Preview.cshtml";

    [HttpGet("")]
    public IActionResult Index() => View(IndexView, new CommitteeAdminPage(null, TempData["committee-admin-notice"] as string));

    [HttpGet("{file}")]
    public async Task<IActionResult> Download(string file, CancellationToken ct)
    {
        var kind = CommitteeImporter.Files.Where(f => f.Value.FileName == file).Select(f => (CommitteeFileKind?)f.Key).FirstOrDefault();
        if (kind is null)
        {
            return NotFound();
        }

        var (header, rows) = await importer.CurrentAsync(kind.Value, ct);
        return CsvExport.File(file, header, rows);
    }

    [HttpPost("upload")]
    [UploadWork]
    [RequestSizeLimit(MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Upload([FromForm] string? kind, IFormFile? file, CancellationToken ct)
    {
        string? error = null;
        if (!Enum.TryParse<CommitteeFileKind>(kind, ignoreCase: false, out var which) || !Enum.IsDefined(which))
        {
            error = "Select which committee file you are uploading";
        }
        else if (file is null || file.Length == 0)
        {
            error = file is null ? "Select a CSV file to upload" : "The selected file is empty";
        }
        else if (file.Length > MaxBytes)
        {
            error = "The selected file must be smaller than 256 KB: committee files are short lists";
        }

        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(IndexView, new CommitteeAdminPage(error, null));
        }

        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var plan = await importer.PlanAsync(which, Path.GetFileName(file.FileName), content, ct);
        return View(PreviewView, new CommitteePreviewPage(plan, Convert.ToBase64String(content)));
    }

    [HttpPost("confirm")]
    [UploadWork]
    public async Task<IActionResult> Confirm([FromForm] string? kind, [FromForm] string? fileName, [FromForm] string? content, CancellationToken ct)
    {
        if (!Enum.TryParse<CommitteeFileKind>(kind, ignoreCase: false, out var which) || !Enum.IsDefined(which) || string.IsNullOrEmpty(content))
        {
            return BadRequest();
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(content);
        }
        catch (FormatException)
        {
            return BadRequest();
        }

        if (bytes.Length > MaxBytes)
        {
            return BadRequest();
        }

        // Checked again: the catalogue or the committees may have changed since the preview.
        var plan = await importer.PlanAsync(which, Path.GetFileName(fileName ?? CommitteeImporter.Files[which].FileName), bytes, ct);
        if (plan.HasErrors)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(PreviewView, new CommitteePreviewPage(plan, content));
        }

        await importer.ApplyAsync(plan, ct);
        TempData["committee-admin-notice"] = plan.Changes.Count == 0
            ? $"{plan.FileName} was loaded; it changed nothing."
            : $"{plan.FileName} was loaded: {plan.Changes.Count} change{(plan.Changes.Count == 1 ? "" : "s")}.";
        return RedirectToAction(nameof(Index));
    }
}

public sealed record CommitteeAdminPage(string? Error, string? Notice);

public sealed record CommitteePreviewPage(CommitteePlan Plan, string Content);

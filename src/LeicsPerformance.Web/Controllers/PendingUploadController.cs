using LeicsPerformance.Domain;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Exports;
using LeicsPerformance.Web.Imports;
using Microsoft.AspNetCore.Mvc;

namespace LeicsPerformance.Web.Controllers;

/// <summary>
/// What the returns, catalogue and committee uploads share: an uploaded file waits, for the person who uploaded it, between
/// preview and confirm. Uploading, finding it, its problems download, checking it again and cancelling it work the same
/// for all three; each derived controller has its own route, roles, preview and confirm (the catalogue's and the
/// committees' through <see cref="ConfirmableUploadController{TPlan}"/>).
/// </summary>
public abstract class PendingUploadController(PendingUploads pending) : Controller
{
    protected PendingUploads Pending { get; } = pending;

    /// <summary>Which page's uploads this controller finds, lists and confirms.</summary>
    protected abstract PendingUploadKind UploadKind { get; }

    protected string UserName => User.Identity?.Name ?? string.Empty;

    /// <summary>The signed-in user's uploads of this controller's kind still waiting, newest first, for its start page.</summary>
    protected Task<IReadOnlyList<(Guid Id, string FileName, DateTimeOffset CreatedAt)>> WaitingUploadsAsync(CancellationToken ct) =>
        Pending.ListAsync(UploadKind, UserName, ct);

    /// <summary>The signed-in user's own waiting upload of this controller's kind, or null.</summary>
    protected Task<PendingUpload?> FindUploadAsync(Guid id, CancellationToken ct) => Pending.FindAsync(id, UploadKind, UserName, ct);

    /// <summary>
    /// The answer <paramref name="then"/> gives for the signed-in user's upload still waiting for confirmation; else 404,
    /// or its result once committed.
    /// </summary>
    protected async Task<IActionResult> WithWaitingUploadAsync(Guid id, Func<PendingUpload, Task<IActionResult>> then, CancellationToken ct)
    {
        if (await FindUploadAsync(id, ct) is not { } upload)
        {
            return NotFound();
        }

        return upload.CommittedLoadId is { } loadId ? RedirectToAction("Result", new { loadId }) : await then(upload);
    }

    /// <summary>The page for a confirm pressed again while the first runs, linking back to this controller's own preview.</summary>
    protected ViewResult BusyPage(PendingUpload upload) =>
        View("~/Views/Returns/Busy.cshtml", new UploadBusyPage(upload.FileName, Url.Action("Preview", new { id = upload.Id })!, UploadKind.ToCode()));

    /// <summary>
    /// Reads an uploaded file, or the response that refuses it: none chosen, empty, or over the size limit
    /// (the form is shown again with the message, as 400 or 413).
    /// </summary>
    protected async Task<(string FileName, byte[] Content, IActionResult? Refused)> ReadUploadAsync(IFormFile? file, UploadOptions limits, CancellationToken ct)
    {
        string? error = file switch
        {
            null => "Select a CSV file to upload",
            { Length: 0 } => "The selected file is empty",
            _ when file.Length > limits.MaxBytes => UploadFormModel.TooLarge(file.Length, limits),
            _ => null,
        };
        if (error is not null)
        {
            Response.StatusCode = file is { Length: > 0 } ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return (string.Empty, [], View("Upload", new UploadFormModel(null, error)));
        }

        using var buffer = new MemoryStream((int)file!.Length);
        await file.CopyToAsync(buffer, ct);
        return (FileNameOf(file.FileName), buffer.ToArray(), null);
    }

    /// <summary>The uploaded file's own name, without any folders a browser sent, kept short.</summary>
    public static string FileNameOf(string? name)
    {
        var file = Path.GetFileName((name ?? string.Empty).Replace('\\', '/').Trim());
        if (file.Length == 0)
        {
            file = "upload.csv";
        }

        return file.Length > 200 ? file[..200] : file;
    }

    protected abstract UploadOptions Limits { get; }

    /// <summary>Keeps the file with its preview for the signed-in user; returns the waiting upload's id.</summary>
    protected abstract Task<Guid> StoreUploadAsync(string fileName, byte[] content, CancellationToken ct);

    [HttpPost("upload")]
    [UploadSizeLimit(FormView = "Upload")]
    [UploadWork]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken ct)
    {
        if (await Pending.MakeRoomAsync(UserName, Limits.MaxPendingPerUser, ct) is var waiting && waiting >= Limits.MaxPendingPerUser)
        {
            // Before the file is read or checked: each waiting upload keeps its file in the database.
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View("Upload", new UploadFormModel(null, TooManyWaiting(waiting)));
        }

        var (fileName, content, refused) = await ReadUploadAsync(file, Limits, ct);
        if (refused is not null)
        {
            return refused;
        }

        return RedirectToAction("Preview", new { id = await StoreUploadAsync(fileName, content, ct) });
    }

    /// <summary>The message for a person at the limit of uploads waiting (any kind counts; each start page lists its own).</summary>
    public static string TooManyWaiting(int waiting) =>
        $"You have {Wording.Count(waiting, "upload", "uploads")} waiting to be confirmed, the most one person may have. Confirm or cancel one of them (the returns, catalogue and committee pages list them under 'Your uploads waiting to be confirmed'), then upload this file again.";

    /// <summary>
    /// A download of the upload's preview, kept with it when the preview was made (so the file is not checked again, and
    /// the download says what the page said). An upload kept before downloads were stored goes back to its preview, which stores them.
    /// </summary>
    protected async Task<IActionResult> StoredDownloadAsync(Guid id, Func<PendingUpload, byte[]?> download, string suffix, CancellationToken ct)
    {
        if (await FindUploadAsync(id, ct) is not { } upload)
        {
            return NotFound();
        }

        return download(upload) is { } stored
            ? CsvExport.CompressedFile(Wording.FileName(Path.GetFileNameWithoutExtension(upload.FileName)) + suffix, stored)
            : RedirectToAction("Preview", new { id });
    }

    /// <summary>The preview's problems as it showed them: kept with the upload, so the file is not checked again.</summary>
    [HttpGet("{id:guid}/problems.csv")]
    public Task<IActionResult> ProblemsCsv(Guid id, CancellationToken ct) => StoredDownloadAsync(id, u => u.ProblemsCsv, "-problems.csv", ct);

    /// <summary>Takes the values as they are now as the preview's expected ones.</summary>
    protected abstract Task RecheckUploadAsync(PendingUpload upload, CancellationToken ct);

    /// <summary>After values moved: take the values as they are now as the preview, and show it again.</summary>
    [HttpPost("{id:guid}/recheck")]
    [UploadWork]
    public Task<IActionResult> Recheck(Guid id, CancellationToken ct) =>
        WithWaitingUploadAsync(
            id,
            async upload =>
            {
                await RecheckUploadAsync(upload, ct);
                return RedirectToAction("Preview", new { id });
            },
            ct);

    [HttpPost("{id:guid}/cancel")]
    public Task<IActionResult> Cancel(Guid id, CancellationToken ct) =>
        WithWaitingUploadAsync(
            id,
            async upload =>
            {
                await Pending.DeleteAsync(upload.Id, ct);
                return RedirectToAction("Index");
            },
            ct);
}

/// <summary>The table of what changed since an upload's preview (<c>Views/Shared/_MovedRows</c>), in the words of its page.</summary>
public sealed record MovedRowsTable(IReadOnlyList<MovedRow> Rows, string What, string RowHeading)
{
    public static MovedRowsTable Catalogue(IReadOnlyList<MovedRow> rows) => new(rows, "the catalogue", "Row of the catalogue");

    public static MovedRowsTable Committees(IReadOnlyList<MovedRow> rows) => new(rows, "the committees", "Committee");
}

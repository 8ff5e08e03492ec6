using LeicsPerformance.Web.Data.Entities;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Imports;

/// <summary>What a catalogue or committee file's checked plan tells the shared upload path.</summary>
public interface IUploadPlan
{
    /// <summary>The problems listed, at most Uploads:MaxProblemsListed; the rest are only counted.</summary>
    IReadOnlyList<ImportProblem> Problems { get; }

    int UnlistedErrorCount { get; }

    int UnlistedWarningCount { get; }

    /// <summary>Something to write, and nothing wrong.</summary>
    bool CanCommit { get; }
}

/// <summary>
/// What the catalogue's and the committees' uploads share, around their own check and write: the file kept as a
/// <c>pending_upload</c> of the page's kind with what its preview showed and the preview's problems download; checked
/// again for each preview (and, after something moved, taking what is held now as what the preview shows); confirmed
/// through <see cref="UploadConfirmation"/>. Each kind of file says how it is checked, what its preview expects of the
/// database, what moved since, what load it is and how it is written.
/// </summary>
/// <typeparam name="TPlan">The file's checked plan, as the page shows it.</typeparam>
public abstract class ConfirmableUploads<TPlan>(PendingUploadKind kind, PendingUploads pending, UploadConfirmation confirmation, IOptions<UploadOptions> options)
    where TPlan : IUploadPlan
{
    public UploadOptions Limits => options.Value;

    /// <summary>The file checked against what is held now (again inside the confirm's lock); nothing is written.</summary>
    public abstract Task<TPlan> PlanAsync(string fileName, byte[] content, CancellationToken ct);

    /// <summary>
    /// What the preview showed as held of everything the file touches, or <see cref="PendingUploads.NothingExpected"/>
    /// when the file cannot be confirmed.
    /// </summary>
    public abstract string ExpectedJson(TPlan plan);

    /// <summary>What the file touches that is no longer what its preview showed (the upload's <c>expected</c>).</summary>
    public abstract IReadOnlyList<MovedRow> Moved(string expectedJson, TPlan plan);

    public abstract LoadCounts LoadOf(TPlan plan);

    /// <summary>Writes a plan that can be committed, inside the confirm's transaction.</summary>
    public abstract Task WriteAsync(TPlan plan, CancellationToken ct);

    /// <summary>Keeps the file with what its preview shows, for this person; returns the waiting upload's id.</summary>
    public async Task<Guid> StoreAsync(string userName, string fileName, byte[] content, CancellationToken ct)
    {
        var plan = await PlanAsync(fileName, content, ct);
        return (await pending.AddAsync(kind, userName, fileName, DataLoad.Sha256Of(content), content, ExpectedJson(plan), Downloads(plan), ct)).Id;
    }

    /// <summary>
    /// Checks the kept file for its preview and keeps that plan's problems download with it; after something moved
    /// (<paramref name="takeHeldNow"/>), also takes what is held now as what the preview shows.
    /// </summary>
    public async Task<TPlan> PreviewAsync(PendingUpload upload, CancellationToken ct, bool takeHeldNow = false)
    {
        var plan = await PlanAsync(upload.FileName, upload.Content, ct);
        await (takeHeldNow
            ? pending.SetExpectedAsync(upload.Id, ExpectedJson(plan), Downloads(plan), ct)
            : pending.SetDownloadsAsync(upload.Id, Downloads(plan), ct));
        return plan;
    }

    /// <summary>The preview's problems as CSV, made once with its plan.</summary>
    public static PreviewDownloads Downloads(TPlan plan) =>
        PreviewDownloads.OfProblems(plan.Problems, plan.UnlistedErrorCount, plan.UnlistedWarningCount);

    /// <summary>Checks the kept file again inside the commit lock and writes it in one transaction if nothing it touches moved.</summary>
    public Task<UploadConfirmOutcome<TPlan>> ConfirmAsync(PendingUpload upload, string userName, CancellationToken ct) =>
        confirmation.ConfirmAsync(upload, userName, this, ct);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Imports;

/// <summary>What a committee preview showed as held of everything the file replaces or updates (the upload's <c>expected</c>).</summary>
public sealed record CommitteeExpected([property: JsonPropertyName("h")] IReadOnlyList<HeldCell> Held);

/// <summary>
/// An administrator's upload of a committee file (committees.csv, committee-scope.csv, committee-meetings.csv or
/// questioning-prompts.csv, recognised from its heading row), on the path returns and the catalogue take: kept as a
/// <c>pending_upload</c> with what its preview showed, checked (problems by row and column, every change in words),
/// then on confirm claimed, checked again inside the commit lock and, if nothing it touches moved since the preview,
/// written in one transaction with a <c>data_load</c> row (<see cref="UploadConfirmation"/>).
/// </summary>
public sealed class CommitteeUploads(PerformanceDbContext db, PendingUploads pending, UploadConfirmation confirmation, IOptions<UploadOptions> options) : IConfirmableUpload<CommitteePlan>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public UploadOptions Limits => options.Value;

    /// <summary>The file checked against what is held now; nothing is written.</summary>
    public async Task<CommitteePlan> PlanAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var (read, refusal, _) = UploadChecks.ReadCsv(fileName, content, options.Value.MaxRows);
        if (read is null)
        {
            return Refused(fileName, refusal);
        }

        if (CommitteeFiles.Recognise(read) is not { } kind)
        {
            return Refused(fileName, [new(fileName, 1, string.Empty, string.Empty, CommitteeFiles.NoneMatches + UploadChecks.SeparatorHint(read))]);
        }

        var plan = await new CommitteeImporter(db).PlanAsync(kind, read.Require(CommitteeFiles.ByKind[kind].Required), options.Value.MaxProblemsListed, ct);
        return plan.RowsRead == 0 && !plan.HasErrors && kind != CommitteeFileKind.Prompts
            ? new CommitteePlan
            {
                Kind = kind,
                FileName = fileName,
                Changes = [],
                Problems = [new(fileName, 0, string.Empty, string.Empty, "The file has a heading row but no rows under it: add one row per " + Singular(kind) + ".")],
            }
            : plan;
    }

    public async Task<Guid> StoreAsync(string userName, string fileName, byte[] content, CancellationToken ct)
    {
        var plan = await PlanAsync(fileName, content, ct);
        return (await pending.AddAsync(PendingUploadKind.Committees, userName, fileName, DataLoad.Sha256Of(content), content, ExpectedJson(plan), Downloads(plan), ct)).Id;
    }

    /// <summary>
    /// Checks the kept file for its preview and keeps that plan's problems download with it; after something moved
    /// (<paramref name="takeHeldNow"/>), also takes what is held now as what the preview shows.
    /// </summary>
    public async Task<CommitteePlan> PreviewAsync(PendingUpload upload, CancellationToken ct, bool takeHeldNow = false)
    {
        var plan = await PlanAsync(upload.FileName, upload.Content, ct);
        await (takeHeldNow
            ? pending.SetExpectedAsync(upload.Id, ExpectedJson(plan), Downloads(plan), ct)
            : pending.SetDownloadsAsync(upload.Id, Downloads(plan), ct));
        return plan;
    }

    /// <summary>
    /// What the preview showed as held, or <see cref="PendingUploads.NothingExpected"/> when the file cannot be confirmed
    /// (never empty otherwise, even for a file that only adds, so the per-person limit does not take it for a failed check).
    /// </summary>
    public static string ExpectedJson(CommitteePlan plan) =>
        plan.CanCommit ? JsonSerializer.Serialize(new CommitteeExpected(plan.Held), Json) : PendingUploads.NothingExpected;

    /// <summary>Every cell of what the file replaces or updates that is no longer what the preview showed.</summary>
    public static IReadOnlyList<MovedRow> Moved(string expectedJson, CommitteePlan plan)
    {
        if (expectedJson == PendingUploads.NothingExpected || JsonSerializer.Deserialize<CommitteeExpected>(expectedJson, Json) is not { } expected)
        {
            return [];
        }

        static Dictionary<(string, string), HeldCell> ByCell(IEnumerable<HeldCell> cells)
        {
            var byCell = new Dictionary<(string, string), HeldCell>();
            foreach (var cell in cells)
            {
                byCell.TryAdd((cell.Key, cell.Field), cell);
            }

            return byCell;
        }

        var then = ByCell(expected.Held);
        var now = ByCell(plan.Held);
        var moved = new List<MovedRow>();
        foreach (var key in then.Keys.Concat(now.Keys.Where(k => !then.ContainsKey(k))))
        {
            then.TryGetValue(key, out var was);
            now.TryGetValue(key, out var @is);
            if (was?.Value == @is?.Value)
            {
                continue;
            }

            var cell = (@is ?? was)!;
            moved.Add(new(cell.Key, cell.Label, cell.Field, was?.Value ?? "not held", @is?.Value ?? "removed by someone else"));
        }

        return moved;
    }

    /// <summary>A committee preview's problems as CSV, made once with its plan.</summary>
    public static PreviewDownloads Downloads(CommitteePlan plan) =>
        PreviewDownloads.OfProblems(plan.Problems, plan.UnlistedErrorCount, plan.UnlistedWarningCount);

    /// <summary>Checks the kept file again inside the commit lock and writes it in one transaction if nothing it touches moved.</summary>
    public Task<UploadConfirmOutcome<CommitteePlan>> ConfirmAsync(PendingUpload upload, string userName, CancellationToken ct) =>
        confirmation.ConfirmAsync(upload, userName, this, ct);

    bool IConfirmableUpload<CommitteePlan>.CanCommit(CommitteePlan plan) => plan.CanCommit;

    IReadOnlyList<MovedRow> IConfirmableUpload<CommitteePlan>.Moved(string expectedJson, CommitteePlan plan) => Moved(expectedJson, plan);

    /// <summary>A committee file's changes are counted, not its rows: one row may change several columns.</summary>
    LoadCounts IConfirmableUpload<CommitteePlan>.LoadOf(CommitteePlan plan) =>
        new(CommitteeFiles.LoadKindOf(plan.Kind!.Value), plan.RowsRead, plan.AddedCount, plan.ChangedCount + plan.RemovedCount, 0);

    public Task WriteAsync(CommitteePlan plan, CancellationToken ct) => new CommitteeWriter(db).WriteAsync(plan, ct);

    public static string Singular(CommitteeFileKind kind) => kind switch
    {
        CommitteeFileKind.Committees => "committee",
        CommitteeFileKind.Scope => "dashboard or indicator a committee scrutinises",
        CommitteeFileKind.Meetings => "meeting",
        _ => "prompt",
    };

    private static CommitteePlan Refused(string fileName, IReadOnlyList<ImportProblem> problems) =>
        new() { Kind = null, FileName = fileName, Changes = [], Problems = problems };
}

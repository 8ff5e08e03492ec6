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
public sealed class CommitteeUploads(PerformanceDbContext db, PendingUploads pending, UploadConfirmation confirmation, IOptions<UploadOptions> options)
    : ConfirmableUploads<CommitteePlan>(PendingUploadKind.Committees, pending, confirmation, options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>The file checked against what is held now; nothing is written.</summary>
    public override async Task<CommitteePlan> PlanAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var (read, refusal, _) = UploadChecks.ReadCsv(fileName, content, Limits.MaxRows);
        if (read is null)
        {
            return Refused(fileName, refusal);
        }

        if (CommitteeFiles.Recognise(read) is not { } kind)
        {
            return Refused(fileName, [new(fileName, 1, string.Empty, string.Empty, CommitteeFiles.NoneMatches + UploadChecks.SeparatorHint(read))]);
        }

        var plan = await new CommitteeImporter(db).PlanAsync(kind, read.Require(CommitteeFiles.ByKind[kind].Required), Limits.MaxProblemsListed, ct);
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

    /// <summary>
    /// What the preview showed as held, or <see cref="PendingUploads.NothingExpected"/> when the file cannot be confirmed
    /// (never empty otherwise, even for a file that only adds, so the per-person limit does not take it for a failed check).
    /// </summary>
    public override string ExpectedJson(CommitteePlan plan) =>
        plan.CanCommit ? JsonSerializer.Serialize(new CommitteeExpected(plan.Held), Json) : PendingUploads.NothingExpected;

    /// <summary>Every cell of what the file replaces or updates that is no longer what the preview showed.</summary>
    public override IReadOnlyList<MovedRow> Moved(string expectedJson, CommitteePlan plan)
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

    /// <summary>A committee file's changes are counted, not its rows: one row may change several columns.</summary>
    public override LoadCounts LoadOf(CommitteePlan plan) =>
        new(CommitteeFiles.LoadKindOf(plan.Kind!.Value), plan.RowsRead, plan.AddedCount, plan.ChangedCount + plan.RemovedCount, 0);

    public override Task WriteAsync(CommitteePlan plan, CancellationToken ct) => new CommitteeWriter(db).WriteAsync(plan, ct);

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

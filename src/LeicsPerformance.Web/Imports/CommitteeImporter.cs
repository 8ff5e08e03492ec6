using LeicsPerformance.Web.Data;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Loads the committee files — committees, what each scrutinises, meeting dates, and the members' agreed questioning
/// prompts — in three steps, each its own class: read the rows (<see cref="CommitteeFileParser"/>, problems by row and
/// column), check them against what is stored and work out what would change (<see cref="CommitteeFileCheck"/>), and
/// write a clean file (<see cref="CommitteeWriter"/>). The sample-data seed and the administrators' upload
/// (<see cref="CommitteeUploads"/>) both come through here.
/// </summary>
/// <remarks>
/// What a file means: <c>committees.csv</c> adds or updates committees by slug (a committee missing from the file is
/// left alone: it may have published reports). <c>committee-scope.csv</c> and <c>committee-meetings.csv</c> give the
/// whole scope and the whole list of meetings of each committee they name, replacing what is held for those
/// committees. <c>questioning-prompts.csv</c> replaces the prompts. Loading the same files again changes nothing.
/// </remarks>
public sealed class CommitteeImporter(PerformanceDbContext db)
{
    /// <summary>Loads whichever of the four files exist in <paramref name="folder"/>, in order; a file with errors is skipped whole.</summary>
    public async Task<IReadOnlyList<ImportProblem>> ImportFolderAsync(string folder, CancellationToken ct = default)
    {
        var problems = new List<ImportProblem>();
        foreach (var kind in Enum.GetValues<CommitteeFileKind>())
        {
            var name = CommitteeFiles.ByKind[kind].FileName;
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                continue;
            }

            CommitteePlan plan;
            await using (var stream = File.OpenRead(path))
            {
                plan = await PlanAsync(kind, CsvTable.Read("committees/" + name, stream, CommitteeFiles.ByKind[kind].Required, maxRows: 10_000), ProblemList.DefaultMaxListed, ct);
            }

            problems.AddRange(plan.Problems);
            if (!plan.HasErrors)
            {
                await new CommitteeWriter(db).WriteAsync(plan, ct);
            }
        }

        return problems;
    }

    /// <summary>Checks a file already read (its required columns checked) and works out what it would change; lists at most <paramref name="maxProblemsListed"/> problems.</summary>
    public async Task<CommitteePlan> PlanAsync(CommitteeFileKind kind, CsvTable table, int maxProblemsListed, CancellationToken ct = default)
    {
        var problems = new ProblemList(maxProblemsListed);
        problems.AddRange(table.Problems);
        CommitteeFileCheck.Outcome checkedFile = new([], [], null);
        if (!table.Problems.Any(p => !p.IsWarning))
        {
            var check = new CommitteeFileCheck(db);
            checkedFile = kind switch
            {
                CommitteeFileKind.Committees => await check.CommitteesAsync(CommitteeFileParser.Committees(table, problems), ct),
                CommitteeFileKind.Scope => await check.ScopeAsync(table, CommitteeFileParser.Scope(table, problems), problems, ct),
                CommitteeFileKind.Meetings => await check.MeetingsAsync(table, CommitteeFileParser.Meetings(table, problems), problems, ct),
                _ => await check.PromptsAsync(CommitteeFileParser.Prompts(table, problems), ct),
            };
        }

        return new CommitteePlan
        {
            Kind = kind,
            FileName = table.FileName,
            RowsRead = table.Rows.Count,
            Problems = problems.Listed(),
            UnlistedErrorCount = problems.UnlistedErrors,
            UnlistedWarningCount = problems.UnlistedWarnings,
            Changes = checkedFile.Changes,
            Held = checkedFile.Held,
            Write = checkedFile.Write,
        };
    }
}

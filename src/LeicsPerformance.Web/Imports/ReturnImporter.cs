using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Reporting;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Plans a returns file (docs/csv-format.md) in two steps, each its own class: read the rows into lines
/// (<see cref="ReturnRows"/>, problems by row and column), then compare them with what is held
/// (<see cref="ReturnCheck"/>). Nothing is written; <see cref="ReturnWriter.CommitAsync"/> writes a clean plan. The
/// sample-data seed, uploads (<see cref="ReturnUploads"/>) and the command-line import all plan through here.
/// </summary>
public sealed class ReturnImporter(PerformanceDbContext db, IOptions<ReportingOptions>? reporting = null)
{
    /// <summary>The area a row without an area_code is for: the council the app reports on (Reporting:HomeAreaCode).</summary>
    private readonly string homeAreaCode = reporting?.Value.HomeAreaCode ?? ReportingOptions.DefaultHomeAreaCode;

    public async Task<ReturnPlan> PlanAsync(string fileName, byte[] content, int maxRows = 200_000, CancellationToken ct = default)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await PlanAsync(DataLoad.Sha256Of(content), CsvTable.Read(fileName, stream, ReturnRows.RequiredColumns, maxRows), ProblemList.DefaultMaxListed, ct);
    }

    /// <summary>
    /// Checks a file already read (see <see cref="CsvTable.Require"/> with <see cref="ReturnRows.RequiredColumns"/>), so a
    /// caller that has read it need not read it again. Lists at most <paramref name="maxProblemsListed"/> problems.
    /// </summary>
    public async Task<ReturnPlan> PlanAsync(string sha, CsvTable table, int maxProblemsListed, CancellationToken ct = default)
    {
        var problems = new ProblemList(maxProblemsListed);
        problems.AddRange(table.Problems);
        var lines = await new ReturnRows(db, homeAreaCode).ReadAsync(table, problems, ct);
        return await new ReturnCheck(db).PlanAsync(sha, table, lines, problems, ct);
    }
}

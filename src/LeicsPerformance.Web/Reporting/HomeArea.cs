using LeicsPerformance.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// The council the app reports on (<c>Reporting:HomeAreaCode</c>): its code, and its id looked up once per request
/// (scoped). Ratings, trends, funding, committee reports, search and the returns template all take it from here.
/// </summary>
public sealed class HomeArea(PerformanceDbContext db, IOptions<ReportingOptions> options)
{
    private int? id;

    /// <summary>The council the app reports on (Reporting:HomeAreaCode).</summary>
    public string Code => options.Value.HomeAreaCode;

    /// <summary>The home area's id (0 when the area is not held).</summary>
    public async Task<int> IdAsync(CancellationToken ct = default) =>
        id ??= await db.Areas.AsNoTracking().Where(a => a.Code == Code).Select(a => a.Id).FirstOrDefaultAsync(ct);
}

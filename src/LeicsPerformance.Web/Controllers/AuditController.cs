using System.Globalization;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Exports;
using LeicsPerformance.Web.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Controllers;

/// <summary>
/// Every load (who, when, what, which file), the value changes each made, and undoing one: a revert puts back what
/// the load found, in one transaction, unless later loads changed those values since (see <see cref="LoadReverter"/>).
/// </summary>
[Route("audit")]
[Authorize(Roles = Roles.CanLoadReturns)]
public sealed class AuditController(PerformanceDbContext db, LoadReverter reverter) : Controller
{
    public const int PageSize = 50;

    /// <summary>Value changes listed on a load's page; the CSV has them all.</summary>
    public const int ChangesShown = 2000;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int page = 1, CancellationToken ct = default)
    {
        var total = await db.DataLoads.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var loads = await db.DataLoads.AsNoTracking()
            .OrderByDescending(l => l.LoadedAt).ThenByDescending(l => l.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(ct);
        var ids = loads.Select(l => l.Id).ToArray();
        var reverts = await db.LoadReverts.AsNoTracking()
            .Where(r => ids.Contains(r.LoadId) || ids.Contains(r.RevertLoadId))
            .ToListAsync(ct);
        return View(new AuditIndexPage(loads, reverts, page, pages, total));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var plan = await reverter.PlanAsync(id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        var reverts = await db.LoadReverts.AsNoTracking().FirstOrDefaultAsync(r => r.RevertLoadId == id, ct);
        return View(new AuditLoadPage(plan, reverts?.LoadId, plan.Changes.Take(ChangesShown).ToList(), plan.Changes.Count));
    }

    [HttpGet("{id:int}/changes.csv")]
    public async Task<IActionResult> ChangesCsv(int id, CancellationToken ct)
    {
        if (!await db.DataLoads.AnyAsync(l => l.Id == id, ct))
        {
            return NotFound();
        }

        var changes = await reverter.ChangesAsync(id, ct: ct);
        string[] header = ["indicator_code", "indicator_title", "area", "period", "old_value", "old_status", "old_as_printed", "new_value", "new_status", "new_as_printed", "now"];
        return CsvExport.File(string.Create(CultureInfo.InvariantCulture, $"load-{id}-changes.csv"), header, changes.Select(c => (IReadOnlyList<string?>)
        [
            c.IndicatorCode,
            c.IndicatorTitle,
            c.AreaName,
            c.PeriodLabel,
            CsvExport.Number(c.OldValue),
            c.OldStatus?.ToCode(),
            c.OldAsPrinted,
            CsvExport.Number(c.NewValue),
            c.NewStatus?.ToCode(),
            c.NewAsPrinted,
            c.CurrentDisplay,
        ]));
    }

    /// <summary>The confirm page: what the revert would put back, or which later changes stand in its way.</summary>
    [HttpGet("{id:int}/revert")]
    public async Task<IActionResult> Revert(int id, CancellationToken ct)
    {
        var plan = await reverter.PlanAsync(id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        if (!plan.CanRevert)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Refused", plan);
        }

        return View(plan);
    }

    [HttpPost("{id:int}/revert")]
    [ActionName("Revert")]
    public async Task<IActionResult> RevertNow(int id, CancellationToken ct)
    {
        if (!await db.DataLoads.AnyAsync(l => l.Id == id, ct))
        {
            return NotFound();
        }

        try
        {
            var revert = await reverter.RevertAsync(id, User.Identity?.Name ?? string.Empty, ct);
            TempData["AuditMessage"] = string.Create(CultureInfo.InvariantCulture, $"Load {id} was reverted: {Wording.Count(revert.RowsChanged, "value was", "values were")} put back.");
            return RedirectToAction(nameof(Show), new { id = revert.Id });
        }
        catch (RevertRefusedException refused)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Refused", refused.Plan);
        }
    }
}

public sealed record AuditIndexPage(IReadOnlyList<DataLoad> Loads, IReadOnlyList<LoadRevert> Reverts, int Page, int Pages, int Total)
{
    public int? RevertedBy(int loadId) => Reverts.FirstOrDefault(r => r.LoadId == loadId)?.RevertLoadId;

    public int? Undoes(int loadId) => Reverts.FirstOrDefault(r => r.RevertLoadId == loadId)?.LoadId;
}

public sealed record AuditLoadPage(RevertPlan Plan, int? UndoesLoadId, IReadOnlyList<LoadValueChange> Shown, int Total)
{
    public DataLoad Load => Plan.Load;
}

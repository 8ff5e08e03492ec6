using System.Globalization;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Reporting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeicsPerformance.Web.Controllers;

/// <summary>
/// The Overview and Scrutiny committees' quarterly performance reports. Anyone may read a published report; analysts
/// and administrators also see drafts (the report built from the figures held now), publish them, and record the
/// members' questions and the actions agreed. A published report is frozen: it renders from its snapshot and says
/// where a figure has been revised since.
/// </summary>
[Route("committees")]
public sealed class CommitteesController(
    CommitteeQueries queries,
    CommitteeReportBuilder reports,
    CommitteeReportPublishing publishing,
    CommitteeQuestions questions,
    CommitteePdfRenderer pdf,
    TimeProvider clock) : Controller
{
    private bool IsAnalyst => User.IsInRole(Roles.Analyst) || User.IsInRole(Roles.Administrator);

    private string UserName => User.Identity?.Name ?? string.Empty;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new CommitteesIndexPage(await queries.ListAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct), IsAnalyst, User.IsInRole(Roles.Administrator)));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken ct)
    {
        var committee = await queries.FindAsync(slug, ct);
        return committee is null ? NotFound() : View(await queries.PageAsync(committee, IsAnalyst, ct));
    }

    [HttpGet("{slug}/{period}")]
    public async Task<IActionResult> Report(string slug, string period, CancellationToken ct)
    {
        var (error, page) = await LoadAsync(slug, period, ct);
        return error ?? View(page);
    }

    /// <summary>
    /// The same page printed to A4 by headless Chromium. A published report is printed as anyone sees it; a draft is
    /// printed with the requester's own cookies, so Chromium sees exactly what they may see.
    /// </summary>
    [HttpGet("{slug}/{period}/pdf")]
    public async Task<IActionResult> Pdf(string slug, string period, CancellationToken ct)
    {
        var (error, page) = await LoadAsync(slug, period, ct);
        if (error is not null)
        {
            return error;
        }

        if (!pdf.ChromiumAvailable)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("PdfUnavailable", new PdfUnavailablePage(page!, pdf.ChromiumPath, "Chromium, the browser that prints the PDF, is not installed on this server."));
        }

        if (pdf.BaseAddress() is not { } baseAddress)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("PdfUnavailable", new PdfUnavailablePage(page!, pdf.ChromiumPath, "The server cannot tell Chromium its own address. Set Pdf:BaseUrl to the address the app listens on."));
        }

        var report = page!.Report;
        var url = new Uri(baseAddress, $"committees/{Uri.EscapeDataString(slug)}/{page.PeriodSlug}");
        var header = $"{report.CommitteeTitle}: {report.Title}" + (report.HasIllustrative ? " · Contains illustrative figures that are not the council's data" : string.Empty);
        var footer = page.IsPublished
            ? $"Published {page.PublishedAtText} · Printed {Wording.Date(clock.GetUtcNow())}"
            : $"DRAFT, not published · Printed {Wording.DateAndTime(clock.GetUtcNow())}";
        try
        {
            var bytes = await pdf.RenderAsync(url, page.IsPublished ? null : Request.Headers.Cookie.ToString(), header, footer, ct);
            var name = $"{slug}-performance-report-{page.PeriodSlug}{(page.IsPublished ? string.Empty : "-draft")}.pdf";
            return File(bytes, "application/pdf", name);
        }
        catch (ChromiumMissingException)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("PdfUnavailable", new PdfUnavailablePage(page, pdf.ChromiumPath, "Chromium, the browser that prints the PDF, is not installed on this server."));
        }
        catch (Microsoft.Playwright.PlaywrightException e)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return View("PdfUnavailable", new PdfUnavailablePage(page, pdf.ChromiumPath, "Chromium could not print the report: " + e.Message.Split('\n')[0]));
        }
    }

    [HttpGet("{slug}/{period}/publish")]
    [Authorize(Roles = Roles.CanLoadReturns)]
    public async Task<IActionResult> Publish(string slug, string period, CancellationToken ct)
    {
        var (error, page) = await LoadAsync(slug, period, ct);
        if (error is not null)
        {
            return error;
        }

        return page!.IsPublished ? RedirectToReport(slug, page.PeriodSlug) : View(new PublishPage(page, null));
    }

    [HttpPost("{slug}/{period}/publish")]
    [Authorize(Roles = Roles.CanLoadReturns)]
    public async Task<IActionResult> Publish(string slug, string period, [FromForm] string? confirm, CancellationToken ct)
    {
        var (error, page) = await LoadAsync(slug, period, ct);
        if (error is not null)
        {
            return error;
        }

        if (page!.IsPublished)
        {
            return RedirectToReport(slug, page.PeriodSlug);
        }

        if (confirm != "yes")
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new PublishPage(page, "Confirm that the figures are ready to publish"));
        }

        CommitteePeriods.TryParse(period, out var quarter);
        await publishing.PublishAsync(page.Committee, quarter, UserName, ct);
        TempData["committee-notice"] = $"Published. This is now the version of record of the {page.Report.Title}.";
        return RedirectToReport(slug, page.PeriodSlug);
    }

    [HttpPost("{slug}/{period}/questions")]
    [Authorize(Roles = Roles.CanLoadReturns)]
    public async Task<IActionResult> AddQuestion(string slug, string period, [FromForm] QuestionForm form, CancellationToken ct)
    {
        var (error, page) = await LoadAsync(slug, period, ct);
        if (error is not null)
        {
            return error;
        }

        var question = (form.Question ?? string.Empty).Trim();
        var response = (form.Response ?? string.Empty).Trim();
        var askedBy = (form.AskedBy ?? string.Empty).Trim();
        var code = (form.Indicator ?? string.Empty).Trim();
        var errors = new List<(string Field, string Message)>();
        if (question.Length == 0)
        {
            errors.Add(("question", "Enter the question the member asked"));
        }
        else if (question.Length > QuestionForm.MaxLength)
        {
            errors.Add(("question", $"The question must be {QuestionForm.MaxLength.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} characters or fewer"));
        }

        if (response.Length > QuestionForm.MaxLength)
        {
            errors.Add(("response", $"The answer or action must be {QuestionForm.MaxLength.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} characters or fewer"));
        }

        if (askedBy.Length > 200)
        {
            errors.Add(("asked-by", "The member's name must be 200 characters or fewer"));
        }

        // The due date is optional: all three parts blank means none was set.
        DateOnly? dueOn = null;
        var dueParts = new[] { form.DueDay, form.DueMonth, form.DueYear }.Select(p => (p ?? string.Empty).Trim()).ToArray();
        if (dueParts.Any(p => p.Length > 0))
        {
            if (!int.TryParse(dueParts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                || !int.TryParse(dueParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
                || !int.TryParse(dueParts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || year < 2000 || year > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                errors.Add(("due-on-day", "Enter the date the answer is due as a real date, for example 30 9 2021, or leave it blank"));
            }
            else
            {
                dueOn = new DateOnly(year, month, day);
            }
        }

        int? indicatorId = null;
        if (code.Length > 0)
        {
            if (page!.Report.Rows.All(r => r.Code != code))
            {
                errors.Add(("indicator", "Choose an indicator from this report, or none"));
            }
            else
            {
                indicatorId = await questions.IndicatorIdAsync(code, ct);
            }
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Question", new QuestionPage(page!, form, errors));
        }

        CommitteePeriods.TryParse(period, out var quarter);
        await questions.AddQuestionAsync(page!.Committee.Id, quarter, indicatorId, question, response, askedBy, dueOn, UserName, ct);
        TempData["committee-notice"] = "The question has been recorded.";
        return Redirect(ReportUrl(slug, page.PeriodSlug) + "#questions");
    }

    [HttpPost("{slug}/{period}/questions/{id:int}/close")]
    [Authorize(Roles = Roles.CanLoadReturns)]
    public async Task<IActionResult> CloseQuestion(string slug, string period, int id, [FromForm] CloseQuestionForm form, CancellationToken ct)
    {
        var (error, page) = await LoadAsync(slug, period, ct);
        if (error is not null)
        {
            return error;
        }

        var raised = page!.Questions;
        var question = raised.RaisedHere.Concat(raised.CarriedForward).FirstOrDefault(q => q.Id == id && q.IsOpen);
        if (question is null)
        {
            return NotFound();
        }

        var errors = new List<(string Field, string Message)>();
        DateOnly closedOn = default;
        if (!int.TryParse(form.Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(form.Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(form.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < 2000 || year > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            errors.Add(($"closed-on-{id.ToString(CultureInfo.InvariantCulture)}-day", "Enter the date it was closed as a real date, for example 1 11 2021"));
        }
        else
        {
            closedOn = new DateOnly(year, month, day);
            if (closedOn < DateOnly.FromDateTime(question.RecordedAt.UtcDateTime.Date))
            {
                errors.Add(($"closed-on-{id.ToString(CultureInfo.InvariantCulture)}-day", "The date it was closed must be on or after the date it was recorded"));
            }
        }

        var note = (form.Note ?? string.Empty).Trim();
        if (note.Length == 0)
        {
            errors.Add(($"note-{id.ToString(CultureInfo.InvariantCulture)}", "Enter a note saying how the question was answered or the action completed"));
        }
        else if (note.Length > QuestionForm.MaxLength)
        {
            errors.Add(($"note-{id.ToString(CultureInfo.InvariantCulture)}", $"The note must be {QuestionForm.MaxLength.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} characters or fewer"));
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("CloseQuestion", new CloseQuestionPage(page, question, form, errors));
        }

        CommitteePeriods.TryParse(period, out var quarter);
        if (!await questions.CloseQuestionAsync(page.Committee.Id, id, quarter, closedOn, note, UserName, ct))
        {
            return NotFound();
        }

        TempData["committee-notice"] = "The question has been closed.";
        return Redirect(ReportUrl(slug, page.PeriodSlug) + "#questions");
    }

    /// <summary>
    /// The report page model: the published snapshot with its revisions, or (for analysts) the draft built now.
    /// Drafts are not found for anyone else, so an unpublished report's existence is not disclosed.
    /// </summary>
    private async Task<(IActionResult? Error, CommitteeReportPage? Page)> LoadAsync(string slug, string period, CancellationToken ct)
    {
        var committee = await queries.FindAsync(slug, ct);
        if (committee is null || !CommitteePeriods.TryParse(period, out var quarter))
        {
            return (NotFound(), null);
        }

        // Another wording of the quarter in a GET's address was moved to the address form before this ran
        // (Hosting/CanonicalPeriodAddresses); a form posted to it still works.
        var canonical = CommitteePeriods.Slug(quarter);
        var published = await publishing.PublishedAsync(committee.Id, quarter, ct);
        CommitteeReportSnapshot report;
        IReadOnlyDictionary<string, CellRevision> revisions = new Dictionary<string, CellRevision>();
        if (published is not null)
        {
            report = CommitteeReportPublishing.ReadSnapshot(published);
            revisions = await publishing.RevisionsAsync(report, published.PublishedAt, ct);
        }
        else if (IsAnalyst)
        {
            report = await reports.BuildAsync(committee, quarter, clock.GetUtcNow(), ct);
        }
        else
        {
            return (NotFound(), null);
        }

        return (null, new CommitteeReportPage(
            committee,
            report,
            canonical,
            published is not null,
            published?.PublishedAt,
            published?.PublishedBy,
            revisions,
            await questions.QuestionsAsync(committee.Id, quarter, ct),
            await queries.MeetingForAsync(committee.Id, quarter, ct),
            CommitteeQuestions.IndicatorChoices(report),
            IsAnalyst && published is null,
            IsAnalyst));
    }

    private string ReportUrl(string slug, string periodSlug) => Url.Action(nameof(Report), new { slug, period = periodSlug })!;

    private RedirectResult RedirectToReport(string slug, string periodSlug) => Redirect(ReportUrl(slug, periodSlug));
}

public sealed record CommitteesIndexPage(IReadOnlyList<CommitteeListItem> Committees, bool ShowsDrafts, bool IsAdministrator);

public sealed record PublishPage(CommitteeReportPage Report, string? Error);

public sealed record PdfUnavailablePage(CommitteeReportPage Report, string ChromiumPath, string Reason);

public sealed class QuestionForm
{
    public const int MaxLength = 4000;

    public string? Question { get; set; }

    public string? Response { get; set; }

    public string? AskedBy { get; set; }

    public string? Indicator { get; set; }

    public string? DueDay { get; set; }

    public string? DueMonth { get; set; }

    public string? DueYear { get; set; }
}

public sealed class CloseQuestionForm
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public string? Note { get; set; }
}

public sealed record QuestionPage(CommitteeReportPage Report, QuestionForm Form, IReadOnlyList<(string Field, string Message)> Errors);

public sealed record CloseQuestionPage(CommitteeReportPage Report, QuestionView Question, CloseQuestionForm Form, IReadOnlyList<(string Field, string Message)> Errors);

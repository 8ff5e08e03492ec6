using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using LeicsPerformance.Web.Tests.Infrastructure;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Returns;

/// <summary>
/// Issue 10: before confirming, the preview shows each of the council's values' consequences: the value held now and
/// the file's, the arrow and target status the dashboards would show once loaded, and whether it would be an exception
/// in a committee's report (and whose). Worked out by the dashboards' rating with the file's values in place; nothing
/// is written.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed partial class PreviewConsequencesTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task A_lower_figure_with_a_target_flips_the_arrow_the_dashboard_shows_now_and_the_preview_says_so()
    {
        // FF01 2018/19 is held as £677, the same as 2017/18: the dashboard shows no real change, no target, and the
        // bottom quartile of 27 county councils (Leicestershire is the lowest funded).
        var dashboardNow = Row(await PageAsync(Client, "/dashboards/fair-funding?period=2018/19"), "FF01");
        Words(dashboardNow, "[data-column=direction] .app-direction__words").Should().Be("No real change");
        Words(dashboardNow, "[data-column=current]").Should().Be("£677");

        var analyst = await SignInAsync(Factory, "consequences.analyst@example.org", "analyst");
        var before = await FingerprintAsync(ConnectionString);
        // Surrey's figure is a comparator: it can move the quartile, and gets no row of its own.
        var (url, preview, status) = await UploadAndPreviewAsync(analyst, "/returns", "ff01-2018-19.csv", Csv(
            "indicator_code,period,area_code,value,target\nFF01,2018/19,surrey,£650,\nFF01,2018/19,leicestershire,£600,£650\n"));

        status.Should().Be(HttpStatusCode.OK);
        preview.GetElementById("confirm-button").Should().NotBeNull("the file is clean");
        var table = preview.GetElementById("consequences");
        table.Should().NotBeNull("the preview shows what the council's values would change");
        table!.QuerySelector("caption")!.TextContent.Should().Contain("Leicestershire's values");
        table.QuerySelectorAll("thead th[scope=col]").Select(h => h.TextContent.Trim()).Should().Contain(
            ["Held now", "In the file", "Direction of travel once loaded", "Target once loaded", "Exception in a committee's report"]);
        table.QuerySelectorAll("tbody tr").Should().ContainSingle("only the council's own value gets an arrow; Surrey's is a comparator");

        var row = Row(preview, "FF01");
        Words(row, "[data-column=period]").Should().Be("2018/19");
        Words(row, "[data-column=held-now]").Should().Be("£677");
        Words(row, "[data-column=in-file]").Should().Be("£600");
        Words(row, "[data-column=direction] .app-direction__words").Should().Be("Got worse", "£677 → £600 is worse when higher is better");
        Words(row, "[data-column=direction] .app-direction__arrow").Should().Be("↓");
        Words(row, "[data-column=direction] .app-explain__text").Should().Be("£677 → £600, higher is better: got worse.");
        Words(row, "[data-column=direction]").Should().EndWith("(now: → No real change)", "the arrow flips from what the dashboard shows now");
        Words(row, "[data-column=target]").Should().Be("£650 Not met (now: No target)");
        Words(row, "[data-column=exception]").Should().Be(
            "Stays an exception: Bottom quartile; Got worse than 2017/18; Target not met (now: Bottom quartile). In the report of: Scrutiny Commission.");

        // The changes download carries the same consequences for the row.
        var csv = await analyst.GetStringAsync(Url(url + "/changes.csv"));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].Should().EndWith("direction_once_loaded,target_status_once_loaded,exception_once_loaded,committees");
        lines.Single(l => l.Contains("Leicestershire", StringComparison.Ordinal)).Should().EndWith(
            "Got worse,Target not met,Stays an exception: Bottom quartile; Got worse than 2017/18; Target not met (now: Bottom quartile),Scrutiny Commission");
        lines.Single(l => l.Contains("Surrey", StringComparison.Ordinal)).Should().EndWith(",,,,", "a comparator's row has no consequences of its own");

        // Nothing was written to work it out, and the dashboard still shows what is held.
        (await FingerprintAsync(ConnectionString)).Should().Equal(before);
        var dashboardAfter = Row(await PageAsync(Client, "/dashboards/fair-funding?period=2018/19"), "FF01");
        Words(dashboardAfter, "[data-column=direction] .app-direction__words").Should().Be("No real change");

        // Once confirmed, the dashboard shows what the preview said it would.
        (await SubmitAsync(analyst, preview, "confirm-button")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var loaded = Row(await PageAsync(Client, "/dashboards/fair-funding?period=2018/19"), "FF01");
        Words(loaded, "[data-column=current]").Should().Be("£600");
        Words(loaded, "[data-column=direction] .app-direction__words").Should().Be("Got worse");
        Words(loaded, "[data-column=target]").Should().Be("£650 Not met");
    }

    [Fact]
    public async Task A_changed_figure_keeps_the_officers_printed_arrow_and_says_what_the_rule_alone_gives()
    {
        // FF02 2017/18 is held as £504 (2016/17: £502); officers printed "→", the target is "MTFS" and the reported
        // quartile 4th. A file giving only a new value leaves the officers' arrow, target and quartile as they are.
        var analyst = await SignInAsync(Factory, "officers.analyst@example.org", "analyst");
        var (_, preview, status) = await UploadAndPreviewAsync(analyst, "/returns", "ff02.csv", Csv("indicator_code,period,value\nFF02,2017/18,£400\n"));

        status.Should().Be(HttpStatusCode.OK);
        var row = Row(preview, "FF02");
        Words(row, "[data-column=held-now]").Should().Be("£504");
        Words(row, "[data-column=in-file]").Should().Be("£400");
        Words(row, "[data-column=direction] .app-direction__words").Should().Be("No real change");
        Words(row, "[data-column=direction] .app-explain__text").Should().Be(
            "Officers judged this no real change; the rule alone gives: £502 → £400, higher is better: got worse.");
        Words(row, "[data-column=direction]").Should().NotContain("(now:", "the officers' arrow is shown now and would still be");
        Words(row, "[data-column=target]").Should().Be("MTFS Not assessed against the target");
        Words(row, "[data-column=exception]").Should().Be("Stays an exception: Bottom quartile. In the report of: Scrutiny Commission.");
        preview.GetElementById("consequences-more").Should().BeNull("one value is well within what the preview works out");
    }

    [Fact]
    public async Task The_work_is_bounded_to_the_latest_twelve_periods_and_the_page_says_how_many_are_left_out()
    {
        // Thirteen years of FF01 for the council (a published dataset's shape): the latest twelve are worked out.
        var analyst = await SignInAsync(Factory, "bounded.analyst@example.org", "analyst");
        var rows = string.Concat(Enumerable.Range(2006, 13).Select(y => $"FF01,{y}/{(y + 1) % 100:00},£{600 + y - 2006}\n"));
        var (_, preview, status) = await UploadAndPreviewAsync(analyst, "/returns", "ff01-years.csv", Csv("indicator_code,period,value\n" + rows));

        status.Should().Be(HttpStatusCode.OK);
        var periods = preview.QuerySelectorAll("#consequences tbody tr").Select(r => Words(r, "[data-column=period]")).ToList();
        periods.Should().HaveCount(12).And.Contain("2018/19").And.NotContain("2006/07");
        Spaces().Replace(preview.GetElementById("consequences-more")!.TextContent, " ").Should().Contain("Showing 12 of 13 of Leicestershire's values").And.Contain("1 value is not worked out here");
        preview.GetElementById("consequences-heading")!.TextContent.Should().Contain("(13)");
    }

    [Fact]
    public async Task A_changed_year_shows_the_knock_on_arrow_of_the_following_year_the_file_does_not_hold()
    {
        // 2018/19's FF01 (£677) is compared with 2017/18's (£677): no real change. Lowering 2017/18 in a file that does
        // not hold 2018/19 changes 2018/19's arrow all the same; 2017/18 is in the file, so 2016/17 knocks on nothing.
        var analyst = await SignInAsync(Factory, "knock-on.analyst@example.org", "analyst");
        var (_, preview, status) = await UploadAndPreviewAsync(analyst, "/returns", "ff01-earlier.csv", Csv(
            "indicator_code,period,value\nFF01,2016/17,£590\nFF01,2017/18,£600\n"));

        status.Should().Be(HttpStatusCode.OK);
        var table = preview.GetElementById("knock-on");
        table.Should().NotBeNull("lowering 2017/18 changes the arrow of 2018/19, which the file does not hold");
        var knockOn = table!.QuerySelectorAll("tbody tr").Should().ContainSingle().Subject;
        knockOn.GetAttribute("data-knock-on").Should().Be("FF01");
        Words(knockOn, "[data-column=period]").Should().Be("2018/19");
        Words(knockOn, "[data-column=held]").Should().Be("£677");
        Words(knockOn, "[data-column=compared-with]").Should().Be("£600 (2017/18)");
        Words(knockOn, "[data-column=direction] .app-direction__words").Should().Be("Improved");
        Words(knockOn, "[data-column=direction]").Should().EndWith("(now: → No real change)");
        Words(knockOn, "[data-column=exception]").Should().StartWith("Stays an exception: Bottom quartile.");
        preview.GetElementById("knock-on-heading")!.TextContent.Should().Contain("(1)");

        // Once confirmed, the dashboard shows the arrow the preview said it would.
        (await SubmitAsync(analyst, preview, "confirm-button")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var loaded = Row(await PageAsync(Client, "/dashboards/fair-funding?period=2018/19"), "FF01");
        Words(loaded, "[data-column=current]").Should().Be("£677");
        Words(loaded, "[data-column=direction] .app-direction__words").Should().Be("Improved");
    }

    [Fact]
    public async Task A_file_with_errors_says_the_consequences_come_once_it_is_fixed()
    {
        var analyst = await SignInAsync(Factory, "errors.analyst@example.org", "analyst");
        var (_, preview, _) = await UploadAndPreviewAsync(analyst, "/returns", "bad.csv", Csv("indicator_code,period,value\nFF02,2017/18,£400\nZZ99,2017/18,1\n"));

        preview.GetElementById("consequences").Should().BeNull();
        preview.GetElementById("consequences-after-errors")!.TextContent.Should().Contain("once the file has no errors");
    }

    private static IElement Row(IDocument page, string code) =>
        page.QuerySelectorAll("tr[data-code]").Single(r => r.GetAttribute("data-code") == code);

    private static string Words(IElement row, string selector) =>
        Spaces().Replace(row.QuerySelector(selector)?.TextContent ?? throw new InvalidOperationException($"no {selector} in the row"), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

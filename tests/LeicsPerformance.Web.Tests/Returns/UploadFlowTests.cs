using System.Net;
using System.Text;
using LeicsPerformance.Web.Controllers;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Returns;

/// <summary>The analyst's whole round: template, upload, preview, confirm, result; and what must not load twice or at all.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class UploadFlowTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task A_correction_is_previewed_old_to_new_confirmed_and_linked_to_its_dashboard()
    {
        var analyst = await SignInAsync(Factory, "analyst@example.org", "analyst");
        var before = await FingerprintAsync(ConnectionString);

        var (url, preview, status) = await UploadAndPreviewAsync(analyst, "/returns", "correction.csv", Csv("""
            indicator_code,period,value,commentary
            FF01,2017/18,£680,Restated by MHCLG
            FF01,2019/20,£700,
            FF02,2017/18,£504,
            """));

        status.Should().Be(HttpStatusCode.OK);
        preview.GetElementById("count-new")!.GetAttribute("data-count").Should().Be("1");
        preview.GetElementById("count-changed")!.GetAttribute("data-count").Should().Be("1");
        preview.GetElementById("count-unchanged")!.GetAttribute("data-count").Should().Be("1");
        var changed = preview.QuerySelector("#changed-values tbody tr")!;
        Spaced(changed.TextContent).Should().Contain("FF01").And.Contain("2017/18").And.Contain("£677").And.Contain("£680").And.Contain("Restated by MHCLG");
        preview.QuerySelector("#new-values tbody tr")!.TextContent.Should().Contain("£700");
        preview.QuerySelector("details#unchanged-details #unchanged-values")!.TextContent.Should().Contain("FF02", "unchanged values are listed inside a collapsed <details>");
        preview.GetElementById("error-summary").Should().BeNull();
        (await FingerprintAsync(ConnectionString)).Should().Equal(before, "a preview writes nothing");

        var confirm = await SubmitAsync(analyst, preview, "confirm-button");
        confirm.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var resultUrl = confirm.Headers.Location!.OriginalString;
        resultUrl.Should().StartWith("/returns/loads/");
        var result = await PageAsync(analyst, resultUrl);
        result.GetElementById("result-new")!.TextContent.Should().Be("1");
        result.GetElementById("result-changed")!.TextContent.Should().Be("1");
        result.QuerySelectorAll("#affected-dashboards a").Select(a => a.GetAttribute("href")).Should()
            .Contain("/dashboards/fair-funding?period=2017-18").And.Contain("/dashboards/fair-funding?period=2019-20");

        var after = await FingerprintAsync(ConnectionString);
        after["indicator_value"].Should().NotBe(before["indicator_value"], "the fingerprint sees a committed change (so it can fail)");
        after["indicator_value_history"].Should().NotBe(before["indicator_value_history"]);
        (await ScalarAsync<decimal>(ConnectionString, "select v.value from indicator_value v join indicator i on i.id = v.indicator_id join reporting_period p on p.id = v.period_id join area a on a.id = v.area_id where i.code = 'FF01' and p.code = 'FY2017' and a.code = 'leicestershire'"))
            .Should().Be(680m);
        (await ScalarAsync<string>(ConnectionString, "select loaded_by from data_load order by id desc limit 1")).Should().Be("analyst@example.org");
        (await ScalarAsync<long>(ConnectionString, "select count(*) from pending_upload where committed_load_id is null")).Should().Be(0, "a committed upload is no longer waiting");
        var again = await analyst.GetAsync(Url(url));
        again.StatusCode.Should().Be(HttpStatusCode.Redirect, "the preview of a committed upload leads to its result");
        again.Headers.Location!.OriginalString.Should().Be(resultUrl);
        Text(await PageAsync(analyst, "/returns")).Should().NotContain("waiting to be confirmed");
    }

    [Fact]
    public async Task The_same_file_again_says_when_and_by_whom_it_was_loaded_and_offers_no_commit()
    {
        var analyst = await SignInAsync(Factory, "analyst@example.org", "analyst");
        var file = Csv("indicator_code,period,value\nFF01,2019/20,£700\nFF02,2019/20,£512\n");
        var (_, first, _) = await UploadAndPreviewAsync(analyst, "/returns", "ff-2019-20.csv", file);
        (await SubmitAsync(analyst, first, "confirm-button")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var before = await FingerprintAsync(ConnectionString);

        var (url, again, _) = await UploadAndPreviewAsync(analyst, "/returns", "ff-2019-20 (copy).csv", file);

        var text = Text(again);
        text.Should().Contain("This exact file was already loaded on").And.Contain("by analyst@example.org").And.Contain("nothing would change");
        again.GetElementById("already-loaded").Should().NotBeNull();
        again.GetElementById("confirm-button").Should().BeNull();

        // Even posting the confirm by hand (with the cancel form's token) commits nothing.
        var cancelForm = again.GetElementById("cancel-button")!.Closest("form")!;
        var token = cancelForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forced = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var response = await analyst.PostAsync(Url(url + "/confirm"), forced);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be(url, "it is sent back to the preview");
        (await FingerprintAsync(ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task Formula_and_script_commentary_is_stored_as_typed_shown_escaped_and_neutralised_in_csv()
    {
        var analyst = await SignInAsync(Factory, "analyst@example.org", "analyst");
        const string formula = "=HYPERLINK(\"http://evil.example/\",\"click\")";
        const string script = "<script>alert(1)</script>";
        var upload = await UploadAsync(analyst, "/returns", "injection.csv", Csv($"""
            indicator_code,period,value,commentary
            FF01,2019/20,£700,"{formula.Replace("\"", "\"\"", StringComparison.Ordinal)}"
            FF02,2019/20,£510,{script}
            FF03,2019/20,£320,@SUM(1+1)
            """));
        var url = upload.Headers.Location!.OriginalString;
        var html = await analyst.GetStringAsync(Url(url));

        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.NotContain(script);
        var page = Parse(html);
        page.QuerySelectorAll("main script").Should().BeEmpty();
        Text(page).Should().Contain(formula).And.Contain(script);

        var csv = await analyst.GetStringAsync(Url(url + "/changes.csv"));
        csv.Should().Contain("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\"").And.Contain("'@SUM(1+1)").And.Contain(script);

        (await SubmitAsync(analyst, page, "confirm-button")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = TestDatabase.CreateContext(ConnectionString);
        var fy2019 = await db.Periods.Where(p => p.Code == "FY2019").Select(p => p.Id).SingleAsync();
        var commentary = await db.Assessments.Where(a => a.PeriodId == fy2019)
            .Join(db.Indicators, a => a.IndicatorId, i => i.Id, (a, i) => new { i.Code, a.Commentary })
            .ToDictionaryAsync(x => x.Code, x => x.Commentary);
        commentary["FF01"].Should().Be(formula, "stored exactly as typed");
        commentary["FF02"].Should().Be(script);
        commentary["FF03"].Should().Be("@SUM(1+1)");
    }

    [Fact]
    public async Task The_template_lists_a_dashboards_indicators_for_the_period_and_uploads_back_with_warnings_for_blanks()
    {
        var analyst = await SignInAsync(Factory, "analyst@example.org", "analyst");
        var response = await analyst.GetAsync(Url("/returns/template?dashboard=fair-funding&period=2018/19"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be(string.Join(",", LeicsPerformance.Web.Imports.ReturnTemplate.Header));
        lines[0].Should().Be("indicator_code,indicator_title,unit,last_value,last_period,period,area_code,value,status,target,quartile,comparator_group,direction,commentary");
        await using (var db = TestDatabase.CreateContext(ConnectionString))
        {
            var codes = await db.Indicators.Where(i => i.Dashboard.Slug == "fair-funding").OrderBy(i => i.SortOrder).Select(i => i.Code).ToListAsync();
            lines.Skip(1).Select(l => l.Split(',')[0]).Should().Equal(codes);
        }

        // Each row says how its figure is written and the latest figure held (here the 2018/19 one itself).
        lines[1].Should().StartWith("FF01,Core Spending Power per head of population,\"pounds (£), whole numbers, written like £43\",£677,2018/19,2018/19,leicestershire,,");

        // Filled in for one indicator, the rest deleted: loads cleanly, the guidance columns ignored.
        var filled = Encoding.UTF8.GetBytes(lines[0] + "\n" + lines[1].Replace("leicestershire,,", "leicestershire,£690,", StringComparison.Ordinal) + "\n");
        var (_, ok, _) = await UploadAndPreviewAsync(analyst, "/returns", "filled.csv", filled);
        ok.GetElementById("error-summary").Should().BeNull();
        ok.GetElementById("count-changed")!.GetAttribute("data-count").Should().Be("1");

        // For a period not held yet, the latest figure before it is the guide.
        var next = await analyst.GetStringAsync(Url("/returns/template?dashboard=fair-funding&period=2019/20"));
        next.Split("\r\n")[1].Should().StartWith("FF01,Core Spending Power per head of population,\"pounds (£), whole numbers, written like £43\",£677,2018/19,2019/20,");

        // Uploaded untouched, every blank value would become "not available": allowed, but warned, row by row.
        var (_, blank, _) = await UploadAndPreviewAsync(analyst, "/returns", "untouched.csv", bytes);
        blank.GetElementById("error-summary").Should().BeNull();
        blank.GetElementById("count-warnings")!.GetAttribute("data-count").Should().Be((lines.Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Text(blank).Should().Contain("The value is blank, so £677 (held now for FF01, 2018/19) would become 'not available'");
    }

    [Fact]
    public async Task The_template_form_explains_a_bad_dashboard_or_period()
    {
        var analyst = await SignInAsync(Factory, "analyst@example.org", "analyst");
        var page = await PageAsync(analyst, "/returns/template?dashboard=nope&period=someday", HttpStatusCode.BadRequest);
        page.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")).Should().Equal("#template-dashboard", "#template-period");
        Text(page).Should().Contain("'nope' is not a dashboard").And.Contain("'someday' is not a period");
        page.Title.Should().StartWith("Error:");
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_the_limit_named_and_nothing_kept()
    {
        await using var small = Factory.WithWebHostBuilder(b => b.UseSetting("Uploads:MaxBytes", "1024"));
        var client = await SignInAsync(small, "size@example.org", "analyst");
        var before = await FingerprintAsync(ConnectionString);

        var justOver = Csv("indicator_code,period,value\n" + string.Concat(Enumerable.Repeat("FF01,2019/20,1\n", 80)));
        justOver.Length.Should().BeGreaterThan(1024);
        var refused = await UploadAsync(client, "/returns", "big.csv", justOver);
        refused.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var page = await PageOfAsync(refused);
        Text(page).Should().Contain("The selected file must be smaller than 1 KB");
        page.QuerySelector("#error-summary a")!.GetAttribute("href").Should().Be("#upload-file");

        // Far over: refused from its Content-Length, before the body is read.
        var huge = new byte[300 * 1024];
        var early = await UploadAsync(client, "/returns", "huge.csv", huge);
        early.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        Text(await PageOfAsync(early)).Should().Contain("smaller than 1 KB").And.Contain("this one is 300");

        (await ScalarAsync<long>(ConnectionString, "select count(*) from pending_upload")).Should().Be(0);
        (await FingerprintAsync(ConnectionString)).Should().Equal(before);
    }

    private static string Spaced(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

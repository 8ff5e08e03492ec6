using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Catalogue;

/// <summary>
/// Administrators manage editions (dashboards.csv) and lineage (indicator-lineage.csv) through the catalogue upload:
/// download, edit, preview, confirm in one go, and the pages and API follow.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class EditionUploadTests(TestDatabase database) : AppTest(database)
{
    private async Task<string[]> DownloadAsync(HttpClient admin, string file)
    {
        var response = await admin.GetAsync(Url("/catalogue/download/" + file));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static byte[] Lines(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private async Task<IReadOnlyList<(string Slug, string Title)>> DashboardsForAsync(string period) =>
        (await Client.GetFromJsonAsync<JsonElement>("/api/dashboards?period=" + Uri.EscapeDataString(period)))
            .EnumerateArray().Select(d => (d.GetProperty("slug").GetString()!, d.GetProperty("title").GetString()!)).ToList();

    private async Task<IReadOnlyList<string?>> SeriesPeriodsAsync(string code) =>
        (await Client.GetFromJsonAsync<JsonElement>("/api/indicators/" + code))
            .GetProperty("series").EnumerateArray().Select(p => p.GetProperty("periodLabel").GetString()).ToList();

    [Theory]
    [InlineData("dashboards.csv", "slug,theme,title,sort_order,comparator_note,edition", "select count(*) from dashboard")]
    [InlineData("indicator-lineage.csv", "code,continues,definition_changed,evidence", "select count(*) from indicator_lineage")]
    public async Task A_downloaded_file_uploads_back_as_nothing_to_change(string file, string heading, string countSql)
    {
        var admin = await SignInAsync(Factory, "admin@example.org", "administrator");
        var lines = await DownloadAsync(admin, file);
        lines[0].Should().Be(heading);
        var held = await ScalarAsync<long>(ConnectionString, countSql);
        lines.Should().HaveCount((int)held + 1, "every row held and the heading");
        var before = await FingerprintAsync(ConnectionString);

        var (_, preview, status) = await UploadAndPreviewAsync(admin, "/catalogue", "edited-" + file, Lines(lines));

        status.Should().Be(HttpStatusCode.OK);
        preview.GetElementById("error-summary").Should().BeNull();
        preview.GetElementById("catalogue-file")!.GetAttribute("data-file").Should().Be(file);
        preview.GetElementById("count-unchanged")!.GetAttribute("data-count").Should().Be(held.ToString(System.Globalization.CultureInfo.InvariantCulture));
        preview.GetElementById("count-new")!.GetAttribute("data-count").Should().Be("0");
        preview.GetElementById("count-changed")!.GetAttribute("data-count").Should().Be("0");
        preview.GetElementById("confirm-button").Should().BeNull("there is nothing to change");
        preview.GetElementById("nothing-to-change").Should().NotBeNull();
        (await FingerprintAsync(ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task Moving_a_dashboard_to_another_edition_and_retitling_it_is_previewed_then_shown_for_that_editions_periods()
    {
        var admin = await SignInAsync(Factory, "admin@example.org", "administrator");
        var lines = await DownloadAsync(admin, "dashboards.csv");
        var fairFunding = lines.Single(l => l.StartsWith("fair-funding,", StringComparison.Ordinal));
        fairFunding.Should().EndWith(",2017/18");
        var moved = fairFunding.Replace(",Fair Funding,", ",Fair Funding (moved),", StringComparison.Ordinal)[..^",2017/18".Length] + ",2021/22";
        (await DashboardsForAsync("2017/18")).Should().Contain(("fair-funding", "Fair Funding"));
        var in2021 = (await DashboardsForAsync("2021/22")).Count;

        var (_, preview, _) = await UploadAndPreviewAsync(admin, "/catalogue", "dashboards.csv", Lines([lines[0], moved, lines[2]]));

        preview.GetElementById("error-summary").Should().BeNull();
        preview.GetElementById("count-changed")!.GetAttribute("data-count").Should().Be("1");
        preview.GetElementById("count-unchanged")!.GetAttribute("data-count").Should().Be("1");
        var change = System.Text.RegularExpressions.Regex.Replace(preview.QuerySelector("#changed-dashboards tbody tr")!.TextContent, @"\s+", " ");
        change.Should().Contain("fair-funding").And.Contain("title: Fair Funding → becomes Fair Funding (moved)").And.Contain("edition: 2017/18 → becomes 2021/22");
        var editions = preview.QuerySelectorAll("#edition-effects li").ToDictionary(li => li.GetAttribute("data-edition")!, li => li.TextContent);
        editions["2021/22"].Should().Contain($"from 2021/22 the overview shows {in2021 + 1} dashboards (now {in2021})").And.Contain("joining it: Fair Funding (moved)");
        editions["2017/18"].Should().Contain("leaving it: Fair Funding");
        Text(preview).Should().Contain("Dashboards not in the file are left as they are.");

        var confirm = await SubmitAsync(admin, preview, "confirm-button");
        confirm.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var result = await PageAsync(admin, confirm.Headers.Location!.OriginalString);
        Text(result).Should().Contain("0 new dashboards, 1 changed dashboard and 1 unchanged");

        (await DashboardsForAsync("2021/22")).Should().Contain(("fair-funding", "Fair Funding (moved)")).And.HaveCount(in2021 + 1);
        (await DashboardsForAsync("2017/18")).Should().NotContain(d => d.Slug == "fair-funding");
        await using var db = TestDatabase.CreateContext(ConnectionString);
        var load = await db.DataLoads.OrderByDescending(l => l.Id).FirstAsync();
        (load.Kind.ToCode(), load.RowsChanged, load.RowsUnchanged).Should().Be(("catalogue-dashboards", 1, 1));
        Text(await PageAsync(admin, "/audit")).Should().Contain("Dashboards and editions");
        Text(await PageAsync(admin, $"/audit/{load.Id}")).Should().Contain("This load changed the catalogue’s dashboards.csv (0 new dashboards, 1 changed dashboard), not values.");
    }

    [Fact]
    public async Task A_bad_dashboards_file_is_refused_by_row_and_column_and_nothing_is_written()
    {
        var admin = await SignInAsync(Factory, "admin@example.org", "administrator");
        var before = await FingerprintAsync(ConnectionString);

        var (_, preview, _) = await UploadAndPreviewAsync(admin, "/catalogue", "dashboards.csv", Csv("""
            slug,theme,title,sort_order,comparator_note,edition
            fair-funding,fair-funding,Fair Funding,1,,2021/22
            strong-economy,nowhere,Strong Economy,2,,2017/18
            opportunity-school-and-academy-performance,opportunity,School,4,,next year
            new-one,opportunity,,x,,2021/22
            fair-funding,fair-funding,Again,5,,2021/22
            """));

        preview.GetElementById("error-summary").Should().NotBeNull();
        preview.GetElementById("confirm-button").Should().BeNull();
        preview.QuerySelector("#error-summary a[href^='#problem-']").Should().NotBeNull("the summary links to the rows");
        Text(preview).Should().Contain("Row 3, column theme: 'nowhere' is not a theme slug")
            .And.Contain("Row 4, column edition: 'next year' is not a period")
            .And.Contain("Row 5, column title: The title is blank")
            .And.Contain("Row 5, column sort_order: 'x' is not a whole number")
            .And.Contain("Row 6, column slug: A second row for fair-funding: row 2 already describes it");
        (await SubmitAsync(admin, preview, "cancel-button")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await FingerprintAsync(ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task Removing_and_restoring_a_lineage_link_changes_the_indicators_series_across_editions()
    {
        var admin = await SignInAsync(Factory, "admin@example.org", "administrator");
        (await SeriesPeriodsAsync("FN01")).Should().Equal("2016/17", "2017/18", "2018/19", "2020/21", "2021/22");
        var shipped = await DownloadAsync(admin, "indicator-lineage.csv");
        var en01 = shipped.Single(l => l.StartsWith("EN01,", StringComparison.Ordinal));
        var edited = shipped.Where(l => !l.StartsWith("FN01,", StringComparison.Ordinal))
            .Select(l => l == en01 ? "EN01,EW01,no,Reviewed again: the same measure." : l).ToList();

        var (_, preview, _) = await UploadAndPreviewAsync(admin, "/catalogue", "indicator-lineage.csv", Lines(edited));

        preview.GetElementById("error-summary").Should().BeNull();
        preview.GetElementById("count-removed")!.GetAttribute("data-count").Should().Be("1");
        preview.GetElementById("count-changed")!.GetAttribute("data-count").Should().Be("1");
        preview.QuerySelector("#removed-lineage-links tbody tr")!.TextContent.Should().Contain("FN01").And.Contain("FF01");
        preview.QuerySelector("#changed-lineage-links tbody tr")!.TextContent.Should().Contain("EN01").And.Contain("Reviewed again");
        Text(preview).Should().Contain("The file is the whole list: lineage links not in it are removed.");
        (await SubmitAsync(admin, preview, "confirm-button")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await SeriesPeriodsAsync("FN01")).Should().Equal(["2020/21", "2021/22"], "FN01 no longer continues FF01");
        var ff01 = await Client.GetFromJsonAsync<JsonElement>("/api/indicators/FF01");
        (ff01.TryGetProperty("continuedBy", out var continuedBy) ? continuedBy.ValueKind : JsonValueKind.Null).Should().Be(JsonValueKind.Null);

        var (_, again, _) = await UploadAndPreviewAsync(admin, "/catalogue", "indicator-lineage.csv", Lines(shipped));
        again.GetElementById("count-new")!.GetAttribute("data-count").Should().Be("1");
        again.QuerySelector("#new-lineage-links tbody tr")!.TextContent.Should().Contain("FN01");
        (await SubmitAsync(admin, again, "confirm-button")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await SeriesPeriodsAsync("FN01")).Should().Equal("2016/17", "2017/18", "2018/19", "2020/21", "2021/22");
        await using var db = TestDatabase.CreateContext(ConnectionString);
        (await db.DataLoads.OrderByDescending(l => l.Id).Select(l => l.Kind).FirstAsync()).ToCode().Should().Be("catalogue-lineage");
    }

    [Fact]
    public async Task A_bad_lineage_file_is_refused_with_the_importers_own_checks_and_nothing_is_written()
    {
        var admin = await SignInAsync(Factory, "admin@example.org", "administrator");
        var before = await FingerprintAsync(ConnectionString);

        var (_, preview, _) = await UploadAndPreviewAsync(admin, "/catalogue", "indicator-lineage.csv", Csv("""
            code,continues,definition_changed,evidence
            FN01,FF01,no,Same title
            FF01,FN01,no,Backwards
            FN02,FF02,maybe,x
            """));

        preview.GetElementById("confirm-button").Should().BeNull();
        Text(preview).Should().Contain("Row 3, column continues: FN01 is not from an earlier edition than FF01")
            .And.Contain("Row 4, column definition_changed: Give yes or no");
        (await FingerprintAsync(ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task A_file_whose_heading_matches_none_of_the_catalogue_files_is_refused_naming_the_three()
    {
        var admin = await SignInAsync(Factory, "admin@example.org", "administrator");
        var before = await FingerprintAsync(ConnectionString);

        var (_, preview, _) = await UploadAndPreviewAsync(admin, "/catalogue", "mystery.csv", Csv("name,colour\nFair Funding,blue\n"));

        preview.GetElementById("error-summary").Should().NotBeNull();
        preview.GetElementById("confirm-button").Should().BeNull();
        Text(preview).Should().Contain("The heading row matches none of the catalogue files")
            .And.Contain("indicators.csv: code,dashboard,section,sort_order,title")
            .And.Contain("dashboards.csv: slug,theme,title,sort_order,comparator_note,edition")
            .And.Contain("indicator-lineage.csv: code,continues,definition_changed,evidence");
        (await FingerprintAsync(ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task A_dashboard_changed_by_someone_else_after_the_preview_stops_the_confirm()
    {
        var admin = await SignInAsync(Factory, "admin@example.org", "administrator");
        var lines = await DownloadAsync(admin, "dashboards.csv");
        var fairFunding = lines.Single(l => l.StartsWith("fair-funding,", StringComparison.Ordinal));
        var (_, first, _) = await UploadAndPreviewAsync(admin, "/catalogue", "mine.csv", Lines([lines[0], fairFunding.Replace(",Fair Funding,", ",Mine,", StringComparison.Ordinal)]));
        var (_, second, _) = await UploadAndPreviewAsync(admin, "/catalogue", "theirs.csv", Lines([lines[0], fairFunding.Replace(",Fair Funding,", ",Theirs,", StringComparison.Ordinal)]));
        (await SubmitAsync(admin, second, "confirm-button")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var conflict = await SubmitAsync(admin, first, "confirm-button");

        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await PageOfAsync(conflict);
        page.QuerySelector("#moved-rows tbody tr")!.TextContent.Should().Contain("fair-funding").And.Contain("title").And.Contain("was Fair Funding").And.Contain("now Theirs");
        await using var db = TestDatabase.CreateContext(ConnectionString);
        (await db.Dashboards.SingleAsync(d => d.Slug == "fair-funding")).Title.Should().Be("Theirs");
    }
}

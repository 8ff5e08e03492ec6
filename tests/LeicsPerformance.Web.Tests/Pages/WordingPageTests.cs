using System.Net;
using LeicsPerformance.Web.Tests.Infrastructure;
using Npgsql;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Pages;

/// <summary>A value, a target and a load's result read the same wherever they are shown (issue 10's "Display").</summary>
[Collection(DatabaseCollection.Name)]
public sealed class WordingPageTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task A_printed_plus_sign_is_kept_on_the_dashboard_and_the_indicator_page()
    {
        var dashboard = await Client.GetPageAsync("/dashboards/strong-economy?period=2017/18");
        Cell(dashboard.Document, "SE06", "current").Should().Be("+9%");

        var indicator = await Client.GetPageAsync("/indicators/SE06?period=FY2017");
        indicator.Document.QuerySelector("#trend-table")!.Words().Should().Contain("+9%");
    }

    [Fact]
    public async Task One_row_has_one_scale_at_the_published_precision()
    {
        // GC10 library visits: printed 980.6k now, 1.01m before, against a target of 1.0m.
        var dashboard = await Client.GetPageAsync("/dashboards/great-communities?period=2017/18");
        Cell(dashboard.Document, "GC10", "current").Should().Be("980.6k");
        Cell(dashboard.Document, "GC10", "previous").Should().Be("1,010.0k");
        Cell(dashboard.Document, "GC10", "target").Should().StartWith("1,000.0k");
    }

    [Fact]
    public async Task A_not_comparable_value_reads_the_same_on_the_dashboard_and_the_indicator_page()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "update indicator_value set status = 'not comparable' where indicator_id = (select id from indicator where code = 'FF01') " +
                "and period_id = (select id from reporting_period where code = 'FY2017') and area_id = (select id from area where code = 'leicestershire')",
                connection);
            (await command.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var dashboard = await Client.GetPageAsync("/dashboards/fair-funding?period=2017/18");
        Cell(dashboard.Document, "FF01", "current").Should().Be("£677 (not comparable)");
        var indicator = await Client.GetPageAsync("/indicators/FF01?period=FY2017");
        indicator.Document.QuerySelector("#ratings + dl strong")!.Words().Should().Be("£677 (not comparable)");
        indicator.Document.QuerySelector("#trend-table")!.Words().Should().Contain("£677 (not comparable)");
    }

    [Fact]
    public async Task After_a_confirm_each_dashboard_is_listed_once_with_its_periods()
    {
        var analyst = await SignInAsync(Factory, "analyst@example.org", "analyst");
        var (_, preview, status) = await UploadAndPreviewAsync(analyst, "/returns", "two-periods.csv", Csv("""
            indicator_code,period,value
            FF01,2016/17,£650
            FF01,2017/18,£680
            FF01,2019/20,£700
            """));
        status.Should().Be(HttpStatusCode.OK);

        var confirm = await SubmitAsync(analyst, preview, "confirm-button");
        var result = await PageAsync(analyst, confirm.Headers.Location!.OriginalString);
        var items = result.QuerySelectorAll("#affected-dashboards > li");
        items.Select(li => li.GetAttribute("data-dashboard")).Should().Equal("fair-funding");
        items[0].QuerySelectorAll("a").Select(a => a.TextContent).Should().Equal("2019/20", "2017/18", "2016/17");
    }

    private static string Cell(AngleSharp.Dom.IDocument page, string code, string column) =>
        page.IndicatorRows().Single(r => r.GetAttribute("data-code") == code).QuerySelector($"[data-column={column}]")!.Words();
}

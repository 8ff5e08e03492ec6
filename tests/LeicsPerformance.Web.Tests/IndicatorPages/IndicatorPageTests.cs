using System.Net;
using System.Text.Json;
using LeicsPerformance.Web.Tests.Infrastructure;
using Npgsql;

namespace LeicsPerformance.Web.Tests.IndicatorPages;

/// <summary>The indicator page (/indicators/{code}) and its CSV downloads, against the loaded sample data.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class IndicatorPageTests(TestDatabase database) : IAsyncLifetime
{
    private AppFactory factory = null!;
    private HttpClient client = null!;
    private string connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        connectionString = await database.CreateCopyAsync();
        factory = new AppFactory(connectionString);
        client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task Unemployment_rate_shows_both_periods_in_the_trend_table_with_the_officers_arrow_and_the_rules()
    {
        var page = await PageReader.PageAsync(client, "/indicators/ES09?period=2017/18");

        PageReader.Text(page.QuerySelector("h1")!).Should().Be("Unemployment rate");
        var trend = PageReader.BodyRows(page, "trend-table");
        trend.Select(r => (r[0], r[1])).Should().Equal(("2016/17", "3.6%"), ("2017/18 (shown above)", "3.7%"));

        var ratings = PageReader.Text(page.QuerySelector("#ratings + dl")!);
        ratings.Should().Contain("No real change").And.Contain("Officers' judgement: no real change.");
        ratings.Should().Contain("By the rule alone: ↓ Got worse 3.6% → 3.7%, lower is better: got worse.");
        ratings.Should().Contain("3rd quartile");

        PageReader.Text(page.GetElementById("trend-summary")!).Should()
            .StartWith("From 2016/17 to 2017/18 the value rose from 3.6% to 3.7%; lower is better, so this is a deterioration.")
            .And.Contain("officers judged the direction of travel no real change");
        PageReader.ShouldBeAccessibleAndCspClean(page);
    }

    [Fact]
    public async Task Money_values_are_written_in_UK_style_with_thousands_separators()
    {
        var page = await PageReader.PageAsync(client, "/indicators/SE02");

        PageReader.BodyRows(page, "trend-table").Select(r => r[1]).Should().Equal("£22,579", "£22,920");
        PageReader.Text(page.QuerySelector("#ratings + dl")!).Should().Contain("£22,920");
    }

    [Fact]
    public async Task The_trend_charts_data_island_holds_the_same_points_as_the_table()
    {
        var page = await PageReader.PageAsync(client, "/indicators/FF01");

        var canvas = page.QuerySelector("canvas[data-chart='trend']")!;
        var island = page.GetElementById(canvas.GetAttribute("data-chart-source")!)!;
        island.GetAttribute("type").Should().Be("application/json");
        using var json = JsonDocument.Parse(island.TextContent);
        var points = json.RootElement.GetProperty("points").EnumerateArray()
            .Select(p => (Period: p.GetProperty("period").GetString()!, Value: p.GetProperty("value").GetDecimal(), Display: p.GetProperty("display").GetString()!))
            .ToList();

        var rows = PageReader.BodyRows(page, "trend-table");
        points.Should().HaveCount(3);
        points.Select(p => p.Period).Should().Equal(rows.Select(r => r[0].Replace(" (shown above)", string.Empty, StringComparison.Ordinal)));
        points.Select(p => p.Display).Should().Equal(rows.Select(r => r[1]));
        points.Select(p => p.Value).Should().Equal(653m, 677m, 677m);
        json.RootElement.GetProperty("unitLabel").GetString().Should().Be("£");
    }

    [Fact]
    public async Task Core_spending_power_for_2018_19_ranks_Leicestershire_147th_of_150_upper_tier_authorities()
    {
        var page = await PageReader.PageAsync(client, "/indicators/FF01?period=2018/19&group=upper-tier-authorities");

        var rows = PageReader.BodyRows(page, "benchmark-table");
        rows.Should().HaveCount(150);
        rows[0].Should().Equal("1", "Kensington and Chelsea", "£1,182", "1st quartile");
        var home = rows.Single(r => r[1].StartsWith("Leicestershire", StringComparison.Ordinal));
        home.Should().Equal("147", "Leicestershire (this council)", "£677", "4th quartile");

        var homeRow = page.QuerySelectorAll("#benchmark-table tbody tr").Single(tr => tr.TextContent.Contains("Leicestershire", StringComparison.Ordinal));
        homeRow.QuerySelector("strong")!.TextContent.Should().Be("Leicestershire", "Leicestershire's row is bold as well as marked in words");
        PageReader.Text(page.GetElementById("benchmark-summary")!).Should().StartWith("Leicestershire (£677) ranks 147 of 150 upper-tier authorities in 2018/19: 4th quartile.");

        using var chart = JsonDocument.Parse(page.GetElementById("benchmark-FF01")!.TextContent);
        var bars = chart.RootElement.GetProperty("bars").EnumerateArray().ToList();
        bars.Should().HaveCount(150);
        bars.Single(b => b.GetProperty("highlight").GetBoolean()).GetProperty("label").GetString().Should().Be("Leicestershire");
        chart.RootElement.GetProperty("quartileBoundaries").GetArrayLength().Should().Be(3);
        PageReader.ShouldBeAccessibleAndCspClean(page);
    }

    [Fact]
    public async Task Core_spending_power_defaults_to_the_indicators_own_group_county_councils_where_Leicestershire_is_27th_of_27()
    {
        var page = await PageReader.PageAsync(client, "/indicators/FF01");

        page.QuerySelector("#period option[selected]")!.TextContent.Should().Be("2018/19", "the default is the latest period with data");
        page.QuerySelector("#group option[selected]")!.GetAttribute("value").Should().Be("county-councils");
        page.QuerySelectorAll("#group option").Select(o => o.GetAttribute("value")).Should().BeEquivalentTo(["county-councils", "upper-tier-authorities", "england-local-authorities", "east-midlands", "similar-areas"]);
        var rows = PageReader.BodyRows(page, "benchmark-table");
        rows.Should().HaveCount(27);
        rows[^1].Should().Equal("27", "Leicestershire (this council)", "£677", "4th quartile");

        var explicitGroup = await PageReader.PageAsync(client, "/indicators/FF01?period=2018/19&group=county-councils");
        PageReader.BodyRows(explicitGroup, "benchmark-table").Should().BeEquivalentTo(rows, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Without_comparator_values_the_page_says_so_and_shows_the_reported_quartile()
    {
        var page = await PageReader.PageAsync(client, "/indicators/FF01?period=2017/18");

        page.GetElementById("benchmark-table").Should().BeNull();
        page.QuerySelector("canvas[data-chart='benchmark']").Should().BeNull();
        var text = PageReader.Text(page.Body!);
        text.Should().Contain("No values for other councils are held for 2017/18");
        text.Should().Contain("Quartile as reported: 4th quartile");
    }

    [Fact]
    public async Task History_lists_the_seed_loads_newest_first_and_can_include_every_authority()
    {
        var page = await PageReader.PageAsync(client, "/indicators/FF01");
        var rows = PageReader.BodyRows(page, "history-table");

        rows.Select(r => r[0]).Should().Equal("2018/19", "2017/18", "2016/17");
        rows[0][1].Should().Be("None (new value)");
        rows[0][2].Should().Be("£677");
        rows[0][4].Should().Be("returns/2018-19-core-spending-power-per-head.csv (seed)");
        rows[2][4].Should().Be("returns/2017-18-compendium.csv (seed)");
        PageReader.Text(page.Body!).Should().Contain("149 changes are also held for other authorities' values");

        var all = await PageReader.PageAsync(client, "/indicators/FF01?history=all");
        var allRows = PageReader.BodyRows(all, "history-table");
        allRows.Should().HaveCount(152);
        allRows.Count(r => r[0] == "2018/19").Should().Be(150);
    }

    [Fact]
    public async Task A_corrected_value_shows_old_and_new_in_the_history_and_the_trend()
    {
        await ExecuteAsync("""
            insert into data_load (kind, file_name, sha256, loaded_by) values ('upload', 'returns/es09-correction.csv', 'test', 'analyst');
            insert into indicator_value_history (indicator_id, area_id, period_id, old_value, old_status, old_as_printed, new_value, new_status, new_as_printed, data_load_id, changed_at)
            select v.indicator_id, v.area_id, v.period_id, v.value, v.status, v.as_printed, 3.8, 'published', '3.8%', (select max(id) from data_load), now() + interval '1 day'
              from indicator_value v join indicator i on i.id = v.indicator_id join reporting_period p on p.id = v.period_id join area a on a.id = v.area_id
             where i.code = 'ES09' and p.code = 'FY2017' and a.code = 'leicestershire';
            update indicator_value set value = 3.8, as_printed = '3.8%'
             where indicator_id = (select id from indicator where code = 'ES09') and period_id = (select id from reporting_period where code = 'FY2017');
            """);

        var page = await PageReader.PageAsync(client, "/indicators/ES09?period=2017/18");
        var history = PageReader.BodyRows(page, "history-table");
        history.Should().HaveCount(3);
        history[0][0].Should().Be("2017/18");
        history[0][1].Should().Be("3.7%");
        history[0][2].Should().Be("3.8%");
        history[0][4].Should().Be("returns/es09-correction.csv (upload)");
        PageReader.BodyRows(page, "trend-table")[1][1].Should().Be("3.8%");
    }

    [Fact]
    public async Task Commentary_is_shown_as_text_never_as_markup()
    {
        await ExecuteAsync("""
            update indicator_assessment set commentary = '<script>alert(1)</script> <b>bold</b>'
             where indicator_id = (select id from indicator where code = 'ES09') and period_id = (select id from reporting_period where code = 'FY2017');
            """);

        var response = await client.GetStringAsync(new Uri("/indicators/ES09?period=2017/18", UriKind.Relative));
        response.Should().NotContain("<script>alert(1)</script>").And.NotContain("<b>bold</b>");
        response.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public async Task Trend_csv_rows_equal_the_trend_table()
    {
        var page = await PageReader.PageAsync(client, "/indicators/SE02");
        var table = PageReader.BodyRows(page, "trend-table");
        var (header, rows, response) = await PageReader.CsvAsync(client, "/indicators/SE02/trend.csv");

        response.Content.Headers.ContentDisposition!.FileName.Should().Contain("SE02-trend.csv");
        header.Should().StartWith(["indicator_code", "area", "period", "value", "shown_as"]);
        rows.Select(r => (r[2], r[4])).Should().Equal(table.Select(r => (r[0].Replace(" (shown above)", string.Empty, StringComparison.Ordinal), r[1])));
        rows.Select(r => r[3]).Should().Equal("22579", "22920");
    }

    [Theory]
    [InlineData("upper-tier-authorities", 150, "147")]
    [InlineData("county-councils", 27, "27")]
    public async Task Benchmark_csv_rows_equal_the_benchmark_table(string group, int count, string homeRank)
    {
        var page = await PageReader.PageAsync(client, $"/indicators/FF01?period=2018/19&group={group}");
        var table = PageReader.BodyRows(page, "benchmark-table");
        var (header, rows, _) = await PageReader.CsvAsync(client, $"/indicators/FF01/benchmark.csv?period=2018/19&group={group}");

        header.Should().Equal("indicator_code", "period", "comparator_group", "rank", "area_code", "authority", "value", "shown_as", "quartile");
        rows.Should().HaveCount(count);
        rows.Select(r => (r[3], r[5], r[7])).Should().Equal(table.Select(r => (r[0], r[1].Replace(" (this council)", string.Empty, StringComparison.Ordinal), r[2])));
        rows.Single(r => r[4] == "leicestershire")[3].Should().Be(homeRank);
        rows.Single(r => r[4] == "leicestershire")[6].Should().Be("677");
    }

    [Fact]
    public async Task History_csv_rows_equal_the_history_table()
    {
        var page = await PageReader.PageAsync(client, "/indicators/FF01?history=all");
        var table = PageReader.BodyRows(page, "history-table");
        var (_, rows, _) = await PageReader.CsvAsync(client, "/indicators/FF01/history.csv?history=all");

        rows.Should().HaveCount(table.Count).And.HaveCount(152);
        rows.Select(r => (r[1], r[2], r[4])).Should().Equal(table.Select(r => (r[0], r[1], r[3])));

        var (_, homeOnly, _) = await PageReader.CsvAsync(client, "/indicators/FF01/history.csv");
        homeOnly.Select(r => r[1]).Should().Equal("2018/19", "2017/18", "2016/17");
        homeOnly.Should().OnlyContain(r => r[9] == "seed");
    }

    [Theory]
    [InlineData("/indicators/NOPE", HttpStatusCode.NotFound)]
    [InlineData("/indicators/NOPE/trend.csv", HttpStatusCode.NotFound)]
    [InlineData("/indicators/NOPE/history.csv", HttpStatusCode.NotFound)]
    [InlineData("/indicators/NOPE/benchmark.csv?period=2018/19", HttpStatusCode.NotFound)]
    [InlineData("/indicators/FF01/benchmark.csv?period=2018/19&group=no-such-group", HttpStatusCode.NotFound)]
    [InlineData("/indicators/FF01/benchmark.csv?period=2017/18", HttpStatusCode.NotFound)]
    [InlineData("/indicators/FF01?period=banana", HttpStatusCode.BadRequest)]
    public async Task Unknown_indicators_groups_and_periods_are_refused(string url, HttpStatusCode expected)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(expected);
    }

    [Fact]
    public async Task Breadcrumbs_link_to_the_dashboard_for_the_same_period_and_the_metadata_is_in_words()
    {
        var page = await PageReader.PageAsync(client, "/indicators/ES09?period=2017/18");

        var crumbs = page.QuerySelectorAll(".govuk-breadcrumbs__list-item").Select(PageReader.Text).ToList();
        crumbs.Should().Equal("Dashboards", "Strong Economy \u2010 Employment & Skills", "Highly skilled and employable workforce");
        page.QuerySelectorAll(".govuk-breadcrumbs__link")[1].GetAttribute("href").Should().Be("/dashboards/strong-economy-employment-and-skills?period=2017-18");

        var about = page.QuerySelectorAll("#about + dl .govuk-summary-list__row")
            .ToDictionary(r => PageReader.Text(r.QuerySelector("dt")!), r => PageReader.Text(r.QuerySelector("dd")!));
        about["Polarity"].Should().Be("Lower is better");
        about["Unit"].Should().Be("Per cent");
        about["Precision"].Should().Be("Shown to 1 decimal place, for example 48.6%");
        about["Comparator group"].Should().Be("County councils");
        about["Strategic Plan"].Should().StartWith("Yes");
        about["No real change rule"].Should().StartWith("No real change only when the two values are the same at the precision they are published at");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

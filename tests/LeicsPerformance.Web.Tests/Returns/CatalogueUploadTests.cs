using System.Net;
using System.Text;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Returns;

/// <summary>The administrator's catalogue: download, change, preview column by column, confirm in one go.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class CatalogueUploadTests(TestDatabase database) : AppTest(database)
{
    private async Task<string[]> TemplateAsync(HttpClient admin)
    {
        var response = await admin.GetAsync(Url("/catalogue/template"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task The_downloaded_catalogue_uploads_back_unchanged()
    {
        var admin = await SignInAsync(Factory, "admin@example.org", "administrator");
        var lines = await TemplateAsync(admin);
        lines[0].Should().Be(string.Join(",", CatalogueRows.IndicatorColumns));
        var held = await ScalarAsync<long>(ConnectionString, "select count(*) from indicator");
        lines.Should().HaveCount((int)held + 1, "every indicator and the heading");
        var before = await FingerprintAsync(ConnectionString);

        var (_, preview, status) = await UploadAndPreviewAsync(admin, "/catalogue", "indicators.csv", Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));

        status.Should().Be(HttpStatusCode.OK);
        preview.GetElementById("count-unchanged")!.GetAttribute("data-count").Should().Be(held.ToString(System.Globalization.CultureInfo.InvariantCulture));
        preview.GetElementById("count-changed")!.GetAttribute("data-count").Should().Be("0");
        preview.GetElementById("count-new")!.GetAttribute("data-count").Should().Be("0");
        preview.GetElementById("confirm-button").Should().BeNull("there is nothing to change");
        preview.GetElementById("nothing-to-change").Should().NotBeNull();
        (await FingerprintAsync(ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task A_confirm_pressed_while_another_runs_says_so_and_links_back_to_the_catalogue_preview()
    {
        var admin = await SignInAsync(Factory, "admin@example.org", "administrator");
        var lines = await TemplateAsync(admin);
        var edited = new[] { lines[0], lines.Single(l => l.StartsWith("FF01,", StringComparison.Ordinal)).Replace("Core Spending Power per head of population", "Core spending power per head", StringComparison.Ordinal) };
        var (url, preview, _) = await UploadAndPreviewAsync(admin, "/catalogue", "busy.csv", Encoding.UTF8.GetBytes(string.Join("\n", edited)));
        var before = await FingerprintAsync(ConnectionString);

        // Another confirm of the same upload holds it (as a double click's first press would).
        await using (var first = await UploadClaim.TryTakeAsync(ConnectionString, Guid.Parse(url.Split('/').Last()), CancellationToken.None))
        {
            first.Should().NotBeNull();
            var second = await SubmitAsync(admin, preview, "confirm-button");
            second.StatusCode.Should().Be(HttpStatusCode.Conflict);
            var page = Parse(await second.Content.ReadAsStringAsync());
            page.GetElementById("busy-heading")!.TextContent.Should().Contain("already being loaded");
            page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).Should().Contain(url, "its preview is the catalogue's, not a returns page");
            page.QuerySelector("#loads-nav [aria-current=page]")!.TextContent.Should().Contain("Indicator catalogue");
        }

        (await FingerprintAsync(ConnectionString)).Should().Equal(before, "the second press wrote nothing");
    }

    [Fact]
    public async Task A_changed_and_a_new_indicator_are_previewed_column_by_column_and_committed_as_one_load()
    {
        var admin = await SignInAsync(Factory, "admin@example.org", "administrator");
        var lines = await TemplateAsync(admin);
        var ff01 = lines.Single(l => l.StartsWith("FF01,", StringComparison.Ordinal));
        var edited = new List<string>
        {
            lines[0],
            ff01.Replace("Core Spending Power per head of population", "Core spending power per head", StringComparison.Ordinal),
            "ZZ01,fair-funding,Finance & Value For Money,99,A new indicator,,high,percent,1,none,,no,no,Test,,county-councils,annual,same-when-rounded,",
            lines.Single(l => l.StartsWith("FF02,", StringComparison.Ordinal)),
        };
        var valuesBefore = await ScalarAsync<long>(ConnectionString, "select count(*) from indicator_value");
        var indicatorsBefore = await ScalarAsync<long>(ConnectionString, "select count(*) from indicator");

        var (_, preview, _) = await UploadAndPreviewAsync(admin, "/catalogue", "edited.csv", Encoding.UTF8.GetBytes(string.Join("\n", edited)));

        preview.GetElementById("count-new")!.GetAttribute("data-count").Should().Be("1");
        preview.GetElementById("count-changed")!.GetAttribute("data-count").Should().Be("1");
        preview.GetElementById("count-unchanged")!.GetAttribute("data-count").Should().Be("1");
        var change = preview.QuerySelector("#changed-indicators tbody tr")!.TextContent;
        change.Should().Contain("FF01").And.Contain("title").And.Contain("Core Spending Power per head of population").And.Contain("Core spending power per head");
        preview.QuerySelector("#new-indicators tbody tr")!.TextContent.Should().Contain("ZZ01");

        var confirm = await SubmitAsync(admin, preview, "confirm-button");
        confirm.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var result = await PageAsync(admin, confirm.Headers.Location!.OriginalString);
        Text(result).Should().Contain("1 new indicator, 1 changed indicator");

        await using var db = TestDatabase.CreateContext(ConnectionString);
        (await db.Indicators.SingleAsync(i => i.Code == "FF01")).Title.Should().Be("Core spending power per head");
        ValueFormat.UnitCode((await db.Indicators.SingleAsync(i => i.Code == "ZZ01")).Unit).Should().Be("percent");
        (await db.Indicators.CountAsync()).Should().Be((int)indicatorsBefore + 1, "indicators not in the file are left alone");
        (await db.Values.CountAsync()).Should().Be((int)valuesBefore, "values are kept");
        var load = await db.DataLoads.OrderByDescending(l => l.Id).FirstAsync();
        load.Kind.ToCode().Should().Be("catalogue");
        load.LoadedBy.Should().Be("admin@example.org");
        (load.RowsAdded, load.RowsChanged, load.RowsUnchanged).Should().Be((1, 1, 1));
        Text(await PageAsync(admin, "/audit")).Should().Contain("Indicator catalogue").And.Contain("edited.csv");
    }

    [Fact]
    public async Task Catalogue_errors_are_named_by_row_and_column_and_nothing_is_written()
    {
        var admin = await SignInAsync(Factory, "admin@example.org", "administrator");
        var before = await FingerprintAsync(ConnectionString);
        var (_, preview, _) = await UploadAndPreviewAsync(admin, "/catalogue", "bad.csv", Csv("""
            code,dashboard,section,sort_order,title,polarity,unit
            ZZ01,fair-funding,,1,Fine,high,percent
            ZZ02,nowhere,,2,Bad dashboard,high,percent
            ZZ03,fair-funding,,x,Bad order,sideways,furlongs
            ZZ01,fair-funding,,4,Twice,high,percent
            """));

        preview.GetElementById("error-summary").Should().NotBeNull();
        preview.GetElementById("confirm-button").Should().BeNull();
        var text = Text(preview);
        text.Should().Contain("Row 3, column dashboard: 'nowhere' is not a dashboard slug")
            .And.Contain("Row 4, column sort_order").And.Contain("Row 4, column polarity: 'sideways' is not a polarity")
            .And.Contain("Row 4, column unit: 'furlongs' is not a unit")
            .And.Contain("Row 5, column code: A second row for ZZ01: row 2 already describes it");
        (await FingerprintAsync(ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task Changing_the_unit_of_an_indicator_that_has_values_is_a_warning()
    {
        var admin = await SignInAsync(Factory, "admin@example.org", "administrator");
        var lines = await TemplateAsync(admin);
        var ff01 = lines.Single(l => l.StartsWith("FF01,", StringComparison.Ordinal)).Replace(",high,currency,", ",high,number,", StringComparison.Ordinal);
        var (_, preview, _) = await UploadAndPreviewAsync(admin, "/catalogue", "unit.csv", Encoding.UTF8.GetBytes(lines[0] + "\n" + ff01));
        preview.GetElementById("error-summary").Should().BeNull();
        preview.GetElementById("count-warnings")!.GetAttribute("data-count").Should().Be("1");
        Text(preview).Should().Contain("FF01 has").And.Contain("changing its unit from currency to number");
        preview.GetElementById("confirm-button").Should().NotBeNull();
    }
}

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using LeicsPerformance.Web.Tests.Infrastructure;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Returns;

/// <summary>
/// Issue 10: after a load and after a revert, a dashboard's narrative, its count tables and its rows agree for every
/// period, and the period picker offers only periods holding data.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed partial class LoadRevertConsistencyTests(TestDatabase database) : AppTest(database)
{
    private const string Dashboard = "/dashboards/fair-funding";

    [GeneratedRegex(@"Looking at the (\d+) indicators?")]
    private static partial Regex LookingAt();

    [GeneratedRegex(@"could not be determined for (\d+) indicators?")]
    private static partial Regex Undetermined();

    /// <summary>The narrative's numbers, the count table's and the rows with a figure, for one period of the dashboard.</summary>
    private static void ShouldAgree(IDocument page, string because)
    {
        var narrative = page.QuerySelector(".app-narrative")?.TextContent ?? string.Empty;
        var rows = page.QuerySelectorAll("table.app-dashboard-table tbody tr[data-code]");
        var rowsWithFigure = rows.Count(r => r.GetAttribute("data-counted") == "yes");
        rows.Where(r => r.GetAttribute("data-counted") == "no" && !r.QuerySelector("[data-column=current]")!.TextContent.Contains("No data", StringComparison.Ordinal))
            .Should().BeEmpty(because + ": a row not counted holds no figure");
        if (page.GetElementById("no-figures") is not null)
        {
            page.QuerySelectorAll("table.app-dashboard-table tbody tr[data-code]").Should().BeEmpty(because + ": no rows under 'no figures are held'");
            page.QuerySelector(".app-summary-counts").Should().BeNull(because);
            return;
        }

        var total = int.Parse(page.QuerySelector(".app-summary-counts tfoot td")!.TextContent.Trim(), CultureInfo.InvariantCulture);
        var notDetermined = int.Parse(page.QuerySelectorAll(".app-summary-counts tbody tr")[3].QuerySelector("td")!.TextContent.Trim(), CultureInfo.InvariantCulture);
        LookingAt().Match(narrative).Groups[1].Value.Should().Be(total.ToString(CultureInfo.InvariantCulture), because + ": the narrative counts the table's indicators");
        var undetermined = Undetermined().Match(narrative);
        var saysNone = narrative.Contains("could not be determined for any of them", StringComparison.Ordinal) || narrative.Contains("could not be determined for it", StringComparison.Ordinal);
        var narrativeUndetermined = saysNone ? total : undetermined.Success ? int.Parse(undetermined.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        narrativeUndetermined.Should().Be(notDetermined, because + ": undetermined agrees");
        rowsWithFigure.Should().Be(total, because + ": the rows holding a figure or a recorded state are the ones counted");
    }

    private static IReadOnlyList<string> PickerOptions(IDocument page) =>
        page.QuerySelectorAll("select#period option").Select(o => o.TextContent.Trim()).ToList();

    [Fact]
    public async Task Narrative_counts_and_rows_agree_after_a_load_for_a_new_period_and_after_its_revert()
    {
        var analyst = await SignInAsync(Factory, "analyst@example.org", "analyst");
        foreach (var period in new[] { "2016/17", "2017/18", "2018/19" })
        {
            ShouldAgree(await PageAsync(analyst, $"{Dashboard}?period={period.Replace('/', '-')}"), $"{period} before any load");
        }

        // Four of the dashboard's 13 indicators get a 2019/20 figure, one with a target and commentary only.
        var (_, preview, _) = await UploadAndPreviewAsync(analyst, "/returns", "2019-20.csv", Csv(
            "indicator_code,period,value,target,commentary\nFF01,2019/20,£700,,\nFF02,2019/20,£504,,\nFF03,2019/20,£300,,\nFF12,2019/20,20.0%,,Fewer affected\n"));
        var confirm = await SubmitAsync(analyst, preview, "confirm-button");
        confirm.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var load = int.Parse(confirm.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);

        var loaded = await PageAsync(analyst, $"{Dashboard}?period=2019-20");
        ShouldAgree(loaded, "2019/20 after the load");
        loaded.QuerySelector(".app-summary-counts tfoot td")!.TextContent.Trim().Should().Be("4");
        loaded.QuerySelector(".app-narrative")!.TextContent.Should().StartWith("Looking at the 4 indicators")
            .And.Contain("9 indicators hold no figure for 2019/20 and are not counted.");
        PickerOptions(loaded).Should().Contain("2019/20");
        foreach (var period in new[] { "2016/17", "2017/18", "2018/19" })
        {
            ShouldAgree(await PageAsync(analyst, $"{Dashboard}?period={period.Replace('/', '-')}"), $"{period} after the load");
        }

        var revertPage = await PageAsync(analyst, $"/audit/{load}/revert");
        (await SubmitAsync(analyst, revertPage, "revert-button")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var reverted = await PageAsync(analyst, $"{Dashboard}?period=2019-20");
        ShouldAgree(reverted, "2019/20 after the revert");
        reverted.GetElementById("no-figures")!.TextContent.Should().Contain("No figures are held for this dashboard for 2019/20");
        PickerOptions(reverted).Should().NotContain(o => o.StartsWith("2019/20", StringComparison.Ordinal), "the picker offers only periods holding data");
        PickerOptions(reverted).Should().Contain(["2017/18", "2016/17"]);
        foreach (var period in new[] { "2016/17", "2017/18", "2018/19" })
        {
            ShouldAgree(await PageAsync(analyst, $"{Dashboard}?period={period.Replace('/', '-')}"), $"{period} after the revert");
        }
    }
}

using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Reporting;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeicsPerformance.Web.Tests.Benchmarking;

/// <summary>The ONS local indicators in data/ons, loaded at start-up, ranked against real councils by period.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class OnsDataTests(TestDatabase database) : AppTest(database)
{
    private static readonly string OnsFolder = Path.Combine(TestDatabase.RepositoryRoot(), "data", "ons");

    private static List<DatasetMapping> Mappings()
    {
        using var stream = File.OpenRead(Path.Combine(OnsFolder, "mapping.csv"));
        return DatasetImporter.ReadMappings(CsvTable.Read("mapping.csv", stream, ["file"])).Mappings;
    }

    [Fact]
    public void Every_shipped_dataset_loads_with_no_row_refused()
    {
        Database.SeedResult.Problems.Where(p => !p.IsWarning && p.File.StartsWith("ons/", StringComparison.Ordinal)).Should().BeEmpty();
        Database.SeedResult.Loaded.Count(l => l.StartsWith("ons/", StringComparison.Ordinal)).Should().Be(Mappings().Count);
    }

    [Theory]
    [InlineData("2018/19", 27, 150)]
    [InlineData("2019/20", 26, 149)]
    [InlineData("2020/21", 25, 149)]
    [InlineData("2021/22", 24, 150)]
    [InlineData("2023/24", 21, 151)]
    public async Task County_councils_and_upper_tier_authorities_follow_the_boundary_changes(string period, int counties, int upperTier)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<ComparatorQueries>();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceDbContext>();
        var groups = await queries.LatestGroupsAsync(ReportingPeriod.Parse(period));

        groups["county-councils"].Members.Should().HaveCount(counties);
        groups["upper-tier-authorities"].Members.Should().HaveCount(upperTier);

        // Never a county together with the unitaries that replaced it.
        var codes = await db.Areas.Where(a => groups["upper-tier-authorities"].Members.Contains(a.Id)).Select(a => a.OnsCode).ToListAsync();
        string[][] replaced =
        [
            ["E10000009", "E06000059"], ["E06000028", "E06000058"], ["E10000002", "E06000060"], ["E10000021", "E06000061"],
            ["E10000006", "E06000063"], ["E10000023", "E06000065"], ["E10000027", "E06000066"],
        ];
        foreach (var pair in replaced)
        {
            (codes.Contains(pair[0]) && codes.Contains(pair[1])).Should().BeFalse($"{pair[1]} replaced {pair[0]}");
            (codes.Contains(pair[0]) || codes.Contains(pair[1])).Should().BeTrue("one of the two is always a member");
        }
    }

    [Fact]
    public async Task At_least_15_indicators_rank_against_20_or_more_councils_in_their_latest_period()
    {
        var ranked = new List<string>();
        foreach (var code in Mappings().Select(m => m.IndicatorCode).Distinct())
        {
            var benchmark = await Client.GetFromJsonAsync<JsonElement>($"/api/indicators/{code}/benchmark");
            if (benchmark.GetProperty("groupSize").GetInt32() >= 20 && benchmark.GetProperty("rank").ValueKind == JsonValueKind.Number)
            {
                benchmark.GetProperty("explanation").GetString().Should().MatchRegex(@"ranks \d+ of \d+ ");
                benchmark.GetProperty("attribution").GetString().Should().Be("Source: Office for National Statistics licensed under the Open Government Licence v3.0");
                ranked.Add(code);
            }
        }

        ranked.Should().HaveCountGreaterThanOrEqualTo(15);
    }

    [Fact]
    public async Task At_least_10_indicators_have_a_series_of_6_or_more_periods_and_some_arrows_are_significance_aware()
    {
        var longSeries = 0;
        var significanceAware = new List<string>();
        foreach (var code in Mappings().Select(m => m.IndicatorCode).Distinct())
        {
            var indicator = await Client.GetFromJsonAsync<JsonElement>($"/api/indicators/{code}");
            var series = indicator.GetProperty("series").EnumerateArray().ToList();
            if (series.Count(p => p.GetProperty("value").ValueKind == JsonValueKind.Number) >= 6)
            {
                longSeries++;
            }

            var starts = series.Select(p => ReportingPeriod.Parse(p.GetProperty("period").GetString()!).Start).ToList();
            starts.Should().BeInAscendingOrder("the series is oldest first");
            if (series.Any(p => p.GetProperty("directionExplanation").GetString()!.Contains("95% confidence intervals", StringComparison.Ordinal)))
            {
                significanceAware.Add(code);
            }
        }

        longSeries.Should().BeGreaterThanOrEqualTo(10);
        significanceAware.Should().Contain("ES10");
    }

    [Fact]
    public async Task Employment_rate_keeps_its_confidence_limits_numerator_and_denominator()
    {
        var indicator = await Client.GetFromJsonAsync<JsonElement>("/api/indicators/ES10");
        var y2023 = indicator.GetProperty("series").EnumerateArray().Single(p => p.GetProperty("period").GetString() == "CY2023");
        y2023.GetProperty("value").GetDecimal().Should().Be(81.6m);
        y2023.GetProperty("lower").ValueKind.Should().Be(JsonValueKind.Number);
        y2023.GetProperty("upper").GetDecimal().Should().BeGreaterThan(y2023.GetProperty("lower").GetDecimal());
        y2023.GetProperty("denominator").GetDecimal().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Loading_a_shipped_file_again_changes_nothing()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceDbContext>();
        var mapping = Mappings().Single(m => m.File == "employment-rate.csv");
        var (content, _, problems) = DatasetImporter.ToReturn("employment-rate.csv", await File.ReadAllBytesAsync(Path.Combine(OnsFolder, "employment-rate.csv")), mapping);
        problems.Should().BeEmpty();

        var plan = await new ReturnImporter(db).PlanAsync("employment-rate.csv", content!);

        plan.HasErrors.Should().BeFalse();
        plan.AlreadyLoadedAs.Should().NotBeNull();
        plan.NewCount.Should().Be(0);
        plan.ChangedCount.Should().Be(0);
        plan.UnchangedCount.Should().Be(3240);
    }

    [Fact]
    public async Task A_corrupted_copy_is_refused_by_row_and_column_with_nothing_written()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceDbContext>();
        var before = await db.Values.CountAsync();
        var lines = (await File.ReadAllLinesAsync(Path.Combine(OnsFolder, "employment-rate.csv"), Encoding.UTF8)).ToList();
        lines[4] = "E10999999" + lines[4][lines[4].IndexOf(',', StringComparison.Ordinal)..]; // row 5: a code no authority has
        var cells = lines[8].Split(',');
        cells[5] = "seventy";                                                                   // row 9: not a number
        lines[8] = string.Join(',', cells);
        var corrupted = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        var mapping = Mappings().Single(m => m.File == "employment-rate.csv");

        var (content, _, problems) = DatasetImporter.ToReturn("employment-rate.csv", corrupted, mapping);

        content.Should().BeNull("a row that is not a number stops the file before anything is planned");
        problems.Select(p => (p.Row, p.Column)).Should().Equal((9, "observation"));

        // With the number fixed, the unknown code is still refused, by the dataset's row and column.
        cells[5] = "75.0";
        lines[8] = string.Join(',', cells);
        var (fixedContent, rowMap, _) = DatasetImporter.ToReturn("employment-rate.csv", Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), mapping);
        var plan = await new ReturnImporter(db).PlanAsync("employment-rate.csv", fixedContent!);
        plan.HasErrors.Should().BeTrue();
        plan.Errors.Select(p => DatasetImporter.ToDatasetProblem(p, "employment-rate.csv", rowMap)).Select(p => (p.Row, p.Column))
            .Should().Equal((5, "areacd"));
        (await db.Values.CountAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("/indicators/ES10", true)]
    [InlineData("/accessibility", true)]
    [InlineData("/indicators/FF01", false)]
    public async Task Pages_showing_ons_figures_carry_the_attribution(string url, bool expected)
    {
        var html = await Client.GetStringAsync(url);
        html.Contains("Source: Office for National Statistics licensed under the Open Government Licence v3.0", StringComparison.Ordinal).Should().Be(expected);
    }
}

using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LeicsPerformance.Web.Tests.Data;

[Collection(DatabaseCollection.Name)]
public sealed class SampleDataTests(TestDatabase database)
{
    /// <summary>The ONS datasets the seeder loads (data rows of data/ons/mapping.csv).</summary>
    private static readonly int OnsFiles = File.ReadAllLines(Path.Combine(TestDatabase.RepositoryRoot(), "data", "ons", "mapping.csv")).Skip(1).Count(l => l.Length > 0);

    [Fact]
    public void The_sample_data_loads_with_nothing_rejected()
    {
        database.SeedResult.Problems.Where(p => !p.IsWarning).Should().BeEmpty();
        database.SeedResult.Loaded.Should().HaveCount(4 + OnsFiles, "three files of the council's figures (2017/18, Chart 1, 2021/22), one of illustrative quarterly figures and the ONS datasets named in data/ons/mapping.csv");
    }

    [Fact]
    public async Task The_sample_data_holds_all_217_compendium_rows_and_150_authorities()
    {
        await using var db = TestDatabase.CreateContext(await database.CreateCopyAsync());
        // The compendiums' indicators (217 of 2017/18, 243 of 2021/22); codes starting with Q are the illustrative quarterly ones,
        // and the ONS indicators (data/catalogue/indicators-ons.csv) are not the council's.
        (await db.Indicators.CountAsync(i => !EF.Functions.Like(i.Code, "Q%") && !EF.Functions.Like(i.Source, "Office for National Statistics%"))).Should().Be(460);
        (await db.Indicators.CountAsync(i => !EF.Functions.Like(i.Code, "Q%") && i.Dashboard.EditionFirstPeriod == "FY2021")).Should().Be(243);
        // Two printed figures per row, each under its column's period or the one printed beside it ("31.3 (2017)");
        // the ONS datasets' figures (some in the council's own indicators, ES10 and others) are not the compendium's.
        (await db.Values.CountAsync(v => v.Indicator.Dashboard.EditionFirstPeriod == "FY2017" && v.Period.Code != "FY2018" && !EF.Functions.Like(v.Indicator.Code, "Q%") && !db.DataLoads.Any(l => l.Id == v.DataLoadId && l.FileName.StartsWith("ons/")))).Should().Be(434);
        (await db.Values.CountAsync(v => v.Indicator.Dashboard.EditionFirstPeriod == "FY2021")).Should().Be(486);
        (await db.Values.CountAsync(v => v.Period.Code == "FY2018")).Should().Be(150);
        (await db.Assessments.CountAsync(a => a.OfficerDirection != null)).Should().Be(460);
        (await db.ComparatorGroups.Where(g => g.Code == "county-councils" && g.Year == 2018).SelectMany(g => g.Members).CountAsync()).Should().Be(27);
    }

    [Fact]
    public async Task Printed_oddities_are_kept_with_their_meaning()
    {
        await using var db = TestDatabase.CreateContext(await database.CreateCopyAsync());
        var gva = await db.Values.SingleAsync(v => v.Indicator.Code == "SE01" && v.Period.Code == "FY2017");
        gva.Value.Should().Be(24_200_000_000m);
        gva.AsPrinted.Should().Be("£24.2bn");

        var ownPeriod = await db.Values.Where(v => v.AsPrinted == "31.3 (2017)").SingleAsync();
        ownPeriod.Value.Should().Be(31.3m);
        ownPeriod.Note.Should().Be("Data is for 2017");
        (await db.Periods.SingleAsync(p => p.Id == ownPeriod.PeriodId)).Code.Should().Be("CY2017", "a figure is stored as the period it is for");

        var noData = await db.Values.Where(v => v.AsPrinted == "No data").ToListAsync();
        noData.Should().NotBeEmpty().And.OnlyContain(v => v.Value == null && v.Status.ToCode() == "not available");

        var range = await db.Assessments.Where(a => a.ReportedQuartile == "1st/2nd").ToListAsync();
        range.Should().HaveCount(5).And.OnlyContain(a => a.QuartileBest == 1 && a.QuartileWorst == 2);
    }

    [Fact]
    public async Task The_2021_22_printed_forms_load_as_the_council_meant_them()
    {
        await using var db = TestDatabase.CreateContext(await database.CreateCopyAsync());

        // "4th*": the footnote's asterisk is kept as printed, the position is 4th
        var starred = await db.Assessments.Where(a => a.ReportedQuartile == "4th*").ToListAsync();
        starred.Should().HaveCount(5).And.OnlyContain(a => a.QuartileBest == 4 && a.QuartileWorst == 4);
        var month = await db.Assessments.SingleAsync(a => a.ReportedQuartile == "4th (Nov 2021)");
        month.QuartileNote.Should().Be("Nov 2021");

        // 505.7% is a real value of an unbounded percentage
        var excess = await db.Values.SingleAsync(v => v.AsPrinted == "505.7%");
        excess.Value.Should().Be(505.7m);
        (await db.Indicators.SingleAsync(i => i.Id == excess.IndicatorId)).PercentBounded.Should().BeFalse();

        // "32.4% (2021)" under "End of Yr 2021/22" is 2021's figure; the 2021/22 assessment shows it
        var nht = await db.Values.Include(v => v.Period).SingleAsync(v => v.AsPrinted == "32.4% (2021)");
        nht.Period.Code.Should().Be("CY2021");
        var shown = await db.Assessments.SingleAsync(a => a.IndicatorId == nht.IndicatorId && db.Periods.Any(p => p.Id == a.PeriodId && p.Code == "FY2021"));
        shown.ValuePeriodId.Should().Be(nht.PeriodId);

        // Officers' markers: 26 green ticks and 5 red circles
        (await db.Assessments.CountAsync(a => a.OfficerMarker == Marker.Exceptional)).Should().Be(26);
        (await db.Assessments.CountAsync(a => a.OfficerMarker == Marker.PerformanceIssue)).Should().Be(5);

        // A "-" arrow between two figures: not comparable (2022 exams after teacher-assessed grades)
        var attainment = await db.Values.SingleAsync(v => v.AsPrinted == "48.8" && v.Indicator.Dashboard.EditionFirstPeriod == "FY2021");
        attainment.Status.ToCode().Should().Be("not comparable");
    }

    [Fact]
    public async Task Loading_the_sample_data_again_changes_nothing()
    {
        var connectionString = await database.CreateCopyAsync();
        await using var db = TestDatabase.CreateContext(connectionString);
        var before = await db.ValueHistory.CountAsync();

        var again = await new SampleDataSeeder(db, NullLogger<SampleDataSeeder>.Instance).SeedAsync(Path.Combine(TestDatabase.RepositoryRoot(), "data"));

        again.Loaded.Should().BeEmpty("every returns file is already loaded");
        (await db.ValueHistory.CountAsync()).Should().Be(before);
        (await db.Indicators.CountAsync(i => !EF.Functions.Like(i.Code, "Q%") && !EF.Functions.Like(i.Source, "Office for National Statistics%"))).Should().Be(460);
    }

    [Fact]
    public async Task The_app_creates_migrates_and_seeds_an_empty_database_at_start_up_and_again_without_change()
    {
        var connectionString = database.EmptyDatabase();
        await using (var factory = new AppFactory(connectionString, loadSampleData: true))
        {
            using var client = factory.CreateClient();
            (await client.GetStringAsync(new Uri("/api/dashboards", UriKind.Relative))).Should().Contain("fair-funding");
        }

        await using (var factory = new AppFactory(connectionString, loadSampleData: true))
        {
            using var client = factory.CreateClient();
            (await client.GetStringAsync(new Uri("/api/dashboards", UriKind.Relative))).Should().Contain("fair-funding");
        }

        await using var db = TestDatabase.CreateContext(connectionString);
        (await db.DataLoads.CountAsync()).Should().Be(4 + OnsFiles, "the second start found every file already loaded");
        NpgsqlConnection.ClearAllPools();
    }

    [Fact]
    public async Task Every_mapped_column_exists_in_the_migrated_schema()
    {
        var connectionString = await database.CreateCopyAsync();
        await using var db = TestDatabase.CreateContext(connectionString);
        var actual = new HashSet<string>(StringComparer.Ordinal);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select table_name || '.' || column_name from information_schema.columns where table_schema = 'public'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                actual.Add(reader.GetString(0));
            }
        }

        var mapped = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}"))
            .ToList();
        mapped.Should().NotBeEmpty();
        mapped.Where(c => !actual.Contains(c)).Should().BeEmpty("every EF property needs a column created by a schema script");
    }
}

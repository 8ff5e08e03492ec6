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
    [Fact]
    public void The_sample_data_loads_with_nothing_rejected()
    {
        database.SeedResult.Problems.Where(p => !p.IsWarning).Should().BeEmpty();
        database.SeedResult.Loaded.Should().HaveCount(3, "two files of the council's figures and one of illustrative quarterly figures");
    }

    [Fact]
    public async Task The_sample_data_holds_all_217_compendium_rows_and_150_authorities()
    {
        await using var db = TestDatabase.CreateContext(await database.CreateCopyAsync());
        // The compendium's indicators; codes starting with Q are the illustrative quarterly ones (data/returns/illustrative).
        (await db.Indicators.CountAsync(i => !EF.Functions.Like(i.Code, "Q%"))).Should().Be(217);
        (await db.Values.CountAsync(v => v.Period.Code == "FY2017")).Should().Be(217);
        (await db.Values.CountAsync(v => v.Period.Code == "FY2016")).Should().Be(217);
        (await db.Values.CountAsync(v => v.Period.Code == "FY2018")).Should().Be(150);
        (await db.Assessments.CountAsync(a => a.OfficerDirection != null)).Should().Be(217);
        (await db.ComparatorGroups.Where(g => g.Code == "county-councils").SelectMany(g => g.Members).CountAsync()).Should().Be(27);
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

        var noData = await db.Values.Where(v => v.AsPrinted == "No data").ToListAsync();
        noData.Should().NotBeEmpty().And.OnlyContain(v => v.Value == null && v.Status == "not available");

        var range = await db.Assessments.Where(a => a.ReportedQuartile == "1st/2nd").ToListAsync();
        range.Should().HaveCount(5).And.OnlyContain(a => a.QuartileBest == 1 && a.QuartileWorst == 2);
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
        (await db.Indicators.CountAsync(i => !EF.Functions.Like(i.Code, "Q%"))).Should().Be(217);
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
        (await db.DataLoads.CountAsync()).Should().Be(3, "the second start found all three files already loaded");
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

using System.Text;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Tests.Catalogue;

[Collection(DatabaseCollection.Name)]
public sealed class LineageTests(TestDatabase database)
{
    [Fact]
    public async Task The_reviewed_lineage_links_2021_22_indicators_to_the_2017_18_ones_they_continue()
    {
        await using var db = TestDatabase.CreateContext(await database.CreateCopyAsync());
        var links = await db.Lineage.Select(l => new { Code = l.Indicator.Code, Continues = l.Continues.Code, l.DefinitionChanged }).ToListAsync();

        links.Should().HaveCount(168);
        links.Should().ContainEquivalentOf(new { Code = "FN01", Continues = "FF01", DefinitionChanged = false });
        links.Should().ContainEquivalentOf(new { Code = "EK06", Continues = "ES08", DefinitionChanged = true }, "JSA only became JSA and Universal Credit");
        links.Should().NotContain(l => l.Code == "EB08", "compliments are not complaints, however alike the titles");
    }

    [Fact]
    public async Task Loading_the_lineage_again_changes_nothing()
    {
        await using var db = TestDatabase.CreateContext(await database.CreateCopyAsync());
        var before = await db.Lineage.AsNoTracking().OrderBy(l => l.IndicatorId).ToListAsync();

        var problems = await new LineageImporter(db).ImportAsync(ShippedFile(), CancellationToken.None);

        problems.Should().BeEmpty();
        var after = await db.Lineage.AsNoTracking().OrderBy(l => l.IndicatorId).ToListAsync();
        after.Should().BeEquivalentTo(before);
    }

    [Theory]
    [InlineData("ZZ99,FF01,no,x", "code", "'ZZ99' is not an indicator code")]
    [InlineData("FN01,ZZ99,no,x", "continues", "'ZZ99' is not an indicator code")]
    [InlineData("FF01,FN01,no,x", "continues", "FN01 is not from an earlier edition than FF01")]
    [InlineData("FN02,FF02,maybe,x", "definition_changed", "Give yes or no")]
    [InlineData("FN02,FF02,no,", "evidence", "The evidence is blank")]
    [InlineData("FN02,FF01,no,x", "continues", "FF01 is already continued by the indicator on row 2")]
    public async Task A_bad_row_is_named_by_row_and_column_and_nothing_changes(string badRow, string column, string message)
    {
        await using var db = TestDatabase.CreateContext(await database.CreateCopyAsync());
        var before = await db.Lineage.AsNoTracking().CountAsync();
        var csv = "code,continues,definition_changed,evidence\nFN01,FF01,no,Same title\n" + badRow + "\n";

        await using var transaction = await db.Database.BeginTransactionAsync();
        var problems = await new LineageImporter(db).ImportAsync(
            CsvTable.Read("indicator-lineage.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), LineageImporter.RequiredColumns), CancellationToken.None);
        await transaction.CommitAsync();

        problems.Should().ContainSingle().Which.Should().Match<ImportProblem>(p => p.Row == 3 && p.Column == column && p.Message.Contains(message));
        (await db.Lineage.AsNoTracking().CountAsync()).Should().Be(before, "a file with a problem changes nothing");
    }

    private static CsvTable ShippedFile()
    {
        var path = Path.Combine(TestDatabase.RepositoryRoot(), "data", "catalogue", "indicator-lineage.csv");
        using var stream = File.OpenRead(path);
        return CsvTable.Read("indicator-lineage.csv", stream, LineageImporter.RequiredColumns);
    }
}

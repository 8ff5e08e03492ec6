using System.Text;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Tests.Imports;

[Collection(DatabaseCollection.Name)]
public sealed class ReturnWriterTests(TestDatabase database) : IAsyncLifetime
{
    private PerformanceDbContext db = null!;

    public async Task InitializeAsync() => db = TestDatabase.CreateContext(await database.CreateCopyAsync());

    public async Task DisposeAsync() => await db.DisposeAsync();

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_correction_keeps_history_and_an_identical_reload_changes_nothing()
    {
        var importer = new ReturnImporter(db);
        var plan = await importer.PlanAsync("correction.csv", Csv("indicator_code,period,value\nFF01,2017/18,£680\n"));
        plan.Changes.Single().Kind.Should().Be(ChangeKind.Changed);
        plan.Changes.Single().OldValue.Should().Be(677m);

        var load = await new ReturnWriter(db).CommitAsync(plan, LoadKind.Upload, "analyst@example");

        var value = await db.Values.SingleAsync(v => v.Indicator.Code == "FF01" && v.Period.Code == "FY2017" && v.Area.Code == "leicestershire");
        value.Value.Should().Be(680m);
        var history = await db.ValueHistory.Where(h => h.DataLoadId == load.Id).SingleAsync();
        history.OldValue.Should().Be(677m);
        history.NewValue.Should().Be(680m);

        var again = await new ReturnImporter(db).PlanAsync("correction.csv", Csv("indicator_code,period,value\nFF01,2017/18,£680\n"));
        again.AlreadyLoadedAs.Should().Be(load.Id);
        again.Changes.Single().Kind.Should().Be(ChangeKind.Unchanged);
    }

    [Fact]
    public async Task Values_changed_after_the_preview_stop_the_commit_and_are_named()
    {
        var first = await new ReturnImporter(db).PlanAsync("a.csv", Csv("indicator_code,period,value\nFF02,2017/18,£510\n"));
        var second = await new ReturnImporter(db).PlanAsync("b.csv", Csv("indicator_code,period,value\nFF02,2017/18,£520\nFF03,2017/18,£320\n"));

        await new ReturnWriter(db).CommitAsync(first, LoadKind.Upload, "analyst one");
        var commitSecond = async () => await new ReturnWriter(db).CommitAsync(second, LoadKind.Upload, "analyst two");

        var conflict = (await commitSecond.Should().ThrowAsync<ReturnConflictException>()).Which;
        conflict.Conflicts.Should().ContainSingle().Which.Should().Contain("FF02").And.Contain("504").And.Contain("510");
        (await db.Values.SingleAsync(v => v.Indicator.Code == "FF03" && v.Period.Code == "FY2017")).Value.Should().Be(314m, "nothing of the losing file is written");
    }
}

using System.Text;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Reporting;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Tests.Returns;

/// <summary>
/// The rule for merging a file's assessment cells into what is stored (a given cell replaces, a blank keeps) is
/// <see cref="AssessmentInput.AppliedTo"/>: the preview rates with it and the commit writes what it returns. Every column
/// the commit stores must be the one the preview showed, whichever cells a file gives.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class AssessmentMergeTests(TestDatabase database) : AppTest(database)
{
    [Theory]
    [InlineData("indicator_code,period,value,target\nFF01,2017/18,£680,£700\n")]
    [InlineData("indicator_code,period,value,commentary,quartile\nFF01,2017/18,£680,New words.,2nd (2016/17)\n")]
    [InlineData("indicator_code,period,value,direction,marker\nFF01,2017/18,£680,↓,●\n")]
    [InlineData("indicator_code,period,value,quartile,comparator_group\nFF01,2017/18,£680,1st/2nd,county-councils\n")]
    [InlineData("indicator_code,period,value\nFF01,2017/18,£680\n")]
    [InlineData("indicator_code,period,value,target,commentary,direction,marker\nFN05,2021/22,£125,£130,Words.,→,✓\n")]
    public async Task The_preview_merges_assessment_cells_exactly_as_the_commit_writes_them(string csv)
    {
        await using var db = TestDatabase.CreateContext(ConnectionString);
        var importer = new ReturnImporter(db);
        var plan = await importer.PlanAsync("merge.csv", Encoding.UTF8.GetBytes(csv));
        plan.HasErrors.Should().BeFalse(string.Join("; ", plan.Problems.Select(p => p.Message)));
        var line = plan.Changes.Single().Line;
        var periodId = await db.Periods.Where(p => p.Code == line.AssessmentPeriod.Code).Select(p => p.Id).SingleAsync();
        var stored = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.IndicatorId == line.IndicatorId && a.PeriodId == periodId);

        var previewed = line.Assessment is null ? stored : line.Assessment.AppliedTo(stored, line.IndicatorId, periodId);
        await new ReturnWriter(db).CommitAsync(plan, LoadKind.Upload, "test");
        db.ChangeTracker.Clear();
        var written = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.IndicatorId == line.IndicatorId && a.PeriodId == periodId);

        (written is null).Should().Be(previewed is null);
        if (written is null)
        {
            return;
        }

        var columns = new (string Name, object? Previewed, object? Written)[]
        {
            ("target_text", previewed!.TargetText, written.TargetText),
            ("commentary", previewed.Commentary, written.Commentary),
            ("officer_direction", previewed.OfficerDirection, written.OfficerDirection),
            ("reported_quartile", previewed.ReportedQuartile, written.ReportedQuartile),
            ("quartile_best", previewed.QuartileBest, written.QuartileBest),
            ("quartile_worst", previewed.QuartileWorst, written.QuartileWorst),
            ("quartile_note", previewed.QuartileNote, written.QuartileNote),
            ("quartile_group_code", previewed.QuartileGroupCode, written.QuartileGroupCode),
            ("officer_marker", previewed.OfficerMarker, written.OfficerMarker),
            ("definition_changed", previewed.DefinitionChanged, written.DefinitionChanged),
        };
        columns.Where(c => !Equals(c.Previewed, c.Written))
            .Select(c => $"{c.Name}: preview '{c.Previewed}', written '{c.Written}'")
            .Should().BeEmpty();
    }
}

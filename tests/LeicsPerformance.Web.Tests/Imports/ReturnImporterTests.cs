using System.Text;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeicsPerformance.Web.Tests.Imports;

[Collection(DatabaseCollection.Name)]
public sealed class ReturnImporterTests(TestDatabase database) : IAsyncLifetime
{
    private PerformanceDbContext db = null!;

    public async Task InitializeAsync() => db = TestDatabase.CreateContext(await database.CreateCopyAsync());

    public async Task DisposeAsync() => await db.DisposeAsync();

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Bad_values_are_reported_by_row_column_and_value_and_nothing_is_written()
    {
        var before = await db.Values.CountAsync();
        var file = Csv("""
            indicator_code,period,value
            FF01,2019/20,£700
            FF01,2019/20x,£700
            NOPE,2019/20,12
            ES08,2019/20,lots
            ES08,2019/20,£3
            ES08,2019/20,150%
            """);

        var plan = await new ReturnImporter(db).PlanAsync("bad.csv", file);

        plan.HasErrors.Should().BeTrue();
        plan.Errors.Select(p => (p.Row, p.Column)).Should().BeEquivalentTo(new[]
        {
            (3, "period"), (4, "indicator_code"), (5, "value"), (6, "value"), (7, "value"),
        });
        plan.Errors.Single(p => p.Row == 5).Message.Should().Contain("'lots' is not a number");
        plan.Errors.Single(p => p.Row == 6).Message.Should().Contain("percentage").And.Contain("pounds");
        plan.Errors.Single(p => p.Row == 7).Message.Should().Contain("more than 100%");
        plan.Errors.Single(p => p.Row == 3).ToString().Should().StartWith("Error: bad.csv row 3, column period:");

        var commit = async () => await new ReturnWriter(db).CommitAsync(plan, LoadKind.Upload, "test");
        await commit.Should().ThrowAsync<InvalidOperationException>();
        (await db.Values.CountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task What_people_type_is_accepted_BOM_CRLF_column_order_and_case_U2010_minus_and_commas()
    {
        var text = "\uFEFFValue,Period,Indicator_Code,Status\r\n\"£1,234\",2019/20,FF01,\r\n\u20100.5%,2019/20,ES08,provisional\r\n\r\n\r\n";
        var plan = await new ReturnImporter(db).PlanAsync("typed.csv", Csv(text));

        plan.Errors.Should().BeEmpty();
        plan.Changes.Should().HaveCount(2);
        plan.Changes[0].Line.Value.Should().Be(1234m);
        plan.Changes[1].Line.Value.Should().Be(-0.5m);
        plan.Changes[1].Line.Status.Should().Be(LeicsPerformance.Domain.Values.ValueStatus.Provisional);
    }

    [Fact]
    public async Task Duplicate_rows_and_frequency_mismatches_are_errors()
    {
        var plan = await new ReturnImporter(db).PlanAsync("dup.csv", Csv("""
            indicator_code,period,value
            FF01,2019/20,£700
            FF01,FY2019,£701
            FF01,Q1 2019/20,£702
            """));

        plan.Errors.Select(p => p.Row).Should().BeEquivalentTo(new[] { 3, 4 });
        plan.Errors.Single(p => p.Row == 3).Message.Should().Contain("row 2 already gives one");
        plan.Errors.Single(p => p.Row == 4).Message.Should().Contain("annual");
    }

    [Fact]
    public async Task A_tenfold_jump_is_a_warning_not_an_error()
    {
        var plan = await new ReturnImporter(db).PlanAsync("jump.csv", Csv("indicator_code,period,value\nFF01,2019/20,£7000\nFF01,2018/19,£677\n"));

        plan.HasErrors.Should().BeFalse();
        plan.Warnings.Should().ContainSingle().Which.Message.Should().Contain("more than ten times");
    }

    [Theory]
    [InlineData("", "The file is empty")]
    [InlineData("indicator_code;period;value\nFF01;2019/20;1\n", "semicolons")]
    [InlineData("code,when\nFF01,2019/20\n", "missing the columns")]
    [InlineData("indicator_code,period,value\nFF01,2019/20,1,2,3\n", "unquoted comma")]
    public async Task Unreadable_files_get_a_plain_message(string content, string expected)
    {
        var plan = await new ReturnImporter(db).PlanAsync("odd.csv", Csv(content));
        plan.HasErrors.Should().BeTrue();
        plan.Errors.Select(e => e.Message).Should().Contain(m => m.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Binary_junk_is_reported_as_not_text()
    {
        var junk = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE, 0x00, 0x81, 0x82, 0x0A };
        var plan = await new ReturnImporter(db).PlanAsync("book.xlsx", junk);
        plan.HasErrors.Should().BeTrue();
        plan.Errors.Select(e => e.Message).Should().Contain(m => m.Contains("not UTF-8 text", StringComparison.Ordinal) || m.Contains("missing the column", StringComparison.Ordinal));
    }
}

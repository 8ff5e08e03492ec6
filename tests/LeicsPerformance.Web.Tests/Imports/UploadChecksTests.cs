using System.Text;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeicsPerformance.Web.Tests.Imports;

/// <summary>
/// One reading of an uploaded file for returns, catalogue and committee files (<see cref="UploadChecks.ReadCsv"/>):
/// returns used to keep their own copy, worded for loads, which read an empty file as missing its columns too.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class UploadChecksTests(TestDatabase database) : AppTest(database)
{
    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void A_file_over_the_row_limit_is_refused_whole_in_the_words_of_its_kind_with_its_rows_counted()
    {
        var content = Csv("indicator_code,period,value\nFF01,2017/18,1\nFF01,2018/19,2\nFF01,2019/20,3\n");

        var (table, refusal, rows) = UploadChecks.ReadCsv("big.csv", content, maxRows: 2);
        table.Should().BeNull();
        rows.Should().Be(3);
        refusal.Should().ContainSingle().Which.Message.Should().Be(
            "The file has 3 rows under its heading, more than the 2 one upload may hold. Split it into smaller files and upload each.");

        var (_, asReturn, _) = UploadChecks.ReadCsv("big.csv", content, maxRows: 2, rowsAre: "rows of values", limitOf: "one load");
        asReturn.Should().ContainSingle().Which.Message.Should().Be(
            "The file has 3 rows of values, more than the 2 one load may hold. Split it into smaller files and upload each.");
    }

    [Fact]
    public void A_heading_row_of_blank_cells_is_read_so_the_caller_names_the_headings_it_needs()
    {
        var (table, refusal, rows) = UploadChecks.ReadCsv("blank-heading.csv", Csv(",,\nFF01,2017/18,1\n"), maxRows: 10);
        refusal.Should().BeEmpty();
        table.Should().NotBeNull();
        rows.Should().Be(1);
    }

    [Fact]
    public async Task A_return_of_blank_lines_is_refused_once_as_empty_and_a_blank_heading_is_named()
    {
        using var scope = Factory.Services.CreateScope();
        var uploads = scope.ServiceProvider.GetRequiredService<ReturnUploads>();

        var empty = await uploads.PlanAsync("blank-lines.csv", Csv("\n\n\n"), CancellationToken.None);
        empty.Problems.Should().ContainSingle().Which.Message.Should().StartWith("The file is empty: it needs a heading row");

        var blankHeading = await uploads.PlanAsync("blank-heading.csv", Csv(",,\nFF01,2017/18,1\n"), CancellationToken.None);
        blankHeading.Errors.Should().ContainSingle().Which.Message.Should().StartWith("The heading row is missing the columns indicator_code, period, value.");
    }
}

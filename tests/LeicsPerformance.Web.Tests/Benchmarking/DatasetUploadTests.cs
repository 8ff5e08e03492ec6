using System.Net;
using System.Text;
using LeicsPerformance.Web.Tests.Infrastructure;
using static LeicsPerformance.Web.Tests.Returns.ReturnsTestSupport;

namespace LeicsPerformance.Web.Tests.Benchmarking;

/// <summary>An analyst loads a published ONS dataset on /returns, as downloaded: preview, confirm, history, revert.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class DatasetUploadTests(TestDatabase database) : IAsyncLifetime
{
    private const string FileName = "ks2-reading-writing-maths-expected-standard.csv";

    private const string Ks2Values =
        "from indicator_value v join indicator i on i.id = v.indicator_id where i.code = 'SA05' and v.data_load_id in (select id from data_load where file_name like '%" + FileName + "')";

    private static readonly byte[] Shipped = File.ReadAllBytes(Path.Combine(TestDatabase.RepositoryRoot(), "data", "ons", FileName));

    private string connectionString = string.Empty;
    private AppFactory factory = null!;

    public async Task InitializeAsync()
    {
        connectionString = await database.CreateCopyAsync();
        factory = new AppFactory(connectionString);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private static int LoadIdOf(HttpResponseMessage redirect) =>
        int.Parse(redirect.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

    private async Task RevertAsync(HttpClient analyst, long loadId)
    {
        var revert = await SubmitAsync(analyst, await PageAsync(analyst, $"/audit/{loadId}/revert"), "revert-button");
        revert.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_shipped_file_uploaded_again_changes_nothing_and_after_a_revert_loads_through_preview_confirm_and_revert()
    {
        var analyst = await SignInAsync(factory, "analyst@example.org", "analyst");
        var seeded = await ScalarAsync<long>(connectionString, "select count(*) " + Ks2Values);
        seeded.Should().BeGreaterThan(1000, "the seeder loaded the file at start-up");

        // As shipped, the file is already loaded: the preview says so and offers nothing to confirm.
        var before = await FingerprintAsync(connectionString);
        var (_, again, _) = await UploadAndPreviewAsync(analyst, "/returns", FileName, Shipped);
        again.GetElementById("already-loaded").Should().NotBeNull();
        again.GetElementById("confirm-button").Should().BeNull();
        (await FingerprintAsync(connectionString)).Should().Equal(before, "loading a shipped file again changes nothing");

        // Take the seeder's load back out, then load the file as an analyst would after downloading it.
        var seedLoad = await ScalarAsync<int>(connectionString, $"select id from data_load where file_name = 'ons/{FileName}'");
        await RevertAsync(analyst, seedLoad);
        (await ScalarAsync<long>(connectionString, "select count(*) from indicator_value v join indicator i on i.id = v.indicator_id where i.code = 'SA05' and v.area_id <> (select id from area where code = 'leicestershire')"))
            .Should().Be(0, "the revert took every comparator's KS2 figure out");

        var (_, preview, status) = await UploadAndPreviewAsync(analyst, "/returns", FileName, Shipped);
        status.Should().Be(HttpStatusCode.OK);
        preview.GetElementById("error-summary").Should().BeNull();
        Text(preview).Should().Contain(FileName);
        var confirm = await SubmitAsync(analyst, preview, "confirm-button");
        confirm.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var load = LoadIdOf(confirm);

        (await ScalarAsync<long>(connectionString, $"select count(*) from indicator_value where data_load_id = {load}")).Should().Be(seeded);
        (await ScalarAsync<string>(connectionString, $"select kind from data_load where id = {load}")).Should().Be("upload");
        (await ScalarAsync<long>(connectionString, $"select count(*) from indicator_value_history where data_load_id = {load}")).Should().Be(seeded, "every value's arrival is in the history");
        Text(await PageAsync(analyst, $"/audit/{load}")).Should().Contain(FileName);

        await RevertAsync(analyst, load);
        (await ScalarAsync<long>(connectionString, $"select count(*) from indicator_value where data_load_id = {load}")).Should().Be(0, "the revert removes what the upload added");
    }

    [Theory]
    [InlineData("E10000018", "E10000099", "areacd")]
    [InlineData(",61,", ",6l,", "Observation")]
    public async Task A_corrupted_copy_is_refused_by_row_and_column_and_nothing_is_written(string find, string replace, string column)
    {
        var analyst = await SignInAsync(factory, "analyst@example.org", "analyst");
        var lines = Encoding.UTF8.GetString(Shipped).Split('\n').ToList();
        var index = lines.FindIndex(1, l => l.Contains(find, StringComparison.Ordinal) && (find.StartsWith(',') || l.StartsWith(find, StringComparison.Ordinal)));
        index.Should().BePositive();
        var position = lines[index].IndexOf(find, StringComparison.Ordinal);
        lines[index] = lines[index][..position] + replace + lines[index][(position + find.Length)..];
        var corrupted = Encoding.UTF8.GetBytes(string.Join('\n', lines));

        var before = await FingerprintAsync(connectionString);
        var (_, preview, _) = await UploadAndPreviewAsync(analyst, "/returns", FileName, corrupted);

        preview.GetElementById("confirm-button").Should().BeNull();
        var errors = preview.QuerySelectorAll("#errors-table tbody tr").Select(r => Text(Parse(r.OuterHtml))).ToList();
        errors.Should().ContainSingle();
        var row = (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        errors[0].Should().Contain(row).And.ContainEquivalentOf(column, $"the error names the dataset's row {row} and its {column} column");
        (await FingerprintAsync(connectionString)).Should().Equal(before, "nothing is written");
    }
}

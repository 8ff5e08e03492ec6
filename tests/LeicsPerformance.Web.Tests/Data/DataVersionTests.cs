using System.Net.Http.Json;
using System.Text.Json;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Tests.Infrastructure;
using LeicsPerformance.Web.Tests.Returns;
using LeicsPerformance.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LeicsPerformance.Web.Tests.Data;

/// <summary>The data version in the database: moved by every committed write to what the pages show, and nothing else.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class DataVersionTests(TestDatabase database) : AppTest(database)
{
    /// <summary>The tables 011_instances_agree.sql leaves out on purpose: accounts, waiting uploads, keys, bookkeeping.</summary>
    private static readonly string[] WithoutTrigger = ["schema_version", "data_version", "data_protection_key", "pending_upload"];

    [Fact]
    public async Task Every_table_the_pages_read_moves_the_data_version()
    {
        var missing = await ListAsync($"""
            select t.table_name from information_schema.tables t
            where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
              and t.table_name not in ({string.Join(", ", WithoutTrigger.Select(n => $"'{n}'"))}) and t.table_name not like 'app\_%'
              and not exists (select 1 from pg_trigger g where g.tgrelid = ('public.' || quote_ident(t.table_name))::regclass
                              and g.tgname = t.table_name || '_moves_data_version')
            order by 1
            """);
        missing.Should().BeEmpty("a new table the pages read needs the data-version trigger (see 011_instances_agree.sql)");
        (await ListAsync("select tgname::text from pg_trigger where tgname = 'indicator_value_moves_data_version'")).Should().ContainSingle();
    }

    [Fact]
    public async Task The_version_moves_once_at_commit_and_not_for_a_rollback()
    {
        var before = await VersionAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await ExecuteAsync(connection, transaction, "update indicator_value set value = value + 1");
            await ExecuteAsync(connection, transaction, "update area set name = name || ''");
            (await VersionAsync()).Should().Be(before, "other sessions do not see the move before the commit");
            await transaction.CommitAsync();
        }

        (await VersionAsync()).Should().Be(before + 1, "one transaction, however many rows and tables, moves it once");

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await ExecuteAsync(connection, transaction, "update indicator_value set value = value + 1");
            await transaction.RollbackAsync();
        }

        (await VersionAsync()).Should().Be(before + 1, "a rolled-back write changes nothing");
        await ExecuteAsync(connection, null, "update app_user set display_name = display_name");
        (await VersionAsync()).Should().Be(before + 1, "account changes do not empty the page cache");
    }

    [Fact]
    public async Task Cached_answers_are_kept_until_the_version_moves()
    {
        (await Ff02Async()).Should().Be("£504");

        // A write that does not move the version (triggers off for this session) is not seen: the cache is in use...
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, null, "set session_replication_role = replica");
        await ExecuteAsync(connection, null, FF02To(505));
        (await Ff02Async()).Should().Be("£504", "the answer comes from the output cache");

        // ...and the next write that does move it is, as soon as its notification arrives.
        await ExecuteAsync(connection, null, "set session_replication_role = origin");
        await ExecuteAsync(connection, null, FF02To(506));
        (await Soon.AnswerAsync(Ff02Async, "£506")).Should().Be("£506");
    }

    [Fact]
    public async Task While_listening_a_cached_answer_costs_no_database_read()
    {
        var version = Factory.Services.GetRequiredService<DataVersion>();
        (await Ff02Async()).Should().Be("£504");
        (await Soon.TrueAsync(() => version.Listening)).Should().BeTrue("the instance listens for data version changes once started");

        var before = version.DatabaseReads;
        for (var i = 0; i < 20; i++)
        {
            (await Ff02Async()).Should().Be("£504");
        }

        version.DatabaseReads.Should().Be(before, "the version is held in memory while notifications arrive");

        // Another writer's commit arrives as a notification, and the cached answer gives way.
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, null, FF02To(507));
        (await Soon.AnswerAsync(Ff02Async, "£507")).Should().Be("£507");
        version.DatabaseReads.Should().Be(before, "the new number came by notification, not by a read");
    }

    [Fact]
    public async Task A_lost_listener_reads_per_request_meanwhile_and_listens_again()
    {
        var version = Factory.Services.GetRequiredService<DataVersion>();
        (await Ff02Async()).Should().Be("£504");
        (await Soon.TrueAsync(() => version.Listening)).Should().BeTrue();

        // The listener's connection is cut (as by a database restart or a network fault).
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, null, $"""
            select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and application_name = '{DataVersionListener.ApplicationName}'
            """);
        (await Soon.TrueAsync(() => !version.Listening)).Should().BeTrue("a lost connection stops the memory being trusted");

        // Not listening: a write nobody is told about is still seen on the next request, read from the database.
        await ExecuteAsync(connection, null, FF02To(508));
        (await Ff02Async()).Should().Be("£508", "without the listener every request reads the version");

        // It listens again by itself, and notifications work again.
        (await Soon.TrueAsync(() => version.Listening)).Should().BeTrue("the listener reconnects");
        await ExecuteAsync(connection, null, FF02To(509));
        (await Soon.AnswerAsync(Ff02Async, "£509")).Should().Be("£509");
    }

    [Fact]
    public async Task A_signed_in_reader_is_served_the_rated_dashboard_from_memory_until_the_version_moves()
    {
        // Signed-in readers never get the output cache; the rated dashboard is kept in memory per data version instead.
        using var reader = await ReturnsTestSupport.SignInAsync(Factory, "memo-reader@example.org", Roles.Viewer);
        (await Ff02Async(reader)).Should().Be("£504");

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, null, "set session_replication_role = replica");
        await ExecuteAsync(connection, null, FF02To(505));
        (await Ff02Async(reader)).Should().Be("£504", "the rating for this data version is reused");

        await ExecuteAsync(connection, null, "set session_replication_role = origin");
        await ExecuteAsync(connection, null, FF02To(506));
        (await Soon.AnswerAsync(() => Ff02Async(reader), "£506")).Should().Be("£506", "a committed change moves the version, so the dashboard is rated again");
        (await Ff02Async(Client)).Should().Be("£506", "anonymous readers see the same");
    }

    private static string FF02To(int value) => $"""
        update indicator_value v set value = {value}
        from indicator i, reporting_period p, area a
        where i.id = v.indicator_id and p.id = v.period_id and a.id = v.area_id
          and i.code = 'FF02' and p.code = 'FY2017' and a.code = 'leicestershire'
        """;

    private async Task<string> Ff02Async() => await Ff02Async(Client);

    private static async Task<string> Ff02Async(HttpClient client)
    {
        var dashboard = await client.GetFromJsonAsync<JsonElement>("/api/dashboards/fair-funding?period=2017/18");
        return dashboard.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "FF02")
            .GetProperty("current").GetProperty("display").GetString()!;
    }

    private async Task<long> VersionAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("select version from data_version", connection);
        return (long)(await read.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string>();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}

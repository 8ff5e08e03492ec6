using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeicsPerformance.Web.Tests.Data;

/// <summary>
/// The typed catalogue and values against the real schema: what EF writes is the text code the columns held before
/// they were typed, queries over enums translate through the converters, and a stored code that is none of the known
/// ones fails naming it rather than reading as a default.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class StoredCodeTests(TestDatabase database) : IAsyncLifetime
{
    private string connectionString = string.Empty;

    public async Task InitializeAsync() => connectionString = await database.CreateCopyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_value_status_is_stored_as_its_code_and_reads_back()
    {
        var id = await ScalarAsync<long>("select min(id) from indicator_value");
        foreach (var status in Enum.GetValues<ValueStatus>())
        {
            await using (var db = TestDatabase.CreateContext(connectionString))
            {
                var value = await db.Values.SingleAsync(v => v.Id == id);
                value.Status = status;
                await db.SaveChangesAsync();
            }

            (await ScalarAsync<string>($"select status from indicator_value where id = {id}")).Should().Be(status.ToCode());
            await using (var db = TestDatabase.CreateContext(connectionString))
            {
                (await db.Values.AsNoTracking().SingleAsync(v => v.Id == id && v.Status == status)).Status.Should().Be(status);
            }
        }
    }

    [Fact]
    public async Task An_indicator_stores_polarity_unit_scale_frequency_and_rule_as_the_codes_held_today()
    {
        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            var indicator = await db.Indicators.OrderBy(i => i.Id).FirstAsync();
            indicator.Polarity = Polarity.LowIsGood;
            indicator.Unit = Unit.Currency;
            indicator.Scale = Scale.Millions;
            indicator.Frequency = Frequency.Quarterly;
            indicator.NoRealChangeRule = new NoRealChangeRule(NoRealChangeKind.RelativeTolerance, 1m);
            await db.SaveChangesAsync();
        }

        var id = await ScalarAsync<int>("select min(id) from indicator");
        (await ScalarAsync<string>($"select polarity || '|' || unit || '|' || scale || '|' || frequency || '|' || no_real_change_rule from indicator where id = {id}"))
            .Should().Be("low|currency|millions|quarterly|relative:1%");

        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            var back = await db.Indicators.AsNoTracking().SingleAsync(i => i.Id == id);
            (back.Polarity, back.Unit, back.Scale, back.Frequency, back.NoRealChangeRule.Code)
                .Should().Be((Polarity.LowIsGood, Unit.Currency, Scale.Millions, Frequency.Quarterly, "relative:1%"));
        }
    }

    [Theory]
    [InlineData(LoadKind.Seed, "seed")]
    [InlineData(LoadKind.Upload, "upload")]
    [InlineData(LoadKind.Import, "import")]
    [InlineData(LoadKind.Revert, "revert")]
    [InlineData(LoadKind.Catalogue, "catalogue")]
    [InlineData(LoadKind.CatalogueDashboards, "catalogue-dashboards")]
    [InlineData(LoadKind.CatalogueLineage, "catalogue-lineage")]
    [InlineData(LoadKind.Committees, "committees")]
    [InlineData(LoadKind.CommitteeScope, "committee-scope")]
    [InlineData(LoadKind.CommitteeMeetings, "committee-meetings")]
    [InlineData(LoadKind.CommitteePrompts, "committee-prompts")]
    public async Task Every_load_kind_is_stored_as_its_code_and_reads_back(LoadKind kind, string code)
    {
        kind.ToCode().Should().Be(code);
        LoadKinds.FromCode(code).Should().Be(kind);
        Enum.GetValues<LoadKind>().Select(k => k.ToCode()).Should().OnlyHaveUniqueItems();

        var id = await ScalarAsync<int>("select min(id) from data_load");
        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            (await db.DataLoads.SingleAsync(l => l.Id == id)).Kind = kind;
            await db.SaveChangesAsync();
        }

        (await ScalarAsync<string>($"select kind from data_load where id = {id}")).Should().Be(code);
        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            (await db.DataLoads.AsNoTracking().CountAsync(l => l.Id == id && l.Kind == kind)).Should().Be(1);
        }

        await ExecuteAsync($"update data_load set kind = 'sideload' where id = {id}");
        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            var read = () => db.DataLoads.AsNoTracking().SingleAsync(l => l.Id == id);
            (await read.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("'sideload'").And.Contain("LoadKind");
        }
    }

    [Fact]
    public async Task Queries_over_enums_translate_to_the_stored_codes()
    {
        var quarterly = await ScalarAsync<long>("select count(*) from indicator where frequency = 'quarterly'");
        var numeric = await ScalarAsync<long>("select count(*) from indicator_value where status in ('published', 'provisional')");
        var changes = await ScalarAsync<long>("select count(*) from indicator_value_history where old_status = 'published' or new_status = 'not available'");
        ValueStatus[] rankable = [ValueStatus.Published, ValueStatus.Provisional];

        await using var db = TestDatabase.CreateContext(connectionString);
        (await db.Indicators.CountAsync(i => i.Frequency == Frequency.Quarterly)).Should().Be((int)quarterly);
        (await db.Values.CountAsync(v => rankable.Contains(v.Status))).Should().Be((int)numeric);
        (await db.Values.CountAsync(v => v.Status == ValueStatus.Published || v.Status == ValueStatus.Provisional)).Should().Be((int)numeric);
        (await db.ValueHistory.CountAsync(h => h.OldStatus == ValueStatus.Published || h.NewStatus == ValueStatus.NotAvailable)).Should().Be((int)changes);
        quarterly.Should().BePositive("the sample catalogue has quarterly indicators");
    }

    [Fact]
    public async Task A_stored_code_that_is_not_known_fails_naming_it()
    {
        // No check constraint guards the rule; the status has one, dropped here to stand for a row written by other means.
        await ExecuteAsync("update indicator set no_real_change_rule = 'sometimes' where id = (select min(id) from indicator)");
        await ExecuteAsync("alter table indicator_value drop constraint indicator_value_status_check");
        await ExecuteAsync("update indicator_value set status = 'final' where id = (select min(id) from indicator_value)");

        await using var db = TestDatabase.CreateContext(connectionString);
        var readIndicators = () => db.Indicators.AsNoTracking().ToListAsync();
        (await readIndicators.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("'sometimes'");
        var readValues = () => db.Values.AsNoTracking().ToListAsync();
        (await readValues.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("'final'").And.Contain("ValueStatus");
    }

    [Fact]
    public async Task An_assessment_stores_the_officers_arrow_and_marker_as_the_codes_held_today()
    {
        var id = await ScalarAsync<long>("select min(id) from indicator_assessment");
        foreach (var (direction, marker) in Enum.GetValues<Direction>().Zip(Enum.GetValues<Marker>().Concat([Marker.None])))
        {
            await using (var db = TestDatabase.CreateContext(connectionString))
            {
                var assessment = await db.Assessments.SingleAsync(a => a.Id == id);
                (assessment.OfficerDirection, assessment.OfficerMarker) = (direction, marker);
                await db.SaveChangesAsync();
            }

            (await ScalarAsync<string>($"select officer_direction || '|' || officer_marker from indicator_assessment where id = {id}"))
                .Should().Be($"{direction.ToCode()}|{marker.ToCode()}");
            await using (var db = TestDatabase.CreateContext(connectionString))
            {
                (await db.Assessments.AsNoTracking().CountAsync(a => a.Id == id && a.OfficerDirection == direction && a.OfficerMarker == marker)).Should().Be(1);
            }
        }

        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == id);
            (assessment.OfficerDirection, assessment.OfficerMarker) = (null, null);
            await db.SaveChangesAsync();
        }

        (await ScalarAsync<long>($"select count(*) from indicator_assessment where id = {id} and officer_direction is null and officer_marker is null")).Should().Be(1);
    }

    [Fact]
    public async Task Period_prompt_and_pending_upload_kinds_are_stored_as_the_codes_held_today()
    {
        var periodId = await ScalarAsync<int>("select min(id) from reporting_period");
        foreach (var kind in Enum.GetValues<PeriodKind>())
        {
            await using (var db = TestDatabase.CreateContext(connectionString))
            {
                (await db.Periods.SingleAsync(p => p.Id == periodId)).Kind = kind;
                await db.SaveChangesAsync();
            }

            (await ScalarAsync<string>($"select kind from reporting_period where id = {periodId}")).Should().Be(kind.ToString());
        }

        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            foreach (var kind in Enum.GetValues<PromptKind>())
            {
                db.QuestioningPrompts.Add(new QuestioningPrompt { Kind = kind, SortOrder = 1000, Text = "Stored as " + kind.ToCode() });
            }

            foreach (var kind in Enum.GetValues<PendingUploadKind>())
            {
                db.PendingUploads.Add(new PendingUpload { Kind = kind, UserName = "codes", FileName = kind.ToCode() + ".csv", Sha256 = "0", Content = [1] });
            }

            await db.SaveChangesAsync();
        }

        (await ScalarAsync<string>("select string_agg(kind || '=' || text, ',' order by kind) from questioning_prompt where sort_order = 1000"))
            .Should().Be("introduction=Stored as introduction,prompt=Stored as prompt");
        (await ScalarAsync<string>("select string_agg(kind || '=' || file_name, ',' order by kind) from pending_upload where user_name = 'codes'"))
            .Should().Be("catalogue=catalogue.csv,committees=committees.csv,returns=returns.csv");
        Enum.GetValues<PromptKind>().Select(k => k.ToCode()).Should().OnlyHaveUniqueItems();
        Enum.GetValues<PendingUploadKind>().Select(k => k.ToCode()).Should().OnlyHaveUniqueItems();

        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            foreach (var kind in Enum.GetValues<PendingUploadKind>())
            {
                (await db.PendingUploads.AsNoTracking().SingleAsync(p => p.UserName == "codes" && p.Kind == kind)).FileName.Should().Be(kind.ToCode() + ".csv");
                PendingUploadKinds.FromCode(kind.ToCode()).Should().Be(kind);
            }

            foreach (var kind in Enum.GetValues<PromptKind>())
            {
                (await db.QuestioningPrompts.AsNoTracking().SingleAsync(p => p.SortOrder == 1000 && p.Kind == kind)).Text.Should().Be("Stored as " + kind.ToCode());
                PromptKinds.FromCode(kind.ToCode()).Should().Be(kind);
            }
        }
    }

    [Fact]
    public async Task Queries_over_the_kinds_and_the_officers_calls_translate_to_the_stored_codes()
    {
        var quarters = await ScalarAsync<long>("select count(*) from reporting_period where kind = 'FinancialQuarter'");
        var years = await ScalarAsync<long>("select count(*) from reporting_period where kind in ('FinancialYear', 'CalendarYear')");
        var prompts = await ScalarAsync<long>("select count(*) from questioning_prompt where kind = 'prompt'");
        var ticks = await ScalarAsync<long>("select count(*) from indicator_assessment where officer_marker = 'exceptional'");
        var judged = await ScalarAsync<long>("select count(*) from indicator_assessment where officer_direction in ('noRealChange', 'notDetermined')");
        PeriodKind[] yearKinds = [PeriodKind.FinancialYear, PeriodKind.CalendarYear];
        Direction[] judgements = [Direction.NoRealChange, Direction.NotDetermined];

        await using var db = TestDatabase.CreateContext(connectionString);
        (await db.Periods.CountAsync(p => p.Kind == PeriodKind.FinancialQuarter)).Should().Be((int)quarters);
        (await db.Periods.CountAsync(p => yearKinds.Contains(p.Kind))).Should().Be((int)years);
        (await db.QuestioningPrompts.CountAsync(p => p.Kind == PromptKind.Prompt)).Should().Be((int)prompts);
        (await db.Assessments.CountAsync(a => a.OfficerMarker == Marker.Exceptional)).Should().Be((int)ticks);
        (await db.Assessments.CountAsync(a => a.OfficerDirection != null && judgements.Contains(a.OfficerDirection.Value))).Should().Be((int)judged);
        new[] { quarters, years, prompts, ticks, judged }.Should().OnlyContain(count => count > 0, "the sample data holds each");
    }

    [Fact]
    public async Task An_unknown_period_kind_marker_or_prompt_kind_fails_naming_it()
    {
        // No check constraint guards a period's kind or an officers' marker; the prompt's, dropped here, stands for a row written by other means.
        await ExecuteAsync("update reporting_period set kind = 'Quarter' where id = (select min(id) from reporting_period)");
        await ExecuteAsync("update indicator_assessment set officer_marker = 'tick' where id = (select min(id) from indicator_assessment)");
        await ExecuteAsync("alter table questioning_prompt drop constraint questioning_prompt_kind_check");
        await ExecuteAsync("update questioning_prompt set kind = 'question' where id = (select min(id) from questioning_prompt)");

        await using var db = TestDatabase.CreateContext(connectionString);
        var readPeriods = () => db.Periods.AsNoTracking().ToListAsync();
        (await readPeriods.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("'Quarter'").And.Contain("PeriodKind");
        var readAssessments = () => db.Assessments.AsNoTracking().ToListAsync();
        (await readAssessments.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("'tick'").And.Contain("Marker");
        var readPrompts = () => db.QuestioningPrompts.AsNoTracking().ToListAsync();
        (await readPrompts.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("'question'").And.Contain("PromptKind");
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

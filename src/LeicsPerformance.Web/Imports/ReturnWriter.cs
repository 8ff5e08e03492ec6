using System.Data;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Domain.Ratings;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LeicsPerformance.Web.Imports;

/// <summary>
/// Writes a checked returns file (<see cref="ReturnPlan"/>) in one transaction: the load record, every new and changed
/// value with its history (binary COPY into a temporary table, then set-based SQL), and the assessments, each the
/// stored one with the file's cells applied by <see cref="AssessmentInput.AppliedTo"/>.
/// </summary>
public sealed class ReturnWriter(PerformanceDbContext db, TimeProvider? clock = null)
{
    /// <summary>
    /// Writes a plan with no errors in one transaction: the load record, every new and changed value (with its
    /// history), and the assessments. If any value changed since the plan was made, nothing is written and
    /// <see cref="ReturnConflictException"/> names what changed.
    /// </summary>
    /// <param name="isIllustrative">The file holds made-up figures (the sample quarterly returns): recorded on the load so
    /// every page that shows its values can say they are not the council's data.</param>
    public async Task<DataLoad> CommitAsync(ReturnPlan plan, LoadKind kind, string loadedBy, CancellationToken ct = default, bool isIllustrative = false)
    {
        if (plan.HasErrors)
        {
            throw new InvalidOperationException("A file with errors cannot be committed; fix the rows named and check it again.");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();

            var load = new DataLoad
            {
                Kind = kind,
                FileName = plan.FileName,
                Sha256 = plan.Sha256,
                LoadedBy = loadedBy,
                LoadedAt = (clock ?? TimeProvider.System).GetUtcNow(),
                RowsRead = plan.RowsRead,
                RowsAdded = plan.NewCount,
                RowsChanged = plan.ChangedCount,
                RowsUnchanged = plan.UnchangedCount,
                RowsRejected = plan.RejectedRowCount,
            };
            db.DataLoads.Add(load);
            db.Entry(load).Property("IsIllustrative").CurrentValue = isIllustrative;
            await db.SaveChangesAsync(ct);

            var periodIds = await EnsurePeriodsAsync(plan.Changes.SelectMany(c => new[] { c.Line.Period, c.Line.AssessmentPeriod }).DistinctBy(p => p.Code), ct);
            await WriteValuesAsync(connection, plan, load.Id, periodIds, ct);
            await WriteAssessmentsAsync(connection, plan, load.Id, periodIds, ct);

            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return load;
        });
    }

    private async Task<Dictionary<string, int>> EnsurePeriodsAsync(IEnumerable<ReportingPeriod> periods, CancellationToken ct)
    {
        var list = periods.ToList();
        var codes = list.Select(p => p.Code).ToArray();
        var known = await db.Periods.Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        foreach (var period in list.Where(p => !known.ContainsKey(p.Code)))
        {
            // "on conflict do nothing" so two loads adding the same new period at once both succeed.
            await db.Database.ExecuteSqlAsync(
                $"insert into reporting_period (code, kind, label, start_date, end_date) values ({period.Code}, {period.Kind.ToCode()}, {period.Label}, {period.Start}, {period.End}) on conflict (code) do nothing",
                ct);
        }

        return list.Count == known.Count
            ? known
            : await db.Periods.Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, ct);
    }

    private static async Task WriteValuesAsync(NpgsqlConnection connection, ReturnPlan plan, int loadId, Dictionary<string, int> periodIds, CancellationToken ct)
    {
        await Execute(connection, """
            create temp table incoming_value (
                indicator_id integer not null, area_id integer not null, period_id integer not null,
                value numeric, status text not null, as_printed text not null, note text not null,
                numerator numeric, denominator numeric, lower_limit numeric, upper_limit numeric,
                expected_exists boolean not null, expected_value numeric, expected_status text
            ) on commit drop
            """, ct);

        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy incoming_value (indicator_id, area_id, period_id, value, status, as_printed, note, numerator, denominator, lower_limit, upper_limit, expected_exists, expected_value, expected_status) from stdin (format binary)", ct))
        {
            foreach (var change in plan.Changes)
            {
                var line = change.Line;
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(line.IndicatorId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(line.AreaId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(periodIds[line.Period.Code], NpgsqlDbType.Integer, ct);
                await WriteNullable(copy, line.Value, ct);
                await copy.WriteAsync(line.Status.ToCode(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(line.AsPrinted, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(line.Note, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, line.Limits?.Numerator, ct);
                await WriteNullable(copy, line.Limits?.Denominator, ct);
                await WriteNullable(copy, line.Limits?.Lower, ct);
                await WriteNullable(copy, line.Limits?.Upper, ct);
                await copy.WriteAsync(change.Kind != ChangeKind.New, NpgsqlDbType.Boolean, ct);
                await WriteNullable(copy, change.OldValue, ct);
                if (change.OldStatus is null)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(change.OldStatus.Value.ToCode(), NpgsqlDbType.Text, ct);
                }
            }

            await copy.CompleteAsync(ct);
        }

        // A temporary table has no statistics until analysed; without them the joins below are planned for a handful
        // of rows and run as nested loops over a 100,000-row file.
        await Execute(connection, "analyze incoming_value", ct);

        // One commit at a time (they are short): then "nothing moved since the preview" stays true until we commit,
        // and of two analysts committing overlapping files one wins and the other is told what changed.
        await Execute(connection, $"select pg_advisory_xact_lock({AdvisoryLocks.Writes})", ct);
        var conflicts = new List<string>();
        await using (var check = new NpgsqlCommand("""
            with moved as (
                select i.indicator_id, i.area_id, i.period_id, v.value, v.status, i.expected_value, i.expected_status, i.expected_exists
                from incoming_value i
                left join indicator_value v on v.indicator_id = i.indicator_id and v.area_id = i.area_id and v.period_id = i.period_id
                where (i.expected_exists and (v.id is null or v.value is distinct from i.expected_value or v.status is distinct from i.expected_status))
                   or (not i.expected_exists and v.id is not null)
                limit 200
            )
            -- Names are looked up only for what moved, not for every row of the file.
            select ind.code, a.name, p.label, m.value, m.status, m.expected_value, m.expected_status, m.expected_exists
            from moved m
            join indicator ind on ind.id = m.indicator_id
            join area a on a.id = m.area_id
            join reporting_period p on p.id = m.period_id
            order by ind.code, a.name, p.label
            """, connection))
        await using (var reader = await check.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var now = reader.IsDBNull(4) ? "no value" : reader.IsDBNull(3) ? reader.GetString(4) : reader.GetDecimal(3).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var then = !reader.GetBoolean(7) ? "no value" : reader.IsDBNull(5) ? reader.GetString(6) : reader.GetDecimal(5).ToString(System.Globalization.CultureInfo.InvariantCulture);
                conflicts.Add($"{reader.GetString(0)}, {reader.GetString(1)}, {reader.GetString(2)}: was {then} when checked, is now {now}");
            }
        }

        if (conflicts.Count > 0)
        {
            throw new ReturnConflictException(conflicts);
        }

        await Execute(connection, $"""
            insert into indicator_value_history
                (indicator_id, area_id, period_id, old_value, old_status, old_as_printed, new_value, new_status, new_as_printed, data_load_id, changed_at)
            select i.indicator_id, i.area_id, i.period_id, v.value, v.status, v.as_printed, i.value, i.status, i.as_printed, {loadId}, now()
            from incoming_value i
            left join indicator_value v on v.indicator_id = i.indicator_id and v.area_id = i.area_id and v.period_id = i.period_id
            where v.id is null or v.value is distinct from i.value or v.status is distinct from i.status or v.as_printed is distinct from i.as_printed
            """, ct);

        await Execute(connection, $"""
            insert into indicator_value (indicator_id, area_id, period_id, value, status, as_printed, note, numerator, denominator, lower_limit, upper_limit, data_load_id, updated_at)
            select indicator_id, area_id, period_id, value, status, as_printed, note, numerator, denominator, lower_limit, upper_limit, {loadId}, now() from incoming_value
            on conflict (indicator_id, area_id, period_id) do update
               set value = excluded.value, status = excluded.status, as_printed = excluded.as_printed, note = excluded.note,
                   numerator = excluded.numerator, denominator = excluded.denominator,
                   lower_limit = excluded.lower_limit, upper_limit = excluded.upper_limit,
                   data_load_id = excluded.data_load_id, updated_at = excluded.updated_at
             where (indicator_value.value, indicator_value.status, indicator_value.as_printed, indicator_value.note,
                    indicator_value.numerator, indicator_value.denominator, indicator_value.lower_limit, indicator_value.upper_limit)
                   is distinct from (excluded.value, excluded.status, excluded.as_printed, excluded.note,
                    excluded.numerator, excluded.denominator, excluded.lower_limit, excluded.upper_limit)
            """, ct);
    }

    private async Task WriteAssessmentsAsync(NpgsqlConnection connection, ReturnPlan plan, int loadId, Dictionary<string, int> periodIds, CancellationToken ct)
    {
        var withAssessment = plan.Changes.Where(c => c.Line.Assessment is not null).ToList();
        if (withAssessment.Count == 0)
        {
            return;
        }

        // First, what each assessment was before this load: the audit, and what a revert puts back (016_assessment_history.sql).
        var keys = withAssessment.Select(c => (c.Line.IndicatorId, PeriodId: periodIds[c.Line.AssessmentPeriod.Code])).Distinct().ToList();
        await using (var snapshot = new NpgsqlCommand("""
            insert into indicator_assessment_history
                (data_load_id, indicator_id, period_id, existed, old_target_text, old_commentary, old_officer_direction,
                 old_reported_quartile, old_quartile_best, old_quartile_worst, old_quartile_note, old_quartile_group_code,
                 old_officer_marker, old_value_period_id, old_data_load_id)
            select $1, k.indicator_id, k.period_id, a.id is not null, a.target_text, a.commentary, a.officer_direction,
                   a.reported_quartile, a.quartile_best, a.quartile_worst, a.quartile_note, a.quartile_group_code,
                   a.officer_marker, a.value_period_id, a.data_load_id
            from unnest($2::integer[], $3::integer[]) as k(indicator_id, period_id)
            left join indicator_assessment a on a.indicator_id = k.indicator_id and a.period_id = k.period_id
            """, connection))
        {
            snapshot.Parameters.Add(new NpgsqlParameter<int> { TypedValue = loadId });
            snapshot.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = keys.Select(k => k.IndicatorId).ToArray() });
            snapshot.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = keys.Select(k => k.PeriodId).ToArray() });
            await snapshot.ExecuteNonQueryAsync(ct);
        }

        // Then what each becomes: the stored cells merged with the file's by the one rule (AssessmentInput.AppliedTo, which
        // the preview rates with), in file order where two rows give the same column. The write lock is held, so what is
        // read here is what is replaced.
        var indicatorIds = keys.Select(k => k.IndicatorId).Distinct().ToArray();
        var keyPeriodIds = keys.Select(k => k.PeriodId).Distinct().ToArray();
        var stored = (await db.Assessments.AsNoTracking()
                .Where(a => indicatorIds.Contains(a.IndicatorId) && keyPeriodIds.Contains(a.PeriodId))
                .ToListAsync(ct))
            .ToDictionary(a => (a.IndicatorId, a.PeriodId));
        var written = new Dictionary<(int IndicatorId, int PeriodId), IndicatorAssessment>();
        foreach (var change in withAssessment)
        {
            var key = (change.Line.IndicatorId, periodIds[change.Line.AssessmentPeriod.Code]);
            var merged = change.Line.Assessment!.AppliedTo(written.GetValueOrDefault(key) ?? stored.GetValueOrDefault(key), key.Item1, key.Item2);
            merged.ValuePeriodId = change.Line.ColumnPeriod is null ? null : periodIds[change.Line.Period.Code];
            written[key] = merged;
        }

        await using var batch = new NpgsqlBatch(connection);
        foreach (var a in written.Values)
        {
            var command = new NpgsqlBatchCommand("""
                insert into indicator_assessment
                    (indicator_id, period_id, target_text, commentary, officer_direction, reported_quartile, quartile_best, quartile_worst, quartile_note, quartile_group_code, data_load_id, updated_at, officer_marker, value_period_id)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now(), $12, $13)
                on conflict (indicator_id, period_id) do update set
                    target_text = excluded.target_text,
                    commentary = excluded.commentary,
                    officer_direction = excluded.officer_direction,
                    reported_quartile = excluded.reported_quartile,
                    quartile_best = excluded.quartile_best,
                    quartile_worst = excluded.quartile_worst,
                    quartile_note = excluded.quartile_note,
                    quartile_group_code = excluded.quartile_group_code,
                    data_load_id = excluded.data_load_id,
                    updated_at = excluded.updated_at,
                    officer_marker = excluded.officer_marker,
                    value_period_id = excluded.value_period_id
                """);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = a.IndicatorId });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = a.PeriodId });
            command.Parameters.Add(Text(a.TargetText));
            command.Parameters.Add(Text(a.Commentary));
            command.Parameters.Add(Text(a.OfficerDirection?.ToCode()));
            command.Parameters.Add(Text(a.ReportedQuartile));
            command.Parameters.Add(Integer(a.QuartileBest));
            command.Parameters.Add(Integer(a.QuartileWorst));
            command.Parameters.Add(Text(a.QuartileNote));
            command.Parameters.Add(Text(a.QuartileGroupCode));
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = loadId });
            command.Parameters.Add(Text(a.OfficerMarker?.ToCode()));
            command.Parameters.Add(Integer(a.ValuePeriodId));
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlParameter Integer(int? value) => new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static async Task WriteNullable(NpgsqlBinaryImporter copy, decimal? value, CancellationToken ct)
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, NpgsqlDbType.Numeric, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

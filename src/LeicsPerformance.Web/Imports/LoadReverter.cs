using System.Data;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LeicsPerformance.Web.Imports;

/// <summary>One value a load changed (a row of <c>indicator_value_history</c>), with what is stored now.</summary>
public sealed record LoadValueChange(
    long HistoryId,
    int IndicatorId,
    string IndicatorCode,
    string IndicatorTitle,
    ValueFormat Format,
    int AreaId,
    string AreaName,
    int PeriodId,
    string PeriodLabel,
    decimal? OldValue,
    ValueStatus? OldStatus,
    string? OldAsPrinted,
    decimal? NewValue,
    ValueStatus? NewStatus,
    string? NewAsPrinted,
    bool CurrentExists,
    decimal? CurrentValue,
    ValueStatus? CurrentStatus,
    string? CurrentAsPrinted,
    int? LaterLoadId)
{
    public string OldDisplay => Wording.Value(Format, OldValue, OldStatus, OldAsPrinted);

    public string NewDisplay => Wording.Value(Format, NewValue, NewStatus, NewAsPrinted);

    public string CurrentDisplay => Wording.Value(Format, CurrentValue, CurrentExists ? CurrentStatus : null, CurrentAsPrinted);

    /// <summary>The load created the value (there was none before it): undoing it deletes the value.</summary>
    public bool Created => OldStatus is null;

    /// <summary>What is stored is still exactly what this load wrote.</summary>
    public bool StillAsWritten =>
        CurrentExists == (NewStatus is not null) && CurrentValue == NewValue && CurrentStatus == NewStatus && CurrentAsPrinted == NewAsPrinted;

    /// <summary>Undoing the load may not touch this value: a later load changed it (even if back to the same figure).</summary>
    public bool Blocked => !StillAsWritten || LaterLoadId is not null;
}

/// <summary>What reverting a load would do, or why it cannot be done.</summary>
public sealed class RevertPlan
{
    public required DataLoad Load { get; init; }

    public required IReadOnlyList<LoadValueChange> Changes { get; init; }

    /// <summary>The revert that undid this load already, if any.</summary>
    public int? RevertedByLoadId { get; init; }

    /// <summary>Why this kind of load cannot be reverted at all, or null.</summary>
    public string? NotRevertible { get; init; }

    public IReadOnlyList<LoadValueChange> Blocked => Changes.Where(c => c.Blocked).ToList();

    public bool CanRevert => NotRevertible is null && Changes.Count > 0 && Changes.All(c => !c.Blocked);
}

/// <summary>Raised when a revert would overwrite values that later loads changed; nothing was written.</summary>
public sealed class RevertRefusedException(RevertPlan plan)
    : Exception($"Load {plan.Load.Id} cannot be reverted: {plan.NotRevertible ?? $"{plan.Blocked.Count} value(s) were changed by later loads"}.")
{
    public RevertPlan Plan { get; } = plan;
}

/// <summary>
/// Audit and undo of loads. A load's value changes are its rows of <c>indicator_value_history</c>. Reverting a load
/// puts back, in one transaction, every value it changed (or deletes the value if the load created it) — but only if
/// each is still what the load wrote and no later load has changed it since; otherwise nothing is written and the
/// values in the way are named. The revert is itself a load (kind <c>revert</c>) with its own history rows, linked
/// in <c>load_revert</c>; the original is marked <c>reverted_at</c>. History is only ever added to.
/// </summary>
/// <remarks>
/// Targets, commentary, officers' arrows, reported quartiles and markers (<c>indicator_assessment</c>) have their own
/// history (<c>indicator_assessment_history</c>, written by the importer before it writes them): a revert puts back
/// those the load wrote and no later load has written since, with the values.
/// </remarks>
public sealed class LoadReverter(PerformanceDbContext db, TimeProvider clock)
{

    public static bool KindCanBeReverted(LoadKind kind) => kind != LoadKind.Revert && !CatalogueFile.IsCatalogueLoad(kind);

    /// <summary>The value changes a load made, in indicator, area and period order, with what is stored now.</summary>
    public async Task<IReadOnlyList<LoadValueChange>> ChangesAsync(int loadId, int limit = int.MaxValue, CancellationToken ct = default)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("""
                select h.id, h.indicator_id, i.code, i.title, i.unit, i.decimals, i.scale, i.rate_per,
                       h.area_id, a.name, h.period_id, p.label,
                       h.old_value, h.old_status, h.old_as_printed, h.new_value, h.new_status, h.new_as_printed,
                       v.id is not null, v.value, v.status, v.as_printed,
                       (select max(h2.data_load_id) from indicator_value_history h2
                          join data_load l2 on l2.id = h2.data_load_id
                         where h2.indicator_id = h.indicator_id and h2.area_id = h.area_id and h2.period_id = h.period_id
                           and h2.id > h.id and l2.kind <> @revert and l2.reverted_at is null)
                from indicator_value_history h
                join indicator i on i.id = h.indicator_id
                join area a on a.id = h.area_id
                join reporting_period p on p.id = h.period_id
                left join indicator_value v on v.indicator_id = h.indicator_id and v.area_id = h.area_id and v.period_id = h.period_id
                where h.data_load_id = @load
                order by i.code, a.name, p.end_date, h.id
                limit @limit
                """, connection);
            command.Parameters.Add(new NpgsqlParameter<int>("load", loadId));
            command.Parameters.Add(new NpgsqlParameter<string>("revert", LoadKind.Revert.ToCode()));
            command.Parameters.Add(new NpgsqlParameter<long>("limit", limit == int.MaxValue ? long.MaxValue : limit));
            await using var reader = await command.ExecuteReaderAsync(ct);
            var changes = new List<LoadValueChange>();
            while (await reader.ReadAsync(ct))
            {
                var format = new ValueFormat(
                    ValueFormat.UnitFromCode(reader.GetString(4)), reader.GetInt32(5), ValueFormat.ScaleFromCode(reader.GetString(6)), reader.IsDBNull(7) ? null : reader.GetInt32(7));
                changes.Add(new LoadValueChange(
                    reader.GetInt64(0),
                    reader.GetInt32(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    format,
                    reader.GetInt32(8),
                    reader.GetString(9),
                    reader.GetInt32(10),
                    reader.GetString(11),
                    NullableDecimal(reader, 12),
                    NullableStatus(reader, 13),
                    NullableString(reader, 14),
                    NullableDecimal(reader, 15),
                    NullableStatus(reader, 16),
                    NullableString(reader, 17),
                    reader.GetBoolean(18),
                    NullableDecimal(reader, 19),
                    NullableStatus(reader, 20),
                    NullableString(reader, 21),
                    reader.IsDBNull(22) ? null : reader.GetInt32(22)));
            }

            return changes;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<int> CountChangesAsync(int loadId, CancellationToken ct = default) =>
        await db.ValueHistory.CountAsync(h => h.DataLoadId == loadId, ct);

    /// <summary>What reverting the load would do; null if there is no such load.</summary>
    public async Task<RevertPlan?> PlanAsync(int loadId, CancellationToken ct = default)
    {
        var load = await db.DataLoads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == loadId, ct);
        if (load is null)
        {
            return null;
        }

        var revertedBy = await db.LoadReverts.AsNoTracking().Where(r => r.LoadId == loadId).Select(r => (int?)r.RevertLoadId).FirstOrDefaultAsync(ct);
        var changes = await ChangesAsync(loadId, ct: ct);
        string? notRevertible = load.Kind switch
        {
            LoadKind.Revert => "it is itself a revert. To load those values again, upload the file again.",
            _ when CatalogueFile.ByLoadKind(load.Kind) is { } file => $"it changed the catalogue ({file.Name}), not values. Upload a corrected {file.Name} instead.",
            _ when CommitteeFiles.ByLoadKind(load.Kind) is { } committeeFile => $"it changed the committees ({CommitteeFiles.ByKind[committeeFile].FileName}), not values. Upload a corrected {CommitteeFiles.ByKind[committeeFile].FileName} instead.",
            _ when load.RevertedAt is not null => "it has already been reverted.",
            _ when changes.Count == 0 => "it changed no values (every value in it was already stored).",
            _ => null,
        };

        return new RevertPlan { Load = load, Changes = changes, RevertedByLoadId = revertedBy, NotRevertible = notRevertible };
    }

    /// <summary>
    /// Reverts the load in one transaction, serialised with commits. Throws <see cref="RevertRefusedException"/>
    /// (having written nothing) if the load cannot be reverted or any of its values changed since.
    /// </summary>
    public async Task<DataLoad> RevertAsync(int loadId, string userName, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await Execute(connection, $"select pg_advisory_xact_lock({AdvisoryLocks.Writes})", ct);

            // Checked again inside the lock: nothing can commit between this check and our writes.
            var plan = await PlanAsync(loadId, ct) ?? throw new InvalidOperationException($"There is no load {loadId}.");
            if (!plan.CanRevert)
            {
                throw new RevertRefusedException(plan);
            }

            var original = plan.Load;
            var revert = new DataLoad
            {
                Kind = LoadKind.Revert,
                FileName = $"revert of load {original.Id}: {original.FileName}",
                Sha256 = string.Empty,
                LoadedBy = userName,
                LoadedAt = clock.GetUtcNow(),
                RowsRead = plan.Changes.Count,
                RowsChanged = plan.Changes.Count,
            };
            db.DataLoads.Add(revert);
            await db.SaveChangesAsync(ct);

            // History first (old = what is stored now, new = what the load found), then the values themselves.
            await Execute(connection, $"""
                insert into indicator_value_history
                    (indicator_id, area_id, period_id, old_value, old_status, old_as_printed, new_value, new_status, new_as_printed, data_load_id, changed_at)
                select h.indicator_id, h.area_id, h.period_id, v.value, v.status, v.as_printed, h.old_value, h.old_status, h.old_as_printed, {revert.Id}, now()
                from indicator_value_history h
                join indicator_value v on v.indicator_id = h.indicator_id and v.area_id = h.area_id and v.period_id = h.period_id
                where h.data_load_id = {original.Id}
                order by h.id
                """, ct);

            var restored = plan.Changes.Where(c => !c.Created).ToList();
            if (restored.Count > 0)
            {
                await using var update = new NpgsqlCommand($"""
                    update indicator_value v
                       set value = h.old_value, status = h.old_status, as_printed = coalesce(h.old_as_printed, ''),
                           note = n.note, data_load_id = {revert.Id}, updated_at = now()
                      from indicator_value_history h
                      join unnest(@ids, @notes) as n(history_id, note) on n.history_id = h.id
                     where h.data_load_id = {original.Id}
                       and v.indicator_id = h.indicator_id and v.area_id = h.area_id and v.period_id = h.period_id
                    """, connection);
                update.Parameters.Add(new NpgsqlParameter<long[]>("ids", restored.Select(c => c.HistoryId).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
                update.Parameters.Add(new NpgsqlParameter<string[]>("notes", restored.Select(c => NoteFor(c.OldAsPrinted)).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                await update.ExecuteNonQueryAsync(ct);
            }

            await Execute(connection, $"""
                delete from indicator_value v
                using indicator_value_history h
                where h.data_load_id = {original.Id} and h.old_status is null
                  and v.indicator_id = h.indicator_id and v.area_id = h.area_id and v.period_id = h.period_id
                """, ct);

            // Targets, commentary, officers' arrows, reported quartiles and markers the load wrote: put back what was
            // there before it (or delete what it created), wherever no later load has written them since.
            await Execute(connection, $"""
                update indicator_assessment a
                   set target_text = h.old_target_text, commentary = h.old_commentary, officer_direction = h.old_officer_direction,
                       reported_quartile = h.old_reported_quartile, quartile_best = h.old_quartile_best,
                       quartile_worst = h.old_quartile_worst, quartile_note = h.old_quartile_note,
                       quartile_group_code = h.old_quartile_group_code, officer_marker = h.old_officer_marker,
                       value_period_id = h.old_value_period_id, data_load_id = h.old_data_load_id, updated_at = now()
                  from indicator_assessment_history h
                 where h.data_load_id = {original.Id} and h.existed
                   and a.indicator_id = h.indicator_id and a.period_id = h.period_id and a.data_load_id = {original.Id}
                """, ct);
            await Execute(connection, $"""
                delete from indicator_assessment a
                using indicator_assessment_history h
                where h.data_load_id = {original.Id} and not h.existed
                  and a.indicator_id = h.indicator_id and a.period_id = h.period_id and a.data_load_id = {original.Id}
                """, ct);

            await Execute(connection, $"update data_load set reverted_at = now() where id = {original.Id}", ct);
            db.LoadReverts.Add(new LoadRevert { LoadId = original.Id, RevertLoadId = revert.Id });
            await db.SaveChangesAsync(ct);

            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return revert;
        });
    }

    /// <summary>The value's note as the importer derives it from the text as printed ("31.3 (2017)" → "Data is for 2017").</summary>
    private static string NoteFor(string? asPrinted) =>
        PrintedValue.TryParse(asPrinted, out var printed, out _) && printed.Note is { } note ? $"Data is for {note}" : string.Empty;

    private static decimal? NullableDecimal(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetDecimal(i);

    private static string? NullableString(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static ValueStatus? NullableStatus(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : ValueStatusText.FromCode(reader.GetString(i));

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

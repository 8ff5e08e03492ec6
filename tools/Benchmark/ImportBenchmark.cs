using System.Diagnostics;
using System.Globalization;
using System.Text;
using LeicsPerformance.Domain.Values;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Imports;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeicsPerformance.Benchmark;

/// <summary>
/// Times the app's returns import (<see cref="ReturnImporter.PlanAsync"/> then <see cref="ReturnWriter.CommitAsync"/>,
/// exactly what an upload or the command-line import does) on a file of revised values for existing keys, then
/// PostgreSQL's own COPY of the same rows, resolved to ids, into an empty copy of <c>indicator_value</c> (same columns,
/// defaults, checks, unique and primary-key indexes and foreign keys) in a transaction that is rolled back.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var connectionString = options.Required("connection");
        var file = options.Required("file");
        var outFile = options.Required("out");
        var copyRuns = options.Int("copy-runs", 3);
        var results = new StringBuilder();
        void Result(string key, object value) => results.Append(CultureInfo.InvariantCulture, $"{key}={value}\n");

        var dbOptions = new DbContextOptionsBuilder<PerformanceDbContext>().UseNpgsql(connectionString).Options;

        // Warm-up: JIT, the EF Core model and the connection pool, as in a running app; plans a slice, writes nothing.
        var lines = await File.ReadAllLinesAsync(file);
        await using (var warm = new PerformanceDbContext(dbOptions))
        {
            var slice = Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(2_001)) + "\n");
            var warmPlan = await new ReturnImporter(warm).PlanAsync("warm-up.csv", slice);
            if (warmPlan.HasErrors)
            {
                Console.Error.WriteLine(string.Join('\n', warmPlan.Errors.Take(10)));
                return 1;
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var rssBefore = ProcessMemory("VmRSS");

        await using var db = new PerformanceDbContext(dbOptions);
        var importer = new ReturnImporter(db);
        var total = Stopwatch.StartNew();
        var content = await File.ReadAllBytesAsync(file);
        var plan = await importer.PlanAsync(Path.GetFileName(file), content, maxRows: 200_000);
        var planSeconds = total.Elapsed.TotalSeconds;
        if (plan.HasErrors)
        {
            Console.Error.WriteLine($"The import file has {plan.RejectedRowCount} rejected rows, for example:");
            Console.Error.WriteLine(string.Join('\n', plan.Errors.Take(10)));
            return 1;
        }

        var commit = Stopwatch.StartNew();
        var load = await new ReturnWriter(db).CommitAsync(plan, LoadKind.Import, "benchmark");
        var commitSeconds = commit.Elapsed.TotalSeconds;
        var importSeconds = total.Elapsed.TotalSeconds;
        var peakKb = ProcessMemory("VmHWM");

        var rows = plan.RowsRead;
        Result("IMPORT_ROWS", rows);
        Result("IMPORT_NEW", load.RowsAdded);
        Result("IMPORT_CHANGED", load.RowsChanged);
        Result("IMPORT_UNCHANGED", load.RowsUnchanged);
        Result("IMPORT_WARNINGS", plan.Warnings.Count());
        Result("IMPORT_PLAN_S", planSeconds.ToString("F2", CultureInfo.InvariantCulture));
        Result("IMPORT_COMMIT_S", commitSeconds.ToString("F2", CultureInfo.InvariantCulture));
        Result("IMPORT_TOTAL_S", importSeconds.ToString("F2", CultureInfo.InvariantCulture));
        Result("IMPORT_ROWS_PER_S", (rows / importSeconds).ToString("F0", CultureInfo.InvariantCulture));
        Result("IMPORT_RSS_BEFORE_MB", (rssBefore / 1024).ToString(CultureInfo.InvariantCulture));
        Result("IMPORT_PEAK_RSS_MB", (peakKb / 1024).ToString(CultureInfo.InvariantCulture));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Import: {rows:N0} rows ({load.RowsChanged:N0} changed, {load.RowsAdded:N0} new, {load.RowsUnchanged:N0} unchanged): plan {planSeconds:F2} s + commit {commitSeconds:F2} s = {importSeconds:F2} s, {rows / importSeconds:N0} rows/s, peak RSS {peakKb / 1024} MB"));

        // COPY of the same rows, as the importer stores them, resolved to ids beforehand (not timed).
        var copyText = await CopyTextAsync(connectionString, plan, load.Id);
        var copyTimes = new List<double>();
        for (var run = 0; run < copyRuns; run++)
        {
            copyTimes.Add(await CopyOnceAsync(connectionString, copyText));
        }

        copyTimes.Sort();
        var copySeconds = copyTimes[copyTimes.Count / 2];
        Result("COPY_RUNS", string.Join(' ', copyTimes.Select(t => t.ToString("F3", CultureInfo.InvariantCulture))));
        Result("COPY_S", copySeconds.ToString("F3", CultureInfo.InvariantCulture));
        Result("COPY_ROWS_PER_S", (rows / copySeconds).ToString("F0", CultureInfo.InvariantCulture));
        Result("IMPORT_VS_COPY", (importSeconds / copySeconds).ToString("F1", CultureInfo.InvariantCulture));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"COPY: median of {copyRuns} runs {copySeconds:F3} s, {rows / copySeconds:N0} rows/s; the import takes {importSeconds / copySeconds:F1}× as long."));

        await File.WriteAllTextAsync(outFile, results.ToString());
        return 0;
    }

    private static async Task<string> CopyTextAsync(string connectionString, ReturnPlan plan, int loadId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var periods = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("select code, id from reporting_period", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                periods[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        var sb = new StringBuilder(plan.Changes.Count * 48);
        foreach (var change in plan.Changes)
        {
            var line = change.Line;
            // In COPY's CSV format an unquoted empty field is NULL, so text is always quoted ("" is an empty string).
            sb.Append(CultureInfo.InvariantCulture, $"{line.IndicatorId},{line.AreaId},{periods[line.Period.Code]},{line.Value},{Quoted(line.Status.ToCode())},{Quoted(line.AsPrinted)},{Quoted(line.Note)},{loadId}\n");
        }

        return sb.ToString();
    }

    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<double> CopyOnceAsync(string connectionString, string copyText)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var sql in new[]
        {
            "create table bench_copy_value (like indicator_value including defaults including constraints including indexes)",
            "alter table bench_copy_value add foreign key (indicator_id) references indicator(id), add foreign key (area_id) references area(id), add foreign key (period_id) references reporting_period(id), add foreign key (data_load_id) references data_load(id)",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await using (var writer = await connection.BeginTextImportAsync(
            "copy bench_copy_value (indicator_id, area_id, period_id, value, status, as_printed, note, data_load_id) from stdin (format csv)"))
        {
            await writer.WriteAsync(copyText);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        await transaction.RollbackAsync();
        return seconds;
    }

    /// <summary>A figure in kB from /proc/self/status (VmHWM is the peak resident set size so far).</summary>
    private static long ProcessMemory(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}

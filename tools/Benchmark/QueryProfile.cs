using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LeicsPerformance.Benchmark;

/// <summary>
/// Times the read side in-process, one call at a time, with no HTTP and no load generator: for each
/// <see cref="PerformanceQueries"/> call the pages and API make, the wall time, this process's CPU time, the bytes
/// allocated and the SQL commands sent per call. A fresh DbContext per call, as per request in the app. It tells where
/// a page's time goes, and whether a change to the queries helps, far more steadily than requests/s on a busy machine.
/// </summary>
internal static class QueryProfile
{
    public static async Task<int> RunAsync(Options options)
    {
        var connectionString = options.Required("connection");
        var period = ReportingPeriod.Parse(options.Required("period"));
        var slug = options.Required("slug");
        var indicator = options.Required("indicator");
        var iterations = options.Int("iterations", 20);
        var outFile = options.Optional("out");
        var counter = new CommandCounter();
        var dbOptions = new DbContextOptionsBuilder<PerformanceDbContext>().UseNpgsql(connectionString).AddInterceptors(counter).Options;
        var settings = Microsoft.Extensions.Options.Options.Create(new ReportingOptions());
        var dataVersion = new DataVersion(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Performance"] = connectionString })
            .Build());
        // Each call gets an empty memo, so it rates (what a cache miss costs); the "(memo hit)" line reuses one memo,
        // which is what a signed-in reader's repeated request costs.
        using var sharedMemo = new RatedMemo(dataVersion);

        (string Name, Func<Reading, Task> Call)[] calls =
        [
            ($"DashboardAsync({slug}, {period.Code})", q => q.Ratings.DashboardAsync(slug, period)),
            ($"DashboardAsync({slug}, {period.Code}) (memo hit)", q => q.Ratings.DashboardAsync(slug, period)),
            ($"AllRatedAsync({period.Code})", q => q.Ratings.AllRatedAsync(period)),
            ($"SummaryAsync({period.Code})", q => q.Ratings.SummaryAsync(period, [])),
            ($"BenchmarkAsync({indicator}, {period.Code})", q => q.Comparators.BenchmarkAsync(indicator, period, null)),
            ($"PeriodsWithDataAsync({slug})", q => q.Calendar.PeriodsWithDataAsync(slug)),
            ("PeriodsWithDataAsync(null)", q => q.Calendar.PeriodsWithDataAsync(null)),
            ("DefaultPeriodAsync(null)", q => q.Calendar.DefaultPeriodAsync(null)),
        ];

        var report = new StringBuilder();
        report.Append("| Call | Wall ms/call | CPU ms/call | Allocated MB/call | SQL commands/call |\n| --- | ---: | ---: | ---: | ---: |\n");
        var process = Process.GetCurrentProcess();
        var only = options.Optional("only");
        foreach (var (name, call) in calls.Where(c => only is null || c.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            async Task Once()
            {
                await using var db = new PerformanceDbContext(dbOptions);
                using var freshMemo = new RatedMemo(dataVersion);
                var home = new HomeArea(db, settings);
                var calendar = new ReportingCalendar(db, home);
                var comparators = new ComparatorQueries(db, home);
                var memo = name.EndsWith("(memo hit)", StringComparison.Ordinal) ? sharedMemo : freshMemo;
                await call(new Reading(new PerformanceQueries(db, settings, memo, home, calendar, comparators), calendar, comparators));
            }

            for (var i = 0; i < 3; i++)
            {
                await Once();
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            counter.Commands = 0;
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var bytes0 = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                await Once();
            }

            var wall = watch.Elapsed.TotalMilliseconds / iterations;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds / iterations;
            var mb = (GC.GetTotalAllocatedBytes(precise: true) - bytes0) / 1048576.0 / iterations;
            var line = string.Create(CultureInfo.InvariantCulture, $"| `{name}` | {wall:F1} | {cpu:F1} | {mb:F1} | {(double)counter.Commands / iterations:F0} |\n");
            report.Append(line);
            Console.Write(line);
        }

        if (outFile is not null)
        {
            await File.WriteAllTextAsync(outFile, report.ToString());
        }

        return 0;
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Commands;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Commands);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Commands);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

/// <summary>The reading services one page request would have, made by hand for one call.</summary>
internal sealed record Reading(PerformanceQueries Ratings, ReportingCalendar Calendar, ComparatorQueries Comparators);

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LeicsPerformance.Benchmark;

/// <summary>
/// Turns a run's outputs (in the run folder: <c>*.env</c> key=value files, <c>targets.tsv</c> and the <c>wrk-*.txt</c>
/// outputs it names) into the Markdown results table, checked against the targets in docs/performance.md.
/// </summary>
internal static partial class Report
{
    private const double DashboardThroughputTarget = 0.5; // within 2× of the static file
    private const double P99TargetMs = 50;
    private const double ImportVsCopyTarget = 3;

    public static int Run(Options options)
    {
        var dir = options.Required("dir");
        var outFile = options.Required("out");
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(dir, "*.env").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    env[line[..eq]] = line[(eq + 1)..];
                }
            }
        }

        string Get(string key) => env.GetValueOrDefault(key, "?");

        var targets = new List<Target>();
        var targetsFile = Path.Combine(dir, "targets.tsv");
        if (File.Exists(targetsFile))
        {
            foreach (var line in File.ReadLines(targetsFile).Where(l => l.Length > 0))
            {
                var f = line.Split('\t');
                var wrkFile = Path.Combine(dir, $"wrk-{f[0]}.txt");
                string Field(int i) => f.Length > i ? f[i] : string.Empty;
                targets.Add(new Target(f[0], f[1], f[2], Field(3), Field(4), Field(5), Field(6), File.Exists(wrkFile) ? Wrk.Parse(File.ReadAllText(wrkFile)) : null));
            }
        }

        var md = new StringBuilder();
        void L(string text = "") => md.Append(text).Append('\n');
        L($"# LeicsPerformance benchmark, {Get("RUN_DATE")}");
        L();
        L($"Machine: {Get("CPU_MODEL")}, {Get("CPUS")} cores, {Get("MEM_GB")} GB RAM; .NET {Get("DOTNET_VERSION")}, PostgreSQL {Get("PG_VERSION")}; git {Get("GIT_COMMIT")}.");
        L($"wrk runs on the same {Get("CPUS")} cores as the app and PostgreSQL: `wrk -t1 -c8 -d{Get("DURATION")} --latency` after a {Get("WARMUP")} warm-up per URL; other processes on the machine: load average {Get("LOADAVG")} at the start.");
        L();
        L($"Data: {Get("AREAS")} authorities × {Get("INDICATORS")} quarterly indicators × {Get("PERIODS")} quarters = {N(Get("QUARTERLY_ROWS"))} values, plus {N(Get("ANNUAL_ROWS"))} annual Core Spending Power values for the funding page ({Get("DASHBOARDS")} dashboards in {Get("THEMES")} themes, seed {Get("SEED")}); database {Get("DB_SIZE")} with {N(Get("DB_VALUE_ROWS"))} values. The dashboard measured holds {Get("SLUG_INDICATORS")} indicators.");
        L();
        L("## Load (app start-up seeding the generated folder)");
        L();
        L("| What | Figure |");
        L("| --- | --- |");
        L($"| First start: migrate + seed {N(Get("VALUE_ROWS"))} values from {Get("RETURN_FILES")} files | {Get("SEED_S")} s, **{N(Get("SEED_ROWS_PER_S"))} rows/s**, app peak RSS {Get("SEED_PEAK_RSS_MB")} MB |");
        L($"| Restart with the same folder configured (every file already loaded) | {Get("RESTART_S")} s to first response, app peak RSS {Get("RESTART_PEAK_RSS_MB")} MB |");
        L();
        L("## Requests");
        L();
        L("| URL | Status | p50 | p99 | Requests/s | Errors | App CPU/req | PostgreSQL CPU/req | Load avg | Throughput vs static |");
        L("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var staticHtml = targets.FirstOrDefault(t => t.Name == "static-html")?.Wrk;
        var staticJson = targets.FirstOrDefault(t => t.Name == "static-json")?.Wrk;
        foreach (var t in targets)
        {
            var baseline = t.Name == "dashboard-page" ? staticHtml : t.Name == "dashboard-api" ? staticJson : null;
            var ratio = baseline is not null && t.Wrk is not null && baseline.RequestsPerSecond > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{t.Wrk.RequestsPerSecond / baseline.RequestsPerSecond:P1}") : string.Empty;
            if (t.Wrk is null)
            {
                L($"| `{t.Path}` | {t.Status} | | | | | | | | |");
                continue;
            }

            var errors = t.Wrk.Non2xx + t.Wrk.SocketErrors;
            L(string.Create(CultureInfo.InvariantCulture,
                $"| `{t.Path}` | {t.Status} | {t.Wrk.P50Ms:F2} ms | {t.Wrk.P99Ms:F2} ms | {t.Wrk.RequestsPerSecond:N0} | {errors} | {t.AppCpuMs} ms | {t.PgCpuMs} ms | {t.LoadAverage} | {ratio} |"));
        }

        L();
        L("CPU/req: CPU time the app process, and the PostgreSQL backends serving the bench database, used during the measured run divided by the requests served; it depends far less than requests/s on what else the machine is doing. Load avg: the 1-minute load average at the end of that run (2 cores: above 2 means processes were queueing for CPU).");
        L();
        L("Sizes of the responses measured: " + string.Join(", ", targets.Where(t => t.Bytes.Length > 0).Select(t => $"{t.Name} {t.Bytes} bytes")) + ".");
        L();
        var profile = Path.Combine(dir, "profile.md");
        if (File.Exists(profile))
        {
            L("## Read queries in-process (one call at a time, fresh DbContext per call, after 3 warm-up calls)");
            L();
            md.Append(File.ReadAllText(profile));
            L();
        }

        L("## Import (100,000 revised values for existing keys)");
        L();
        L("| What | Seconds | Rows/s |");
        L("| --- | ---: | ---: |");
        L($"| `ReturnImporter.PlanAsync` (read, validate, compare) | {Get("IMPORT_PLAN_S")} | |");
        L($"| `ReturnWriter.CommitAsync` (history, upsert) | {Get("IMPORT_COMMIT_S")} | |");
        L($"| Import, plan + commit | {Get("IMPORT_TOTAL_S")} | **{N(Get("IMPORT_ROWS_PER_S"))}** |");
        L($"| PostgreSQL `COPY` of the same rows into a copy of `indicator_value` (median of runs {Get("COPY_RUNS")} s) | {Get("COPY_S")} | **{N(Get("COPY_ROWS_PER_S"))}** |");
        L();
        L($"The import takes **{Get("IMPORT_VS_COPY")}×** as long as COPY. Rows: {N(Get("IMPORT_ROWS"))} read, {N(Get("IMPORT_CHANGED"))} changed, {N(Get("IMPORT_NEW"))} new, {N(Get("IMPORT_UNCHANGED"))} unchanged, {Get("IMPORT_WARNINGS")} warnings. Peak RSS of the import process: {Get("IMPORT_PEAK_RSS_MB")} MB (in-process VmHWM after commit; {Get("IMPORT_RSS_BEFORE_MB")} MB before the file was read; `/usr/bin/time` max RSS for the whole process, COPY runs included: {Get("IMPORT_TIME_MAX_RSS_MB")} MB).");
        L();
        L("## Against the targets");
        L();
        var dashboard = targets.FirstOrDefault(t => t.Name == "dashboard-page");
        var api = targets.FirstOrDefault(t => t.Name == "dashboard-api");
        L("| Target | Measured | Met? |");
        L("| --- | --- | --- |");
        L(ThroughputLine("Dashboard page within 2× of the static file's throughput", dashboard, staticHtml));
        L(P99Line("Dashboard page p99 under 50 ms", dashboard));
        var signedIn = targets.FirstOrDefault(t => t.Name == "dashboard-signed-in");
        L(signedIn?.Wrk is null || !double.TryParse(signedIn.AppCpuMs, NumberStyles.Float, CultureInfo.InvariantCulture, out var renderCpu)
            ? "| Uncached dashboard render (signed-in user) under 20 ms of CPU | not measured | not measured |"
            : string.Create(CultureInfo.InvariantCulture, $"| Uncached dashboard render (signed-in user) under 20 ms of CPU | {renderCpu:F1} ms app CPU per request | {(renderCpu < 20 ? "yes" : "**no**")} |"));
        L(ThroughputLine("(also) Dashboard API within 2× of the static JSON file's throughput", api, staticJson));
        L(P99Line("(also) Dashboard API p99 under 50 ms", api));
        var vsCopy = double.TryParse(Get("IMPORT_VS_COPY"), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
        L($"| Import within 3× of COPY | {Get("IMPORT_VS_COPY")}× | {(double.IsNaN(vsCopy) ? "not measured" : vsCopy <= ImportVsCopyTarget ? "yes" : "**no**")} |");

        File.WriteAllText(outFile, md.ToString());
        Console.Write(md.ToString());
        return 0;
    }

    private static string ThroughputLine(string title, Target? page, Wrk? baseline)
    {
        if (page?.Wrk is null || baseline is null)
        {
            return $"| {title} | {(page is null ? "not run" : page.Status)} | not measured |";
        }

        var ratio = page.Wrk.RequestsPerSecond / baseline.RequestsPerSecond;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {title} | {page.Wrk.RequestsPerSecond:N0} vs {baseline.RequestsPerSecond:N0} req/s = {ratio:P1} of static | {(ratio >= DashboardThroughputTarget ? "yes" : "**no**")} |");
    }

    private static string P99Line(string title, Target? page) =>
        page?.Wrk is null
            ? $"| {title} | {(page is null ? "not run" : page.Status)} | not measured |"
            : string.Create(CultureInfo.InvariantCulture, $"| {title} | {page.Wrk.P99Ms:F2} ms | {(page.Wrk.P99Ms < P99TargetMs ? "yes" : "**no**")} |");

    private static string N(string number) =>
        long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n.ToString("N0", CultureInfo.InvariantCulture) : number;

    private sealed record Target(string Name, string Path, string Status, string Bytes, string AppCpuMs, string PgCpuMs, string LoadAverage, Wrk? Wrk);

    /// <summary>The figures of one <c>wrk --latency</c> output.</summary>
    internal sealed partial record Wrk(double P50Ms, double P99Ms, double RequestsPerSecond, long Requests, long Non2xx, long SocketErrors)
    {
        public static Wrk? Parse(string output)
        {
            var p50 = Percentile(output, "50%");
            var p99 = Percentile(output, "99%");
            var rps = RequestsPerSecondPattern().Match(output);
            if (p50 is null || p99 is null || !rps.Success)
            {
                return null;
            }

            var requests = RequestsPattern().Match(output);
            var non2xx = Non2xxPattern().Match(output);
            var socket = SocketPattern().Match(output);
            return new Wrk(
                p50.Value,
                p99.Value,
                double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
                requests.Success ? long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                socket.Success ? socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0);
        }

        private static double? Percentile(string output, string label)
        {
            var m = Regex.Match(output, @"^\s*" + Regex.Escape(label) + @"\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
            if (!m.Success)
            {
                return null;
            }

            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch
            {
                "us" => value / 1000,
                "ms" => value,
                "s" => value * 1000,
                _ => value * 60_000,
            };
        }

        [GeneratedRegex(@"Requests/sec:\s+([\d.]+)", RegexOptions.CultureInvariant)]
        private static partial Regex RequestsPerSecondPattern();

        [GeneratedRegex(@"(\d+) requests in", RegexOptions.CultureInvariant)]
        private static partial Regex RequestsPattern();

        [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)", RegexOptions.CultureInvariant)]
        private static partial Regex Non2xxPattern();

        [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", RegexOptions.CultureInvariant)]
        private static partial Regex SocketPattern();
    }
}

using LeicsPerformance.Benchmark;

// The helper behind scripts/benchmark.sh (docs/performance.md). Each mode is one step of the run:
//
//   generate --out DIR [--seed N] [--areas data/areas.csv] [--ons data/ons]   the national-scale data set, in the
//            project's CSV formats, plus the shipped ONS datasets (loaded through the dataset import at start-up)
//   reset-db --connection CS                                  drops the bench database (the app re-creates it)
//   stats    --connection CS --out FILE                       row counts and sizes after the load (key=value lines)
//   import   --connection CS --file CSV --out FILE            ReturnImporter.PlanAsync + ReturnWriter.CommitAsync vs COPY
//   profile  --connection CS --period P --slug S --indicator C  the read side in-process: wall, CPU, allocations, SQL per call
//   report   --dir DIR --out FILE                             the Markdown results table from a run's outputs
var mode = args.Length > 0 ? args[0] : "help";
var options = Options.Parse(args.Skip(1).ToArray());
try
{
    return mode switch
    {
        "generate" => DatasetGenerator.Run(options),
        "reset-db" => await BenchDatabase.ResetAsync(options.Required("connection")),
        "stats" => await BenchDatabase.StatsAsync(options.Required("connection"), options.Required("out")),
        "import" => await ImportBenchmark.RunAsync(options),
        "profile" => await QueryProfile.RunAsync(options),
        "report" => Report.Run(options),
        _ => Usage(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("usage: LeicsPerformance.Benchmark generate|reset-db|stats|import|profile|report [--name value ...] (see docs/performance.md)");
    return 2;
}

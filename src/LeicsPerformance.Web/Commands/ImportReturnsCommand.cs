using System.Globalization;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Imports;

namespace LeicsPerformance.Web.Commands;

/// <summary>
/// <c>import-returns FILE.csv [--dry-run]</c>: the same checks as an upload in the browser, then one load written in one
/// transaction, all or nothing. Exit code 1 when the file has errors or moved under a later load.
/// </summary>
public static class ImportReturnsCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, string? path, bool dryRun)
    {
        if (path is null || !File.Exists(path))
        {
            throw new InvalidOperationException($"No such file: '{path}'. Usage: import-returns FILE.csv [--dry-run]");
        }

        // The same checks as an upload in the browser: file type, quoting, row limit, then every row.
        var plan = await sp.GetRequiredService<ReturnUploads>().PlanAsync(Path.GetFileName(path), await File.ReadAllBytesAsync(path), CancellationToken.None);
        foreach (var problem in plan.Problems)
        {
            await (problem.IsWarning ? Console.Out : Console.Error).WriteLineAsync(problem.ToString());
        }

        if (plan.UnlistedText is { } unlisted)
        {
            await Console.Error.WriteLineAsync(unlisted);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{plan.RowsRead} rows: {plan.NewCount} new, {plan.ChangedCount} changed, {plan.UnchangedCount} unchanged, {plan.RejectedRowCount} rejected."));
        if (plan.HasErrors)
        {
            Console.Error.WriteLine("Nothing was loaded: fix the rows above and run again.");
            return 1;
        }

        if (plan.AlreadyLoadedAs is { } earlier)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"This exact file was already loaded (load {earlier}); nothing to do."));
            return 0;
        }

        if (dryRun)
        {
            Console.WriteLine("Dry run: nothing was written.");
            return 0;
        }

        try
        {
            var load = await sp.GetRequiredService<ReturnWriter>().CommitAsync(plan, LoadKind.Import, Environment.UserName);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loaded as load {load.Id}."));
            return 0;
        }
        catch (ReturnConflictException conflict)
        {
            await Console.Error.WriteLineAsync(conflict.Message);
            foreach (var line in conflict.Conflicts)
            {
                await Console.Error.WriteLineAsync("  " + line);
            }

            return 1;
        }
    }
}

using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;

namespace LeicsPerformance.Web.Commands;

/// <summary>
/// Administrative commands run with the app's own configuration and database, instead of serving pages:
/// <code>
///   dotnet run --project src/LeicsPerformance.Web -- create-admin --email someone@example.org [--name "A Person"]
///   dotnet run --project src/LeicsPerformance.Web -- add-user --email someone@example.org --role analyst [--name …]
///   dotnet run --project src/LeicsPerformance.Web -- import-returns path/to/file.csv [--dry-run]
/// </code>
/// Passwords are never taken from the command line (it ends up in shell history): they are read from the
/// environment variable LEICS_NEW_PASSWORD, or typed at a prompt that does not echo.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["create-admin", "add-user", "import-returns", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal);

    /// <summary>Exit codes (docs/operations.md): 0 done, 1 the file has errors, 2 the command could not run, 3 an unexpected failure.</summary>
    public static async Task<int> RunWithDatabaseAsync(WebApplication app, string[] args)
    {
        try
        {
            await app.PrepareDatabaseAsync(loadSampleData: false);
            return await RunAsync(app.Services, args);
        }
        catch (Exception e) when (Hosting.DatabaseUnavailable.Is(e))
        {
            await Console.Error.WriteLineAsync("The database could not be reached: " + e.Message + ". Check ConnectionStrings__Performance and that the server is running. Nothing was changed.");
            return 2;
        }
        catch (Exception e)
        {
            // Never an unhandled exception (exit code 134): say what happened; every write is one transaction, so nothing is half done.
            await Console.Error.WriteLineAsync($"The command failed unexpectedly ({e.GetType().Name}): {e.Message}. Nothing was changed.");
            return 3;
        }
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        try
        {
            return args[0] switch
            {
                "create-admin" => await AccountCommand.AddUserAsync(sp, Option(args, "--email"), Option(args, "--name"), Roles.Administrator),
                "add-user" => await AccountCommand.AddUserAsync(sp, Option(args, "--email"), Option(args, "--name"), Option(args, "--role") ?? Roles.Viewer),
                "import-returns" => await ImportReturnsCommand.RunAsync(sp, args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)), args.Contains("--dry-run")),
                _ => Help(),
            };
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    private static int Help()
    {
        Console.WriteLine("""
            Commands:
              create-admin --email ADDRESS [--name NAME]          create (or promote) an administrator
              add-user --email ADDRESS --role viewer|analyst|administrator [--name NAME]
              import-returns FILE.csv [--dry-run]                 check and load a returns file, all or nothing
            The password for a new account is read from LEICS_NEW_PASSWORD or asked for at a prompt.
            """);
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

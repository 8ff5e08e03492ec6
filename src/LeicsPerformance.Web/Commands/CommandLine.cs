using System.Globalization;
using LeicsPerformance.Web.Data;
using LeicsPerformance.Web.Data.Entities;
using LeicsPerformance.Web.Imports;
using Microsoft.AspNetCore.Identity;

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
                "create-admin" => await AddUserAsync(sp, Option(args, "--email"), Option(args, "--name"), Roles.Administrator),
                "add-user" => await AddUserAsync(sp, Option(args, "--email"), Option(args, "--name"), Option(args, "--role") ?? Roles.Viewer),
                "import-returns" => await ImportReturnsAsync(sp, args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)), args.Contains("--dry-run")),
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

    private static async Task<int> AddUserAsync(IServiceProvider sp, string? email, string? name, string role)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            throw new InvalidOperationException("Give the account's email address: --email someone@example.org");
        }

        if (!Roles.All.Contains(role, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"'{role}' is not a role: use {string.Join(", ", Roles.All)}.");
        }

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var password = ReadNewPassword();
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name ?? email };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("The account was not created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            Console.WriteLine($"Created {email}.");
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", added.Errors.Select(e => e.Description)));
            }

            // Existing sessions end: the person signs in again and gets the new role.
            await users.UpdateSecurityStampAsync(user);
        }

        Console.WriteLine($"{email} has the role {role}.");
        return 0;
    }

    private static string ReadNewPassword()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LEICS_NEW_PASSWORD");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw new InvalidOperationException("No password given: set LEICS_NEW_PASSWORD or pipe one in.");
        }

        Console.Write("Password for the new account (at least 12 characters): ");
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }

    private static async Task<int> ImportReturnsAsync(IServiceProvider sp, string? path, bool dryRun)
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

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

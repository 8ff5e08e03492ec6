using System.Diagnostics;

namespace LeicsPerformance.Web.Tests.Infrastructure;

/// <summary>
/// Runs the app's command line (<c>dotnet LeicsPerformance.Web.dll command …</c>) as a separate process against a
/// given database, as an operator would: a real exit code (never 134), real output, and a process of its own, so what
/// it writes reaches the running app only through the database.
/// </summary>
public static class CommandLineProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    /// <summary>
    /// How the tests start the built app as a process of its own: <c>dotnet LeicsPerformance.Web.dll</c> with the
    /// arguments, against the given database, in Production, output redirected (callers must read or drain it).
    /// </summary>
    public static ProcessStartInfo StartInfo(string connectionString, params string[] args)
    {
        var app = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Performance"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        return start;
    }

    public static Task<Outcome> RunAsync(string connectionString, params string[] args) =>
        RunAsync(connectionString, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="RunAsync(string, string[])"/>, with more environment variables for the process (a new account's password).</summary>
    public static async Task<Outcome> RunAsync(string connectionString, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(connectionString, args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await output, await error);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LeicsPerformance.Web.Tests.Infrastructure;

/// <summary>
/// The app as a separate operating-system process on a free port (Kestrel, Production settings over plain HTTP), so
/// a test can kill it outright, as a crash or an operator's kill -9 would, and see what it leaves behind.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;

    private AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<AppProcess> StartAsync(string connectionString)
    {
        var port = FreePort();
        var start = CommandLineProcess.StartInfo(connectionString, "--urls", $"http://127.0.0.1:{port}");
        start.Environment["Https__Required"] = "false";
        start.Environment["SampleData__Load"] = "false";
        var process = Process.Start(start)!;
        // Drain the output so a chatty log never blocks the process on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var running = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = running.Address };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                if ((await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return running;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }

            if (DateTime.UtcNow >= deadline || process.HasExited)
            {
                await running.DisposeAsync();
                throw new InvalidOperationException("The app process did not become ready.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Ends the process at once (SIGKILL): no clean-up code of the app runs.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

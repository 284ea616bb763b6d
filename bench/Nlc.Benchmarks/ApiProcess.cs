using System.Diagnostics;

namespace Nlc.Benchmarks;

/// <summary>The real API started as a process on 127.0.0.1 for a benchmark, with its peak resident memory readable.</summary>
internal sealed class ApiProcess : IDisposable
{
    public const string Key = "nlc_bench-admin-key";
    private readonly Process _process;

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the API on <paramref name="databasePath"/> (a SQLite file, or a PostgreSQL connection string) at <paramref name="port"/> and waits until it answers.</summary>
    public static ApiProcess Start(string databasePath, int port)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { ApiAssembly.Path, "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment[databasePath.StartsWith("Host=", StringComparison.Ordinal) ? "Nlc__PostgresConnectionString" : "Nlc__DatabasePath"] = databasePath;
        info.Environment["NLC_BOOTSTRAP_ADMIN_KEY"] = Key;
        info.Environment["Nlc__RequestsPerMinute"] = "10000000";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = address };
        var started = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (client.GetAsync("/health").GetAwaiter().GetResult().IsSuccessStatusCode)
                {
                    return new ApiProcess(process, address);
                }
            }
            catch (HttpRequestException) when (started.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>The most resident memory the server has used so far, in MB (VmHWM).</summary>
    public double PeakResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}

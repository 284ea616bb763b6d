using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Nlc.Api.Tests;

/// <summary>The real API, started as its own process on 127.0.0.1 with a free port, stopped on dispose.</summary>
internal sealed partial class ApiServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output;

    private ApiServer(Process process, StringBuilder output, Uri address)
    {
        _process = process;
        _output = output;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server with <paramref name="settings"/> as environment variables (e.g. NLC__RUBRICSPATH).</summary>
    public static async Task<ApiServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var (process, output) = Launch(settings);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && ListeningOn().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The API exited during start-up:\n" + output));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var address = await listening.Task.WaitAsync(StartTimeout);
        return new ApiServer(process, output, address);
    }

    /// <summary>Runs the server until it exits by itself, for start-up failures; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> settings)
    {
        var (process, output) = Launch(settings);
        using (process)
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timeout = new CancellationTokenSource(StartTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new AssertFailedException("The API kept running although it should have refused to start:\n" + output);
            }

            return (process.ExitCode, output.ToString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static (Process Process, StringBuilder Output) Launch(IReadOnlyDictionary<string, string>? settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ApiAssemblyPath)!,
        };
        info.ArgumentList.Add(ApiAssemblyPath);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        return (process, output);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>Nlc.Api.dll as built beside this test project, in the same configuration.</summary>
    private static string ApiAssemblyPath
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testBin.Name;
            var configuration = testBin.Parent!.Name;
            var path = Path.Combine(RepositoryPaths.Root, "src", "Nlc.Api", "bin", configuration, framework, "Nlc.Api.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the API is not at " + path);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}

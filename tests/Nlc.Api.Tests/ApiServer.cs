using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Nlc.Api.Tests;

/// <summary>The real API, started as its own process on 127.0.0.1 with a free port, stopped on dispose.</summary>
internal sealed partial class ApiServer : IApiHost
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output;

    /// <summary>The admin key every test server is bootstrapped with.</summary>
    public const string AdminKey = "nlc_test-admin-key-0123456789abcdef";

    private ApiServer(Process process, StringBuilder output, Uri address, string databasePath)
    {
        _process = process;
        _output = output;
        Address = address;
        DatabasePath = databasePath;
        Client = ClientFor(AdminKey);
    }

    public Uri Address { get; }

    /// <summary>The SQLite file the server uses, or the connection string of its PostgreSQL database (see <see cref="IsPostgres"/>).</summary>
    public string DatabasePath { get; }

    /// <summary>A client sending the admin key.</summary>
    public HttpClient Client { get; }

    /// <summary>A client sending <paramref name="key"/> (none when null).</summary>
    public HttpClient ClientFor(string? key)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A new, empty database path in a folder of its own.</summary>
    public static string NewDatabasePath() => Path.Combine(TestFolders.New("server"), "nlc.db");

    /// <summary>
    /// A new, empty database on the engine this run tests: a SQLite path, or with NLC_TEST_ENGINE=postgres the connection
    /// string of a new database in the run's PostgreSQL cluster.
    /// </summary>
    public static string NewDatabaseLocation() =>
        // Synchronous because test classes start their servers in synchronous ClassInitialize methods.
        TestEngine.IsPostgres ? PostgresCluster.NewDatabaseAsync("api").GetAwaiter().GetResult() : NewDatabasePath();

    /// <summary>Whether <paramref name="databaseLocation"/> is a PostgreSQL connection string rather than a SQLite path.</summary>
    public static bool IsPostgres(string databaseLocation) => databaseLocation.StartsWith("Host=", StringComparison.Ordinal);

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

    /// <summary>
    /// Starts the server on <paramref name="databasePath"/> (a new one when null) with <paramref name="settings"/> as
    /// environment variables (e.g. Nlc__RequestsPerMinute).
    /// </summary>
    public static async Task<ApiServer> StartAsync(
        string? databasePath = null, IReadOnlyDictionary<string, string>? settings = null, params string[] arguments)
    {
        databasePath ??= NewDatabaseLocation();
        var (process, output) = Launch(WithDatabase(databasePath, settings), arguments);
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
        return new ApiServer(process, output, address, databasePath);
    }

    /// <summary>Runs the server until it exits by itself, for start-up failures; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(
        string databasePath, IReadOnlyDictionary<string, string>? settings = null, params string[] arguments)
    {
        var (process, output) = Launch(WithDatabase(databasePath, settings), arguments);
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

    /// <summary>The settings every test API gets (its database and the admin key), overridden by <paramref name="settings"/>.</summary>
    internal static Dictionary<string, string> WithDatabase(string databasePath, IReadOnlyDictionary<string, string>? settings)
    {
        var all = new Dictionary<string, string>
        {
            [IsPostgres(databasePath) ? "Nlc__PostgresConnectionString" : "Nlc__DatabasePath"] = databasePath,
            ["NLC_BOOTSTRAP_ADMIN_KEY"] = AdminKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>Stops the server as a crash would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
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

    private static (Process Process, StringBuilder Output) Launch(IReadOnlyDictionary<string, string>? settings, IEnumerable<string> arguments)
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
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

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

    /// <summary>The build configuration (Debug or Release) this test project, and so the API beside it, was built in.</summary>
    public static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>Nlc.Api.dll as built beside this test project, in the same configuration.</summary>
    private static string ApiAssemblyPath
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
            var path = Path.Combine(RepositoryPaths.Root, "src", "Nlc.Api", "bin", BuildConfiguration, framework, "Nlc.Api.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the API is not at " + path);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}

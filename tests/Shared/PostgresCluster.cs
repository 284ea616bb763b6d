using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nlc.Testing;

/// <summary>
/// A throw-away PostgreSQL cluster for the tests that run on PostgreSQL: Debian's <c>initdb</c> and <c>pg_ctl</c> (installed
/// by scripts/install-postgresql.sh when missing) in a temporary folder, on a free port of 127.0.0.1, started once per test
/// process and stopped at its end (each test project's AssemblyCleanup calls <see cref="StopAsync"/>). Each test class gets a database of its own. The
/// server refuses to run as root, so as root the programs run as the <c>postgres</c> user, who owns the folder.
/// </summary>
internal sealed class PostgresCluster
{
    /// <summary>Set to <c>postgres</c> to run the tests that use <see cref="TestEngine"/> on PostgreSQL instead of SQLite.</summary>
    public const string EngineVariable = "NLC_TEST_ENGINE";

    private const string SuperUser = "nlc";
    private static readonly Lazy<Task<PostgresCluster>> Shared = new(StartAsync);
    private static int _databases;
    private readonly string _bin;
    private readonly string _folder;

    private PostgresCluster(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    /// <summary>The port the cluster listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Whether this test process has started the cluster.</summary>
    public static bool Started => Shared.IsValueCreated && Shared.Value.IsCompletedSuccessfully;

    /// <summary>The cluster of this test process, started on first use.</summary>
    public static Task<PostgresCluster> GetAsync() => Shared.Value;

    /// <summary>Creates a new, empty database named after <paramref name="purpose"/>; returns its Npgsql connection string.</summary>
    public static async Task<string> NewDatabaseAsync(string purpose)
    {
        var cluster = await GetAsync();
        var name = $"{new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40).ToArray())}_{Interlocked.Increment(ref _databases)}_{Environment.ProcessId}";
        await cluster.RunAsync(asServerUser: false, "createdb", "-h", "127.0.0.1", "-p", cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", SuperUser, name);
        return cluster.ConnectionString(name);
    }

    /// <summary>The connection string of database <paramref name="database"/> of this cluster.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={SuperUser};Database={database};Maximum Pool Size=30;Connection Idle Lifetime=10";

    /// <summary>Stops the cluster (fast: the data is thrown away) and deletes its folder.</summary>
    public static async Task StopAsync()
    {
        if (!Started)
        {
            return;
        }

        var cluster = await Shared.Value;
        await cluster.RunAsync(asServerUser: true, "pg_ctl", "-D", Path.Combine(cluster._folder, "data"), "-m", "immediate", "stop");
        Directory.Delete(cluster._folder, recursive: true);
    }

    private static async Task<PostgresCluster> StartAsync()
    {
        var bin = await FindOrInstallAsync();
        var folder = Directory.CreateTempSubdirectory("nlc-postgres-").FullName;
        if (IsRoot)
        {
            await RunCheckedAsync("chown", ["-R", "postgres:postgres", folder]);
        }

        var port = FreePort();
        var cluster = new PostgresCluster(bin, folder, port);
        var data = Path.Combine(folder, "data");
        // C collation: text sorts by code point, as in SQLite.
        await cluster.RunAsync(asServerUser: true, "initdb", "-D", data, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--no-locale");
        // Durability is not under test here (the tests kill servers of the toolkit, never PostgreSQL): skip the disk flushes.
        await cluster.RunAsync(
            asServerUser: true, "pg_ctl", "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start");
        return cluster;
    }

    private static async Task<string> FindOrInstallAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, "scripts", "install-postgresql.sh");
        var (exitCode, output) = await RunProcessAsync("bash", [script]);
        var bin = output.Trim().Split('\n')[^1].Trim();
        return exitCode == 0 && File.Exists(Path.Combine(bin, "initdb"))
            ? bin
            : throw new InvalidOperationException($"PostgreSQL is needed for this test and could not be found or installed ({script}):\n{output}");
    }

    private async Task RunAsync(bool asServerUser, string program, params string[] arguments)
    {
        var path = Path.Combine(_bin, program);
        if (asServerUser && IsRoot)
        {
            await RunCheckedAsync("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            await RunCheckedAsync(path, arguments);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static async Task RunCheckedAsync(string program, string[] arguments)
    {
        var (exitCode, output) = await RunProcessAsync(program, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({exitCode}):\n{output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(string program, string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Which engine the engine-neutral tests run on: SQLite, or PostgreSQL when <c>NLC_TEST_ENGINE=postgres</c>.</summary>
internal static class TestEngine
{
    /// <summary>Whether this test run puts the engine-neutral tests on PostgreSQL.</summary>
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(PostgresCluster.EngineVariable), "postgres", StringComparison.OrdinalIgnoreCase);
}

using System.Diagnostics;

namespace Nlc.Testing;

/// <summary>Runs the repository's own tools (tools/*.mjs), installing their npm packages from the lock file on first use.</summary>
internal static class ToolRunner
{
    private static readonly Lazy<Task> Installed = new(InstallAsync);

    public static string ToolsFolder => Path.Combine(RepositoryPaths.Root, "tools");

    /// <summary>Runs <c>node tools/{script}</c> with <paramref name="arguments"/>; returns the exit code and everything printed.</summary>
    public static async Task<(int ExitCode, string Output)> NodeAsync(string script, params string[] arguments)
    {
        await Installed.Value;
        return await RunAsync("node", [Path.Combine(ToolsFolder, script), .. arguments], RepositoryPaths.Root);
    }

    /// <summary>Runs a tool installed in tools/node_modules (e.g. redocly, nswag) with <paramref name="arguments"/>.</summary>
    public static async Task<(int ExitCode, string Output)> NpxAsync(string tool, params string[] arguments)
    {
        await Installed.Value;
        return await RunAsync("npx", ["--no-install", "--prefix", ToolsFolder, tool, .. arguments], ToolsFolder);
    }

    private static async Task InstallAsync()
    {
        if (Directory.Exists(Path.Combine(ToolsFolder, "node_modules")))
        {
            return;
        }

        var (exitCode, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--prefix", ToolsFolder], RepositoryPaths.Root);
        if (exitCode != 0)
        {
            throw new InvalidOperationException("npm ci in tools/ failed:\n" + output);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
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
}

using System.Diagnostics;

namespace Nlc.Web.Tests;

/// <summary>Debian's chromium, installed by scripts/install-chromium.sh (apt-get) on first use when missing.</summary>
internal static class Chromium
{
    private const string ExecutablePath = "/usr/bin/chromium";
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    /// <summary>The path of the chromium executable, installing it first if needed.</summary>
    public static Task<string> PathAsync() => Installed.Value;

    private static async Task<string> InstallAsync()
    {
        if (File.Exists(ExecutablePath))
        {
            return ExecutablePath;
        }

        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "install-chromium.sh"));
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(20));
        return process.ExitCode == 0 && File.Exists(ExecutablePath)
            ? ExecutablePath
            : throw new InvalidOperationException($"scripts/install-chromium.sh failed (exit {process.ExitCode}):\n{await output}\n{await errors}");
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nlc.Api.Tests;

/// <summary>
/// The README's run command, `dotnet run --project src/Nlc.Api`, run as a newcomer would (with --no-build, since the
/// tests built it): it listens where ASPNETCORE_URLS or --urls says, else on http://127.0.0.1:5080, and in Production.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class RunCommandTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [TestMethod]
    public async Task TheRunCommand_ListensWhereASPNETCORE_URLSSays_InProduction()
    {
        var address = $"http://127.0.0.1:{FreePort()}";

        var output = await RunUntilListeningAsync(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = address }, [], address);

        StringAssert.Contains(output, $"Now listening on: {address}");
        StringAssert.Contains(output, "Hosting environment: Production");
    }

    [TestMethod]
    public async Task TheRunCommand_ListensWhereTheUrlsArgumentSays_InProduction()
    {
        var address = $"http://127.0.0.1:{FreePort()}";

        var output = await RunUntilListeningAsync(new Dictionary<string, string>(), ["--urls", address], address);

        StringAssert.Contains(output, $"Now listening on: {address}");
        StringAssert.Contains(output, "Hosting environment: Production");
    }

    [TestMethod]
    public async Task TheRunCommand_WithNoAddressGiven_UsesPort5080OnThisMachineOnly()
    {
        // Another server on this machine may hold 5080 already: then the refusal to bind names the same address.
        var output = await RunUntilListeningAsync(new Dictionary<string, string>(), [], "http://127.0.0.1:5080", mayFailToBind: true);

        Assert.IsTrue(
            output.Contains("Now listening on: http://127.0.0.1:5080", StringComparison.Ordinal)
            || output.Contains("127.0.0.1:5080: address already in use", StringComparison.Ordinal),
            output);
        Assert.IsFalse(output.Contains("Hosting environment: Development", StringComparison.Ordinal), output);
    }

    /// <summary>Runs the command until the server answers /health at <paramref name="address"/> (or exits, when allowed), then stops it; returns its output.</summary>
    private static async Task<string> RunUntilListeningAsync(
        IReadOnlyDictionary<string, string> environment, string[] arguments, string address, bool mayFailToBind = false)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in (string[])["run", "--project", Path.Combine("src", "Nlc.Api"), "--no-build", "-c", ApiServer.BuildConfiguration, "--", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        // Nothing from the test run may choose for the command what the README says it chooses by itself.
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "DOTNET_URLS" })
        {
            info.Environment.Remove(inherited);
        }

        info.Environment["Nlc__DatabasePath"] = ApiServer.NewDatabasePath();
        info.Environment["NLC_BOOTSTRAP_ADMIN_KEY"] = ApiServer.AdminKey;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + StartTimeout;
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                if (Text(output).Contains("Now listening on: " + address, StringComparison.Ordinal) && Text(output).Contains("Hosting environment", StringComparison.Ordinal))
                {
                    using var health = await client.GetAsync("/health");
                    Assert.AreEqual(HttpStatusCode.OK, health.StatusCode, "the server answers where it says it listens");
                    return Text(output);
                }

                await Task.Delay(200);
            }

            if (process.HasExited && mayFailToBind)
            {
                await process.WaitForExitAsync();
                return Text(output);
            }

            throw new AssertFailedException($"The server did not listen on {address}:{Environment.NewLine}{Text(output)}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

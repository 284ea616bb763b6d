using System.Diagnostics;
using Dapper;
using Nlc.Storage;

namespace Nlc.Api.Tests;

/// <summary>
/// A full disk, for real: the database lives on a small tmpfs mount made for the test (the project's machines run tests
/// as root). Once the write-ahead log cannot grow, writes answer 503, nothing is corrupted, and the server recovers by
/// itself when there is room again.
/// </summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed class StorageFaultTests
{
    private string _mount = "";

    [TestInitialize]
    public async Task Mount()
    {
        _mount = TestFolders.New("tmpfs");
        var (exitCode, output) = await RunAsync("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", _mount);
        if (exitCode != 0)
        {
            Assert.Inconclusive($"This machine cannot mount a tmpfs for the test: {output}");
        }
    }

    [TestCleanup]
    public async Task Unmount() => await RunAsync("umount", "-l", _mount);

    [TestMethod]
    public async Task AFullDisk_Gets503_AndWritesWorkAgainOnceThereIsRoom()
    {
        await using var server = await ApiServer.StartAsync(Path.Combine(_mount, "nlc.db"));
        var cityId = await Scenario.CreateCityAsync(server, "Fullville");
        var filler = Path.Combine(_mount, "filler");
        await FillAsync(filler);

        var problems = 0;
        var seen = new List<int>();
        for (var i = 0; i < 600 && problems == 0; i++)
        {
            using var response = await server.Client.SendAsync(HttpMethod.Post, "/api/v1/cities", new { name = new string('x', 150) + i, country = "ME", tags = Enumerable.Range(0, 50).Select(t => new string('t', 150) + t).ToArray() });
            seen.Add((int)response.StatusCode);
            if ((int)response.StatusCode == 503)
            {
                StringAssert.Contains((await response.JsonAsync()).Text("detail"), "no room left");
                problems++;
            }
        }

        Assert.AreEqual(1, problems, $"a write to a full disk must answer 503; seen {string.Join(", ", seen.Distinct())} in {seen.Count} writes");
        File.Delete(filler);
        await server.Client.SendAsync(HttpMethod.Post, "/api/v1/cities", new { name = "Roomy", country = "ME" }).ExpectAsync(201);
        await server.Client.SendAsync(HttpMethod.Get, $"/api/v1/cities/{cityId}").ExpectAsync(200);
        Assert.AreEqual("ok", await new SqliteDatabase(server.DatabasePath).ReadAsync(c => c.ExecuteScalarAsync<string>("PRAGMA integrity_check")));
    }

    private static async Task FillAsync(string path)
    {
        await using var file = File.Create(path);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                await file.WriteAsync(block);
                await file.FlushAsync();
            }
        }
        catch (IOException)
        {
            // The disk is full, which is the point.
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}

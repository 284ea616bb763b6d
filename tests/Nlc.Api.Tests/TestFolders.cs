namespace Nlc.Api.Tests;

/// <summary>Every folder the tests make lives under one folder per run, removed when the run ends (with the PostgreSQL cluster, if one was started).</summary>
[TestClass]
public static class TestFolders
{
    private static readonly Lazy<string> Root = new(() => Directory.CreateTempSubdirectory("nlc-api-tests-").FullName);

    /// <summary>A new, empty folder named after <paramref name="purpose"/>.</summary>
    public static string New(string purpose) => Directory.CreateDirectory(Path.Combine(Root.Value, $"{purpose}-{Guid.NewGuid():N}")).FullName;

    [AssemblyCleanup]
    public static async Task RemoveAll()
    {
        await PostgresCluster.StopAsync();
        if (Root.IsValueCreated)
        {
            Directory.Delete(Root.Value, recursive: true);
        }
    }
}

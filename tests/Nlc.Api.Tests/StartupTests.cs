namespace Nlc.Api.Tests;

[TestClass]
public sealed class StartupTests
{
    [TestMethod]
    public async Task BrokenRubricFolder_RefusesToStartNamingTheFileAndProblem()
    {
        var folder = TestFolders.New("broken-rubrics");
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Rubrics, "nlc-1.0.0.yaml"));
        await File.WriteAllTextAsync(Path.Combine(folder, "nlc-1.0.0.yaml"), text.Replace("  - id: GP05\n", "  - id: GP04\n"));

        var (exitCode, output) = await ApiServer.RunToExitAsync(ApiServer.NewDatabasePath(), new Dictionary<string, string> { ["Nlc__RubricsPath"] = folder });

        Assert.AreEqual(1, exitCode, output);
        StringAssert.Contains(output, "The API cannot start");
        StringAssert.Contains(output, Path.Combine(folder, "nlc-1.0.0.yaml"));
        StringAssert.Contains(output, "duplicate practice id 'GP04'");
        Assert.IsFalse(output.Contains("Now listening", StringComparison.Ordinal), output);
    }
}

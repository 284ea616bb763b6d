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

    [TestMethod]
    public async Task TranslationOfAnotherRubricVersion_RefusesToStartNamingTheFileAndProblem()
    {
        var folder = ShippedRubricWithTranslation("sq", "rubricVersion: 1.0.0", "rubricVersion: 1.1.0");

        var (exitCode, output) = await ApiServer.RunToExitAsync(ApiServer.NewDatabasePath(), new Dictionary<string, string> { ["Nlc__RubricsPath"] = folder });

        Assert.AreEqual(1, exitCode, output);
        StringAssert.Contains(output, "The API cannot start");
        StringAssert.Contains(output, Path.Combine(folder, "translations", "nlc-1.0.0", "sq.yaml"));
        StringAssert.Contains(output, "the file translates version '1.1.0', but it stands in the folder of version 1.0.0");
        Assert.IsFalse(output.Contains("Now listening", StringComparison.Ordinal), output);
    }

    [TestMethod]
    public async Task IncompleteTranslation_StartsAndWarnsOfEachTextServedInEnglish()
    {
        var folder = ShippedRubricWithTranslation("sq", "  title:\n", "  unknown.key:\n");

        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string> { ["Nlc__RubricsPath"] = folder });

        StringAssert.Contains(server.Output, "Translation of nlc@1.0.0 into sq: revision 1, draft, 0 of 449 texts (0%); 450 warning(s)");
        StringAssert.Contains(server.Output, $"warning: {Path.Combine(folder, "translations", "nlc-1.0.0", "sq.yaml")}:10: unknown.key: the rubric has no text with this key");
    }

    /// <summary>A rubric folder with the shipped rubric and one translation file, the template with its English texts, edited.</summary>
    private static string ShippedRubricWithTranslation(string language, string replace, string with)
    {
        var folder = TestFolders.New("translated-rubrics");
        File.Copy(RepositoryPaths.ShippedRubric, Path.Combine(folder, "nlc-1.0.0.yaml"));
        var translations = Directory.CreateDirectory(Path.Combine(folder, "translations", "nlc-1.0.0")).FullName;
        var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Translations", "template-sq.yaml"));
        File.WriteAllText(Path.Combine(translations, $"{language}.yaml"), template.Replace(replace, with, StringComparison.Ordinal));
        return folder;
    }
}

using Nlc.Core.Scoring;
using Nlc.Excel.Import;

namespace Nlc.Excel.Tests;

/// <summary>The offline command line, run in-process: what it writes, what it prints, and its exit codes.</summary>
[TestClass]
public sealed class CliTests
{
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"nlc-cli-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Cli.Cli.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static void AssertNoStackTrace(string text) =>
        Assert.IsFalse(text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal), text);

    [TestMethod]
    [TestCategory(TestCategories.External)]
    public async Task CopyToPostgres_CopiesEveryRow_ThenRefusesADatabaseWithData()
    {
        var source = new Nlc.Storage.SqliteDatabase(Path.Combine(_folder, "nlc.db"));
        await Nlc.Storage.Migrator.MigrateAsync(source, TimeProvider.System);
        await new Nlc.Storage.CityStore(source, TimeProvider.System).CreateAsync(new("Copyville", "ME", null, null, ["lsc"]), "test");
        var target = await PostgresCluster.NewDatabaseAsync("clicopy");

        var (exitCode, output, error) = Run("copy-to-postgres", "--database", source.Path, "--to", target);
        var (againExitCode, _, againError) = Run("copy-to-postgres", "--database", source.Path, "--to", target);

        Assert.AreEqual(0, exitCode, error);
        StringAssert.Contains(output, "cities: 1 rows");
        StringAssert.Contains(output, "every row of every table compares equal");
        Assert.AreEqual(1, againExitCode);
        StringAssert.Contains(againError, "already holds data");
        AssertNoStackTrace(againError);
    }

    [TestMethod]
    public async Task Backup_WritesAConsistentCopy_AndRefusesToOverwrite()
    {
        var source = new Nlc.Storage.SqliteDatabase(Path.Combine(_folder, "nlc.db"));
        await Nlc.Storage.Migrator.MigrateAsync(source, TimeProvider.System);
        await new Nlc.Storage.CityStore(source, TimeProvider.System).CreateAsync(new("Backupville", "ME", null, null, []), "test");
        var target = Path.Combine(_folder, "copy.db");

        var (exitCode, output, error) = Run("backup", "--database", source.Path, "--to", target);
        var again = Run("backup", "--database", source.Path, "--to", target);

        Assert.AreEqual((Cli.Cli.ExitOk, ""), (exitCode, error));
        StringAssert.Contains(output, "a consistent copy");
        var copy = await new Nlc.Storage.CityStore(new Nlc.Storage.SqliteDatabase(target), TimeProvider.System).ListAsync(new(), 10, 0);
        Assert.AreEqual("Backupville", copy.Items.Single().Name);
        Assert.AreEqual(Cli.Cli.ExitRefused, again.ExitCode);
        StringAssert.Contains(again.Error, "exists already");
        AssertNoStackTrace(again.Error);
    }

    [TestMethod]
    public void Blank_InALanguageNotServed_WritesEnglish_AndSaysSo()
    {
        var path = Path.Combine(_folder, "xx.xlsx");

        var (exitCode, output, error) = Run("blank", "--rubric", RepositoryPaths.ShippedRubric, "--lang", "xx", "--out", path);

        Assert.AreEqual((Cli.Cli.ExitOk, ""), (exitCode, error));
        StringAssert.Contains(output, "'xx' is not a language served for this rubric; written in English (en) instead.");
        StringAssert.Contains(output, "a blank workbook of rubric nlc@1.0.0 in English (en)");
        Assert.AreEqual("en", new AssessmentWorkbookReader(TestData.Catalog).Read(File.OpenRead(path)).Metadata.Language);
    }

    [TestMethod]
    public void Blank_InAlbanian_WritesAlbanian_AndSaysSoInAlbanian_WithTheDraftNotice()
    {
        var path = Path.Combine(_folder, "sq.xlsx");

        var (exitCode, output, error) = Run("blank", "--rubric", RepositoryPaths.ShippedRubric, "--lang", "sq-XK", "--out", path);

        Assert.AreEqual((Cli.Cli.ExitOk, ""), (exitCode, error));
        StringAssert.Contains(output, "Tekstet janë përkthim paraprak");
        StringAssert.Contains(output, "skedar bosh i instrumentit nlc@1.0.0 në shqip (sq), 39 tregues.");
        Assert.AreEqual("sq", new AssessmentWorkbookReader(TestData.Catalog).Read(File.OpenRead(path)).Metadata.Language);
    }

    [TestMethod]
    public void Blank_WritesAWorkbookThatReadsBackEmpty()
    {
        var path = Path.Combine(_folder, "blank.xlsx");

        var (exitCode, output, error) = Run("blank", "--rubric", RepositoryPaths.ShippedRubric, "--lang", "en", "--out", path);

        Assert.AreEqual((Cli.Cli.ExitOk, ""), (exitCode, error));
        StringAssert.Contains(output, "nlc@1.0.0");
        var read = new AssessmentWorkbookReader(TestData.Catalog).Read(File.OpenRead(path));
        Assert.AreEqual((0, null), (read.Answers.Count, read.Metadata.AssessmentId));
    }

    [TestMethod]
    public void Score_ReadsAFilledWorkbook_PrintsTheScores_AndWritesTheReportNextToIt()
    {
        var path = Path.Combine(_folder, "filled.xlsx");
        var edits = TestData.Shipped.Indicators.Select((indicator, i) => new CellEdit(indicator.Id, WorkbookNames.Columns.Level, $"{(i % 4) + 1}"));
        File.WriteAllBytes(path, Workbooks.Fill(AssessmentWorkbookReaderTests.Blank(), edits));

        var (exitCode, output, error) = Run("score", path, "--rubrics", RepositoryPaths.Rubrics);

        Assert.AreEqual((Cli.Cli.ExitOk, ""), (exitCode, error));
        var expected = TestData.Score(TestData.Shipped, TestData.Shipped.Indicators.Select((indicator, i) => Answer.AtLevel(indicator.Id, (i % 4) + 1)).ToArray());
        StringAssert.Contains(output, $"Overall index: {expected.Overall!.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}");
        StringAssert.Contains(output, "39 of 39 indicators answered");
        var report = Path.Combine(_folder, "filled.report.xlsx");
        Assert.IsTrue(File.Exists(report));
        Assert.AreEqual(0, Workbooks.ValidationErrors(File.ReadAllBytes(report)).Count);
    }

    [TestMethod]
    public void Score_AWorkbookWithProblems_ListsThemAndFails()
    {
        var path = Path.Combine(_folder, "bad.xlsx");
        File.WriteAllBytes(path, Workbooks.Fill(AssessmentWorkbookReaderTests.Blank(), [new(TestData.Shipped.Indicators[0].Id, WorkbookNames.Columns.Level, "Maybe")]));

        var (exitCode, _, error) = Run("score", path);

        Assert.AreEqual(Cli.Cli.ExitRefused, exitCode);
        StringAssert.Contains(error, "Assessment!F3: \"Maybe\" is not a level; expected 0-4, Not applicable or Don't know");
        Assert.IsFalse(File.Exists(Path.Combine(_folder, "bad.report.xlsx")));
        AssertNoStackTrace(error);
    }

    [TestMethod]
    [DataRow("missing", "does not exist")]
    [DataRow("text", "this is not an Excel workbook (.xlsx)")]
    [DataRow("empty", "the file is empty")]
    public void Score_BadFiles_FailWithOneClearMessage(string kind, string message)
    {
        var path = Path.Combine(_folder, $"{kind}.xlsx");
        if (kind != "missing")
        {
            File.WriteAllText(path, kind == "text" ? "Indicator;Level" : "");
        }

        var (exitCode, _, error) = Run("score", path);

        Assert.AreEqual(Cli.Cli.ExitRefused, exitCode);
        StringAssert.Contains(error, message);
        AssertNoStackTrace(error);
    }

    [TestMethod]
    public void Blank_IntoAFolderThatDoesNotExist_SaysSo()
    {
        var path = Path.Combine(_folder, "no", "such", "blank.xlsx");

        var (exitCode, _, error) = Run("blank", "--rubric", RepositoryPaths.ShippedRubric, "--out", path);

        Assert.AreEqual(Cli.Cli.ExitRefused, exitCode);
        StringAssert.Contains(error, "its folder does not exist");
        AssertNoStackTrace(error);
    }

    [TestMethod]
    public void Blank_ABrokenRubric_ListsItsProblems()
    {
        var path = Path.Combine(_folder, "broken.yaml");
        File.WriteAllText(path, "id: nlc\nversion: one\n");

        var (exitCode, _, error) = Run("blank", "--rubric", path);

        Assert.AreEqual(Cli.Cli.ExitRefused, exitCode);
        StringAssert.Contains(error, "the rubric files have problems");
        AssertNoStackTrace(error);
    }

    [TestMethod]
    [DataRow(new string[0])]
    [DataRow(new[] { "explode" })]
    [DataRow(new[] { "blank" })]
    [DataRow(new[] { "blank", "--rubric" })]
    [DataRow(new[] { "score" })]
    [DataRow(new[] { "score", "a.xlsx", "--colour", "red" })]
    public void WrongCommandLines_ShowTheUsage(string[] args)
    {
        var (exitCode, output, error) = Run(args);

        Assert.AreEqual(Cli.Cli.ExitWrongUsage, exitCode);
        StringAssert.Contains(output + error, "Usage:");
        AssertNoStackTrace(error);
    }

    [TestMethod]
    public void Help_ShowsTheUsage()
    {
        var (exitCode, output, _) = Run("--help");

        Assert.AreEqual(Cli.Cli.ExitOk, exitCode);
        StringAssert.Contains(output, "nlc score <filled.xlsx>");
    }
}

using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Excel.Import;
using Nlc.Excel.Translations;

namespace Nlc.Excel.Tests;

/// <summary>The translators' round trip through the CLI: export, edit, import; every problem by its cell, all or nothing.</summary>
[TestClass]
public sealed class TranslationWorkbookTests
{
    private string _folder = "";

    [TestInitialize]
    public void CopyTheRubrics()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"nlc-translation-tests-{Guid.NewGuid():N}");
        foreach (var file in Directory.GetFiles(RepositoryPaths.Rubrics, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_folder, "rubrics", Path.GetRelativePath(RepositoryPaths.Rubrics, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Rubrics => Path.Combine(_folder, "rubrics");

    private string YamlOf(string language) => Path.Combine(Rubrics, "translations", "nlc-1.0.0", $"{language}.yaml");

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Cli.Cli.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private string Export(string language)
    {
        var path = Path.Combine(_folder, $"{language}.xlsx");
        var (exitCode, output, error) = Run("translations", "export", "--lang", language, "--rubrics", Rubrics, "--out", path);
        Assert.AreEqual((Cli.Cli.ExitOk, ""), (exitCode, error));
        StringAssert.Contains(output, "449 texts (449 translated, 0 missing, 0 stale)");
        return path;
    }

    /// <summary>Sets the cells of column <paramref name="column"/> in the rows of the given ids on the translation sheet.</summary>
    private static void Edit(string path, params (string Id, string Column, string Value)[] edits) =>
        File.WriteAllBytes(path, Workbooks.Edit(File.ReadAllBytes(path), document =>
        {
            var rows = Workbooks.SheetAt(document, 0).Worksheet.Descendants<Row>().ToList();
            foreach (var (id, column, value) in edits)
            {
                var row = rows.Single(r => r.Elements<Cell>().Any(c => c.CellReference!.Value!.StartsWith('A') && c.InnerText == id));
                var cell = row.Elements<Cell>().Single(c => c.CellReference!.Value == column + row.RowIndex!.Value);
                Workbooks.Set(document, cell, value.StartsWith('=') ? value[1..] : value, value.StartsWith('=') ? Shape.Formula : Shape.SharedString);
            }
        }));

    [TestMethod]
    public void AnUnchangedWorkbook_ChangesNothing()
    {
        var before = File.ReadAllText(YamlOf("mk"));

        var (exitCode, output, _) = Run("translations", "import", Export("mk"), "--rubrics", Rubrics);

        Assert.AreEqual(Cli.Cli.ExitOk, exitCode);
        StringAssert.Contains(output, "no text changed");
        Assert.AreEqual(before, File.ReadAllText(YamlOf("mk")));
    }

    [TestMethod]
    public void AChangedText_IsWrittenBack_WithTheRevisionRaised_AndNothingElseChanged()
    {
        var path = Export("hr");
        var before = TranslationFile.Read(YamlOf("hr"));
        Edit(path, ("pillar.trust.title", "D", "Uzajamno povjerenje \"i\" suradnja"), ("pillar.trust.title", "F", "Bolje ovako"));

        var (exitCode, output, error) = Run("translations", "import", path, "--rubrics", Rubrics);

        Assert.AreEqual((Cli.Cli.ExitOk, ""), (exitCode, error));
        StringAssert.Contains(output, "comment on pillar.trust.title: Bolje ovako");
        var after = TranslationFile.Read(YamlOf("hr"));
        Assert.AreEqual(before.Revision + 1, after.Revision);
        Assert.AreEqual("Uzajamno povjerenje \"i\" suradnja", after.Texts["pillar.trust.title"].Text);
        CollectionAssert.AreEqual(
            before.Texts.Where(t => t.Key != "pillar.trust.title").ToArray(),
            after.Texts.Where(t => t.Key != "pillar.trust.title").ToArray());
        Assert.AreEqual(("draft", before.ReviewNote), (after.ReviewStatus, after.ReviewNote));
        Assert.AreEqual(0, Nlc.Core.Rubrics.RubricLoader.ValidateDirectory(Rubrics).Count, "the rewritten file still loads");
    }

    [TestMethod]
    public void EveryProblem_IsNamedByItsCell_AndNothingIsWritten()
    {
        var path = Export("sq");
        var before = File.ReadAllText(YamlOf("sq"));
        Edit(
            path,
            ("title", "A", "titel"),
            ("description", "D", ""),
            ("scale.level.1.name", "D", new string('x', 200)),
            ("scale.level.2.name", "D", "=HYPERLINK(\"http://evil.example\")"),
            ("scale.level.3.name", "D", "Plotësisht e re"));

        var (exitCode, _, error) = Run("translations", "import", path, "--rubrics", Rubrics);
        var problems = Assert.ThrowsExactly<WorkbookRejectedException>(() => TranslationWorkbookReader.Read(File.OpenRead(path), TestData.Catalog, (_, _) => TranslationFile.Read(YamlOf("sq")), "sq")).Problems;

        Assert.AreEqual(Cli.Cli.ExitRefused, exitCode);
        Assert.AreEqual(before, File.ReadAllText(YamlOf("sq")), "all or nothing: the valid change was not written either");
        StringAssert.Contains(error, "Përkthimet!A4: \"titel\" is not an id of a text of this rubric; do not change the ids");
        StringAssert.Contains(error, "Përkthimet!D5: the translation of description is empty; write the translation");
        StringAssert.Contains(error, "Përkthimet!D10: the translation has 200 characters, the English only 7;");
        StringAssert.Contains(error, "Përkthimet!D12: \"=HYPERLINK(\"http://evil.example\")\" is a formula; type the value itself");
        CollectionAssert.AreEqual(
            new[] { "translationUnknownId", "translationEmpty", "translationTooLong", "formula" },
            problems.Select(p => p.Code).ToArray());
        StringAssert.StartsWith(problems[1].ToString(), "Përkthimet!D5: përkthimi i description është bosh");
    }

    [TestMethod]
    public void APlaceholderLost_IsAProblemOfItsCell()
    {
        var yaml = File.ReadAllText(RepositoryPaths.ShippedRubric).Replace(
            "  en: National-Local Cooperation self-assessment rubric\n", "  en: National-Local Cooperation self-assessment rubric of {city}\n", StringComparison.Ordinal);
        var rubric = Nlc.Core.Rubrics.RubricLoader.LoadText(yaml, "nlc-1.0.0.yaml");
        Assert.AreEqual("National-Local Cooperation self-assessment rubric of {city}", rubric.Title.Get("en"), "the made-up source has its placeholder");
        var path = Path.Combine(_folder, "placeholder.xlsx");
        File.WriteAllBytes(path, TranslationWorkbookWriter.Write(rubric, TranslationFile.Empty(rubric, "bs")));
        Edit(path, ("title", "D", "Instrument za samoprocjenu općine"));

        var problem = Assert.ThrowsExactly<WorkbookRejectedException>(() => TranslationWorkbookReader.Read(File.OpenRead(path), new([rubric]))).Problems.Single();

        Assert.AreEqual(("translationPlaceholderLost", "Prijevodi!D4: the translation lacks {city}, which the English has; keep placeholders as they are"), (problem.Code, problem.ToString()));
    }
}

using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Core.Languages;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.FillIn;
using Nlc.Excel.Import;
using Nlc.Excel.Reports;
using Nlc.Excel.Translations;

namespace Nlc.Excel.Tests;

/// <summary>
/// Every served language through LibreOffice: a fill-in workbook filled in with that language's words and re-saved by
/// Calc imports exactly; the three reports in that language, printed to PDF, keep no English word; and the translators'
/// workbook survives export, editing and a re-save. Two soffice calls for the class.
/// </summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed partial class LanguageLibreOfficeTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"nlc-language-tests-{Environment.ProcessId}");
    private static readonly string[] Languages = ["sq", "mk", "sr-Latn", "sr-Cyrl", "bs", "hr"];
    private static readonly string[] Reports = ["report", "progress", "hub"];

    /// <summary>Names and codes that are the same in every language (cities, countries' codes, the rubric's id and hash).</summary>
    private static readonly HashSet<string> AllowedEverywhere = new(["Danilovgrad", "Tuzla", "Čačak", "Bihać", "nlc", "sha"], StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, string> s_resaved = [];
    private static Dictionary<string, string> s_pdfs = [];

    [ClassInitialize]
    public static async Task ConvertEverythingOnce(TestContext context)
    {
        _ = context;
        Directory.CreateDirectory(Folder);
        string Save(string name, byte[] bytes)
        {
            var path = Path.Combine(Folder, name + ".xlsx");
            File.WriteAllBytes(path, bytes);
            return path;
        }

        var workbooks = Languages.Select(l => Save($"filled-{l}", Workbooks.Fill(new AssessmentWorkbookWriter().WriteBlank(TestData.Shipped, l), Edits(l)))).ToList();
        workbooks.Add(Save("translation-sq", EditedTranslationWorkbook()));
        var reports = Languages.SelectMany(l => new[]
        {
            Save($"report-{l}", AssessmentReportWriter.Write(TestData.Shipped, ReportWriterTests.CompleteScore, new ReportHeading("Danilovgrad", "2025", "ME", "asm_1", "validated"), l)),
            Save($"progress-{l}", CityProgressReportWriter.Write(TestData.Shipped, "Danilovgrad", [
                new PeriodScore("2024", ReportWriterTests.PartialScore, "validated"),
                new PeriodScore("2025", ReportWriterTests.CompleteScore, "validated"),
                new PeriodScore("2026", ReportWriterTests.PartialScore, "draft")], l, ReportWriterTests.Targets)),
            Save($"hub-{l}", HubComparisonReportWriter.Write(TestData.Shipped, [
                new HubComparisonEntry("Tuzla", "BA", "2025", ReportWriterTests.PartialScore, "draft"),
                new HubComparisonEntry("Danilovgrad", "ME", "2025", ReportWriterTests.CompleteScore, "validated", "2024", ReportWriterTests.PartialScore),
                new HubComparisonEntry("Čačak", "RS", "2025", ReportWriterTests.CompleteScore, "submitted")], l)),
        }).ToArray();

        s_resaved = (await LibreOffice.ConvertAsync(workbooks, "xlsx", Path.Combine(Folder, "resaved"))).ToDictionary(p => Path.GetFileNameWithoutExtension(p));
        s_pdfs = (await LibreOffice.ConvertAsync(reports, "pdf", Path.Combine(Folder, "pdf"))).ToDictionary(p => Path.GetFileNameWithoutExtension(p));
    }


    [ClassCleanup]
    public static void DeleteFolder() => Directory.Delete(Folder, recursive: true);

    /// <summary>Answers typed as an official of <paramref name="language"/> sees them: labels, names, Not applicable and Don't know in that language, and a number.</summary>
    private static CellEdit[] Edits(string language)
    {
        var scale = TestData.Shipped.Scale;
        var ids = TestData.Shipped.Indicators.Select(i => i.Id).ToArray();
        return
        [
            new(ids[0], "Level", $"3 - {scale.Levels[3].Name.Get(language)}"),
            new(ids[1], "Level", scale.Levels[1].Name.Get(language), Shape.InlineString),
            new(ids[2], "Level", scale.NotApplicable.Name.Get(language)), new(ids[2], "Reason (if not applicable)", "—"),
            new(ids[3], "Level", scale.DontKnow.Name.Get(language)),
            new(ids[4], "Level", "2", Shape.Number),
            new(ids[5], "Level", $"0 - {scale.Levels[0].Name.Get(language)}"), new(ids[5], "Note", "ćčžšđ ëç љњџ"),
        ];
    }

    [TestMethod]
    public void AWorkbookInEachLanguage_FilledInWithItsWords_AndResavedByLibreOffice_ImportsExactly()
    {
        var ids = TestData.Shipped.Indicators.Select(i => i.Id).ToArray();
        var expected = new[]
        {
            $"{ids[0]} Level 3", $"{ids[1]} Level 1", $"{ids[2]} NotApplicable —", $"{ids[3]} DontKnow", $"{ids[4]} Level 2", $"{ids[5]} Level 0 ćčžšđ ëç љњџ",
        };
        foreach (var language in Languages)
        {
            var import = new AssessmentWorkbookReader(TestData.Catalog).Read(File.OpenRead(s_resaved[$"filled-{language}"]));

            Assert.AreEqual(language, import.Metadata.Language);
            CollectionAssert.AreEqual(
                expected,
                import.Answers.Select(a => string.Join(' ', new object?[] { a.Answer.IndicatorId, a.Answer.Kind, a.Answer.Level, a.Answer.Reason, a.Answer.Note }.OfType<object>())).ToArray(),
                language);
        }
    }

    [TestMethod]
    public async Task TheReportsInEachLanguage_PrintedByLibreOffice_KeepNoEnglishWord()
    {
        var englishWords = Words(InterfaceTexts("en").Concat(RubricTexts.Of(TestData.Shipped).Select(t => t.Value.Get("en"))));
        var problems = new List<string>();
        foreach (var language in Languages)
        {
            var own = Words(InterfaceTexts(language).Concat(RubricTexts.Of(TestData.Shipped).Select(t => t.Value.Get(language))));
            foreach (var report in Reports)
            {
                var text = await LibreOffice.TextAsync(s_pdfs[$"{report}-{language}"]);
                var english = Words([text]).Where(w => englishWords.Contains(w) && !own.Contains(w) && !AllowedEverywhere.Contains(w)).Order(StringComparer.Ordinal).ToArray();
                if (english.Length > 0)
                {
                    problems.Add($"{report}-{language}: {string.Join(", ", english)}");
                }
            }
        }

        Assert.AreEqual("", string.Join("\n", problems));
    }

    [TestMethod]
    public void TheTranslatorsWorkbook_EditedAndResavedByLibreOffice_ImportsOnlyTheChangedTexts()
    {
        var import = TranslationWorkbookReader.Read(File.OpenRead(s_resaved["translation-sq"]), TestData.Catalog);
        var file = TranslationFile.Read(Path.Combine(RepositoryPaths.Rubrics, "translations", "nlc-1.0.0", "sq.yaml"));

        var (after, changed) = TranslationUpdate.Apply(file, import);

        CollectionAssert.AreEqual(new[] { "title", "scale.level.2.name" }, changed.ToArray());
        Assert.AreEqual(("Instrumenti i vetëvlerësimit (i rishikuar)", "=Në zhvillim"), (after.Texts["title"].Text, after.Texts["scale.level.2.name"].Text));
        Assert.AreEqual(file.Revision + 1, after.Revision);
        Assert.AreEqual("Lexuar nga një folës amtare", import.Rows.Single(r => r.Comment is not null).Comment);
        Assert.AreEqual(file.Texts.Count, after.Texts.Count);
        Assert.IsTrue(file.Texts.Keys.Except(changed).All(k => after.Texts[k] == file.Texts[k]), "an unchanged text was changed");
    }

    /// <summary>The Albanian translation workbook with two texts changed (one beginning like a formula) and a comment.</summary>
    private static byte[] EditedTranslationWorkbook()
    {
        var file = TranslationFile.Read(Path.Combine(RepositoryPaths.Rubrics, "translations", "nlc-1.0.0", "sq.yaml"));
        return Workbooks.Edit(TranslationWorkbookWriter.Write(TestData.Shipped, file), document =>
        {
            var rows = Workbooks.SheetAt(document, 0).Worksheet.Descendants<Row>().ToList();
            Cell At(string id, string column) => rows.Single(r => r.Elements<Cell>().Any(c => c.CellReference!.Value!.StartsWith('A') && c.InnerText == id))
                .Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith(column, StringComparison.Ordinal));
            Workbooks.Set(document, At("title", "D"), "Instrumenti i vetëvlerësimit (i rishikuar)", Shape.SharedString);
            Workbooks.Set(document, At("scale.level.2.name", "D"), "=Në zhvillim", Shape.InlineString);
            Workbooks.Set(document, At("scale.level.3.name", "F"), "Lexuar nga një folës amtare", Shape.SharedString);
        });
    }

    /// <summary>Every interface text of the reports in <paramref name="language"/>.</summary>
    private static IEnumerable<string> InterfaceTexts(string language) =>
        ExcelText.Catalog.EnglishKeys().Where(k => !k.StartsWith("Import.", StringComparison.Ordinal)).Select(k => ExcelText.Get(k, language));

    private static HashSet<string> Words(IEnumerable<string> texts) =>
        texts.SelectMany(t => Word().Matches(t).Select(m => m.Value.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\p{L}{3,}")]
    private static partial Regex Word();
}

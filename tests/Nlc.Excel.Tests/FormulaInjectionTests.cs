using System.Globalization;
using System.Text;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Scoring;
using Nlc.Excel.FillIn;
using Nlc.Excel.Import;
using Nlc.Excel.Reports;
using Nlc.Storage;

namespace Nlc.Excel.Tests;

/// <summary>
/// Formula injection (OWASP ASVS 5.0, 1.2.10): every workbook the toolkit writes (the fill-in workbook, blank and
/// prefilled, the three reports, and the report the command line writes), with user text that begins like a formula
/// everywhere a user can type, saved as CSV by a real LibreOffice, sheet by sheet. No CSV field may begin with a
/// formula character, unless it is a number the toolkit computed. And the fill-in workbook still reads back exactly
/// what was given, also after LibreOffice re-saved it.
/// </summary>
[TestClass]
public sealed class FormulaInjectionTests
{
    /// <summary>Text that spreadsheet programs take for a formula or a command when it starts a field.</summary>
    internal static readonly string[] Hostile =
    [
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+1+1",
        "-2+3",
        "@SUM(1,1)",
        "\t=1+1",
        "\r=1+1",
        "\n=1+1",
        "\0=1+1",
        "\uFF1D1+1",
        "=cmd|' /C calc'!A0",
        "'=1+1 with an apostrophe typed before it",
        "''@twice",
    ];

    private const string FormulaStarts = "=+-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20";
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"nlc-formula-tests-{Environment.ProcessId}");
    private static Dictionary<string, IReadOnlyList<string>> s_csv = [];
    private static string s_resavedFillIn = "";

    private static City HostileCity() =>
        new("city_1", Hostile[0], "ME", Hostile[1], 18000, [Hostile[3], Hostile[8]], TestData.When, TestData.When, 1);

    /// <summary>Every indicator answered, the first ones Not applicable with hostile reasons, notes and evidence.</summary>
    internal static AnswerInput[] HostileAnswers() => TestData.Shipped.Indicators
        .Select((indicator, i) => i < Hostile.Length
            ? new AnswerInput(Answer.NotApplicable(indicator.Id, Hostile[i], note: Hostile[(i + 1) % Hostile.Length]), [Hostile[(i + 2) % Hostile.Length], Hostile[(i + 3) % Hostile.Length]])
            : new AnswerInput(Answer.AtLevel(indicator.Id, i % 5, note: Hostile[i % Hostile.Length]), []))
        .ToArray();

    private static byte[] HostileFillIn() => new AssessmentWorkbookWriter().Write(
        TestData.Shipped,
        TestData.Assessment(TestData.Shipped),
        HostileCity(),
        HostileAnswers().Select(a => TestData.Stored(a.Answer, [.. a.Evidence])).ToArray(),
        "en");

    [ClassInitialize]
    public static async Task SaveEveryWorkbookAsCsvOnce(TestContext context)
    {
        _ = context;
        Directory.CreateDirectory(Folder);
        string Save(string name, byte[] bytes)
        {
            var path = Path.Combine(Folder, name + ".xlsx");
            File.WriteAllBytes(path, bytes);
            return path;
        }

        var score = TestData.Score(TestData.Shipped, HostileAnswers().Select(a => a.Answer).ToArray());
        var peers = ReportWriterTests.Peers with { Description = Hostile[2] };
        var fillIn = Save("fillin", HostileFillIn());
        var cli = Cli.Cli.Run(["score", fillIn, "--rubrics", RepositoryPaths.Rubrics, "--out", Path.Combine(Folder, "cli.xlsx")], TextWriter.Null, TextWriter.Null);
        Assert.AreEqual(Cli.Cli.ExitOk, cli, "the command line did not score the hostile workbook");
        string[] workbooks =
        [
            fillIn,
            Save("blank", new AssessmentWorkbookWriter().WriteBlank(TestData.Shipped, "en")),
            Save("report", AssessmentReportWriter.Write(TestData.Shipped, score, ReportHeading.Of(HostileCity(), TestData.Assessment(TestData.Shipped)), "en", peers)),
            Save("progress", CityProgressReportWriter.Write(TestData.Shipped, Hostile[0], [new PeriodScore("2024", score), new PeriodScore("2025", score)], "en")),
            Save("hub", HubComparisonReportWriter.Write(TestData.Shipped, Hostile.Select(name => new HubComparisonEntry(name, "ME", "2025", score)).ToArray(), "en")),
            Path.Combine(Folder, "cli.xlsx"),
        ];

        var csv = await LibreOffice.ConvertSheetsToCsvAsync(workbooks, Path.Combine(Folder, "csv"));
        s_csv = workbooks.Select((w, i) => (Path.GetFileNameWithoutExtension(w), csv[i])).ToDictionary(x => x.Item1, x => x.Item2);
        s_resavedFillIn = (await LibreOffice.ConvertAsync([fillIn], "xlsx", Path.Combine(Folder, "resaved")))[0];
    }

    [ClassCleanup]
    public static void DeleteFiles() => Directory.Delete(Folder, recursive: true);

    [TestMethod]
    [DataRow("fillin")]
    [DataRow("blank")]
    [DataRow("report")]
    [DataRow("progress")]
    [DataRow("hub")]
    [DataRow("cli")]
    public void SavedAsCsvByLibreOffice_NoFieldStartsWithAFormulaCharacter(string workbook)
    {
        var offending = new List<string>();
        var fields = 0;
        foreach (var file in s_csv[workbook])
        {
            foreach (var field in Fields(File.ReadAllText(file, Encoding.UTF8)))
            {
                fields++;
                if (field.Length > 0 && FormulaStarts.Contains(field[0], StringComparison.Ordinal)
                    && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    offending.Add($"{Path.GetFileName(file)}: {Show(field)}");
                }
            }
        }

        Assert.IsTrue(fields > 10, $"{workbook}: the CSV files hold only {fields} fields");
        Assert.AreEqual(0, offending.Count, $"{workbook}: fields that start like a formula:{Environment.NewLine}{string.Join(Environment.NewLine, offending.Take(20))}");
    }

    [TestMethod]
    public void SavedAsCsvByLibreOffice_TheUserTextIsThere_WithAnApostropheBeforeIt()
    {
        // Proves the hostile text reached every sheet it belongs on, so the test above had something to find.
        foreach (var workbook in new[] { "fillin", "report", "progress", "hub", "cli" })
        {
            var text = string.Concat(s_csv[workbook].Select(f => File.ReadAllText(f, Encoding.UTF8)));
            StringAssert.Contains(text, "'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")", workbook);
        }

        Assert.IsTrue(s_csv["fillin"].Any(f => f.EndsWith("-_meta.csv", StringComparison.Ordinal)), "the hidden _meta sheet was not saved as CSV");
        var fillIn = string.Concat(s_csv["fillin"].Select(f => File.ReadAllText(f, Encoding.UTF8)));
        StringAssert.Contains(fillIn, "'@SUM(1,1)");
        StringAssert.Contains(fillIn, "'-2+3");
        StringAssert.Contains(fillIn, "''=1+1 with an apostrophe typed before it");
    }

    [TestMethod]
    public void TheFillInWorkbook_ReadsBackExactlyWhatWasGiven_WithoutTheApostrophes()
    {
        var read = new AssessmentWorkbookReader(TestData.Catalog).Read(new MemoryStream(HostileFillIn()));

        AssessmentWorkbookReaderTests.AssertSameAnswers(AsImported(HostileAnswers()), read.Answers);
        Assert.AreEqual(Hostile[0], read.Metadata.CityName);
    }

    [TestMethod]
    public void TheFillInWorkbook_ResavedByLibreOffice_ReadsBackExactlyWhatWasGiven()
    {
        var bytes = File.ReadAllBytes(s_resavedFillIn);
        StringAssert.Contains(Workbooks.Entries(bytes)["docProps/app.xml"], "LibreOffice", "the workbook was not re-saved by LibreOffice");

        var read = new AssessmentWorkbookReader(TestData.Catalog).Read(new MemoryStream(bytes));

        AssessmentWorkbookReaderTests.AssertSameAnswers(AsImported(HostileAnswers()), read.Answers);
        Assert.AreEqual(Hostile[0], read.Metadata.CityName);
    }

    [TestMethod]
    [DataRow("=1+1", "'=1+1")]
    [DataRow("-", "'-")]
    [DataRow("\t=1", "'\t=1")]
    [DataRow("'=1", "''=1")]
    [DataRow("'hello", "'hello")]
    [DataRow("'", "'")]
    [DataRow("a=b", "a=b")]
    [DataRow("", "")]
    [DataRow("3 - Established", "3 - Established")]
    public void FormulaGuard_ProtectsTextThatBeginsLikeAFormula_AndUnprotectGivesItBack(string text, string stored)
    {
        Assert.AreEqual(stored, Nlc.Core.Text.FormulaGuard.Protect(text));
        Assert.AreEqual(text, Nlc.Core.Text.FormulaGuard.Unprotect(stored));
    }

    /// <summary>The answers as an import gives them: notes, reasons and evidence lines trimmed, as it always trims them.</summary>
    private static AnswerInput[] AsImported(AnswerInput[] answers) => answers
        .Select(a => new AnswerInput(
            a.Answer with { Note = a.Answer.Note?.Trim(), Reason = a.Answer.Reason?.Trim() },
            string.Join('\n', a.Evidence).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        .ToArray();

    private static string Show(string field) => field.Length > 50 ? field[..50] + "…" : field.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    /// <summary>The fields of a CSV text (RFC 4180: commas, double quotes around fields that hold them or line breaks).</summary>
    private static IEnumerable<string> Fields(string csv)
    {
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c is ',' or '\n' or '\r')
            {
                yield return field.ToString();
                field.Clear();
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0)
        {
            yield return field.ToString();
        }
    }
}

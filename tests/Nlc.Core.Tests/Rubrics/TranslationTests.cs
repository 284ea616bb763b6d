using Nlc.Core.Rubrics;

namespace Nlc.Core.Tests.Rubrics;

/// <summary>Translation files beside a small rubric in a folder of their own: read, validated and attached.</summary>
[TestClass]
public sealed class TranslationTests
{
    private const int MiniTextCount = 21;

    private static readonly string MiniRubric = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "BrokenRubrics", "_valid-mini.yaml"))
        .Replace("attribution: { en: Tests }", "attribution: { en: \"Tests for {city}\" }", StringComparison.Ordinal);

    private string _folder = null!;

    [TestInitialize]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "nlc-translations-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_folder, "translations", "mini-1.0.0"));
        File.WriteAllText(Path.Combine(_folder, "mini-1.0.0.yaml"), MiniRubric);
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public void Validate_ReportsMissingUnknownStaleEmptyAndLostPlaceholders_WithFileAndKey_AllAtOnce()
    {
        var file = WriteTranslation("sq", texts: new()
        {
            ["title"] = ("Mini", "Mini në shqip"),
            ["description"] = ("An older mini rubric", "Një rubrikë"),
            ["source"] = ("Tests", "  "),
            ["attribution"] = ("Tests for {city}", "Teste"),
            ["indicator.GP01.9.question"] = ("Is it?", "A është?"),
            ["pillar.p.title"] = ("P", "Shtylla"),
        });

        var report = RubricLoader.LoadDirectory(_folder).Find("mini", new RubricVersion(1, 0, 0))!.Translation("sq")!.Report;

        Assert.IsTrue(report.Problems.All(p => p.File == file), string.Join(Environment.NewLine, report.Problems));
        var found = report.Problems.Select(p => $"{p.Kind} {p.Key}").ToList();
        CollectionAssert.IsSubsetOf(
            new[] { "Stale description", "Empty source", "PlaceholderLost attribution", "Unknown indicator.GP01.9.question", "Missing scale.level.0.name", "Missing indicator.GP01.1.level.1" },
            found);
        Assert.AreEqual(4 + (MiniTextCount - 5), found.Count, string.Join(Environment.NewLine, found));
        Assert.AreEqual(2, report.Translated);
        Assert.AreEqual(MiniTextCount, report.Total);
        Assert.AreEqual(2.0 / MiniTextCount, report.Coverage, 1e-12);
        StringAssert.Contains(report.Problems.Single(p => p.Key == "description").ToString(), $"{file}:");
    }

    [TestMethod]
    public void Load_ServesEachTranslatedText_AndEnglishForTheRest()
    {
        WriteTranslation("sq", texts: new() { ["title"] = ("Mini", "Mini në shqip"), ["description"] = ("An older text", "E vjetër") });

        var rubric = RubricLoader.LoadDirectory(_folder).FindLatest("mini")!;

        Assert.AreEqual("Mini në shqip", rubric.Title.Get("sq"));
        Assert.AreEqual("Mini", rubric.Title.Get("en"));
        Assert.AreEqual("Mini rubric", rubric.Description.Get("sq"), "a stale text falls back to English");
        Assert.AreEqual("The pillar", rubric.Pillars[0].Summary.Get("sq"), "a missing text falls back to English");
        CollectionAssert.AreEqual(new[] { "en", "sq" }, rubric.Locales.ToArray());
    }

    [TestMethod]
    public void Load_SerbianLatin_AlsoServesSerbianCyrillic_Transliterated()
    {
        WriteTranslation("sr-Latn", revision: "3", texts: new() { ["title"] = ("Mini", "Mala rubrika za opštinu GP01"), ["indicator.GP01.1.level.1"] = ("one", "jedan") });

        var rubric = RubricLoader.LoadDirectory(_folder).FindLatest("mini")!;

        Assert.AreEqual("Мала рубрика за општину GP01", rubric.Title.Get("sr-Cyrl"));
        Assert.AreEqual("један", rubric.Indicators[0].Descriptor(1).Get("sr-Cyrl"));
        Assert.AreEqual("Mala rubrika za opštinu GP01", rubric.Title.Get("sr-Latn"));
        CollectionAssert.AreEqual(new[] { "en", "sr-Latn", "sr-Cyrl" }, rubric.Locales.ToArray());
        Assert.AreEqual(3, rubric.Translation("sr-Cyrl")!.Revision);
    }

    [TestMethod]
    public void Load_CarriesEachLanguagesRevisionAndReviewStatus()
    {
        WriteTranslation("sq", revision: "3", status: "reviewed", texts: new() { ["title"] = ("Mini", "Mini") });
        WriteTranslation("mk", texts: new() { ["title"] = ("Mini", "Мини") });

        var rubric = RubricLoader.LoadDirectory(_folder).FindLatest("mini")!;

        Assert.AreEqual((3, ReviewStatus.Reviewed), (rubric.Translation("sq")!.Revision, rubric.Translation("sq")!.Review));
        Assert.AreEqual((1, ReviewStatus.Draft), (rubric.Translation("mk")!.Revision, rubric.Translation("mk")!.Review));
        Assert.IsNull(rubric.Translation("hr"));
    }

    [TestMethod]
    public void Load_AttachingTranslations_ChangesNeitherVersionNorContentHash()
    {
        var alone = RubricLoader.LoadFile(Path.Combine(_folder, "mini-1.0.0.yaml"));
        WriteTranslation("sq", texts: new() { ["title"] = ("Mini", "Mini në shqip") });

        var translated = RubricLoader.LoadDirectory(_folder).FindLatest("mini")!;

        Assert.AreEqual("Mini në shqip", translated.Title.Get("sq"));
        Assert.AreEqual(alone.Version, translated.Version);
        Assert.AreEqual(alone.ContentHash, translated.ContentHash);
        Assert.AreEqual(RubricParser.ComputeContentHash(MiniRubric), translated.ContentHash);
    }

    [TestMethod]
    [DataRow("rubric: mini", "rubric: other", "rubric", "the file translates rubric 'other', but it stands in the folder of rubric 'mini'")]
    [DataRow("rubricVersion: 1.0.0", "rubricVersion: 2.0.0", "rubricVersion", "the file translates version '2.0.0', but it stands in the folder of version 1.0.0")]
    [DataRow("language: sq", "language: xx", "language", "'xx' is not a language translated by file")]
    [DataRow("language: sq", "language: sr-Cyrl", "language", "(sr-Cyrl is made from sr-Latn, en is the rubric itself)")]
    [DataRow("language: sq", "language: hr", "language", "the hr translation must be in a file named 'hr.yaml'")]
    [DataRow("revision: 1", "revision: first", "revision", "the revision must be a whole number from 1")]
    [DataRow("status: draft", "status: final", "review.status", "the review status must be 'draft' or 'reviewed'; found 'final'")]
    [DataRow("revision: 1", "revision: 1\ntranslator: me", "translator", "unknown key 'translator'")]
    [DataRow("    text: \"Mini\"", "    txt: \"Mini\"", "texts.title", "expected exactly { source: the English text, text: its translation }")]
    [DataRow("texts:", "texts: [", "", "not valid YAML")]
    public void Load_RefusesAStructurallyInvalidTranslationFile_SayingWhereAndWhy(string valid, string broken, string path, string message)
    {
        var file = WriteTranslation("sq", texts: new() { ["title"] = ("Mini", "Mini") });
        File.WriteAllText(file, File.ReadAllText(file).Replace(valid, broken, StringComparison.Ordinal));

        var error = Assert.ThrowsExactly<RubricLoadException>(() => RubricLoader.LoadDirectory(_folder));

        var problem = error.Problems.Single();
        Assert.AreEqual((file, path), (problem.File, problem.Path), problem.ToString());
        StringAssert.Contains(problem.Message, message);
        StringAssert.Contains(error.Message, file);
    }

    [TestMethod]
    public void Load_ReportsEveryStructuralProblemOfEveryFile_AllAtOnce()
    {
        var albanian = WriteTranslation("sq", rubricVersion: "9.9.9", status: "final", texts: new() { ["title"] = ("Mini", "Mini") });
        var croatian = WriteTranslation("hr", revision: "0", texts: new() { ["title"] = ("Mini", "Mini") });
        Directory.CreateDirectory(Path.Combine(_folder, "translations", "gone-1.0.0"));

        var error = Assert.ThrowsExactly<RubricLoadException>(() => RubricLoader.LoadDirectory(_folder));

        CollectionAssert.AreEquivalent(
            new[] { $"{albanian} rubricVersion", $"{albanian} review.status", $"{croatian} revision", $"{Path.Combine(_folder, "translations", "gone-1.0.0")} " },
            error.Problems.Select(p => $"{p.File} {p.Path}").ToArray());
    }

    private string WriteTranslation(
        string language,
        Dictionary<string, (string Source, string Text)> texts,
        string rubricVersion = "1.0.0",
        string revision = "1",
        string status = "draft")
    {
        var lines = new List<string>
        {
            "rubric: mini",
            $"rubricVersion: {rubricVersion}",
            $"language: {language}",
            $"revision: {revision}",
            "review:",
            $"  status: {status}",
            "  note: Written for a test.",
            "texts:",
        };
        foreach (var (key, (source, text)) in texts)
        {
            lines.Add($"  {key}:");
            lines.Add($"    source: \"{source}\"");
            lines.Add($"    text: \"{text}\"");
        }

        var file = Path.Combine(_folder, "translations", "mini-1.0.0", language + ".yaml");
        File.WriteAllLines(file, lines);
        return file;
    }
}

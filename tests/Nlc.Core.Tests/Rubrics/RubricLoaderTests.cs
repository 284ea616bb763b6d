using Nlc.Core.Rubrics;

namespace Nlc.Core.Tests.Rubrics;

[TestClass]
public sealed class RubricLoaderTests
{
    private static readonly string ValidMini = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "BrokenRubrics", "_valid-mini.yaml"));

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void EveryShippedRubric_Validates()
    {
        var problems = RubricLoader.ValidateDirectory(RepositoryPaths.Rubrics);

        Assert.AreEqual(0, problems.Count, string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void ShippedNlcRubric_HasThePracticesPillarsAndScaleOfTheBrief()
    {
        var rubric = RubricLoader.LoadDirectory(RepositoryPaths.Rubrics).FindLatest("nlc")!;

        CollectionAssert.AreEqual(Enumerable.Range(1, 13).Select(i => $"GP{i:00}").ToArray(), rubric.Practices.Select(p => p.Id).ToArray());
        CollectionAssert.AreEqual(
            new[] { "Communication", "Inclusivity", "Coordination", "Trust", "Capacity Building", "Sustainability" },
            rubric.Pillars.Select(p => p.Title.En).ToArray());
        Assert.IsTrue(rubric.Practices.All(p => p.Indicators.Count is >= 2 and <= 4), "about three indicators per practice");
        Assert.IsTrue(rubric.Indicators.All(i => i.Levels.Select(l => l.Level).SequenceEqual([0, 1, 2, 3, 4])));
        CollectionAssert.AreEqual(
            new[] { "Not in place", "Initial", "Developing", "Established", "Embedded" },
            rubric.Scale.Levels.Select(l => l.Name.En).ToArray());
        StringAssert.Contains(rubric.Attribution.En, "working paraphrase");
    }

    [TestMethod]
    public void ContentHash_IgnoresLineEndingsButNotContent()
    {
        var lf = RubricLoader.LoadText(ValidMini, "mini.yaml");
        var crlf = RubricLoader.LoadText(ValidMini.Replace("\n", "\r\n"), "mini.yaml");
        var edited = RubricLoader.LoadText(ValidMini.Replace("Is it so?", "Is it really so?"), "mini.yaml");

        Assert.AreEqual(lf.ContentHash, crlf.ContentHash);
        Assert.AreNotEqual(lf.ContentHash, edited.ContentHash);
        StringAssert.StartsWith(lf.ContentHash, "sha256:");
        Assert.AreEqual(71, lf.ContentHash.Length);
    }

    [TestMethod]
    public void LoadDirectory_FileNamedAfterAnotherVersion_IsRefused()
    {
        var folder = NewFolder();
        File.WriteAllText(Path.Combine(folder, "mini-1.0.0.yaml"), ValidMini);
        File.WriteAllText(Path.Combine(folder, "mini-1.1.0.yaml"), ValidMini);

        var error = Assert.ThrowsExactly<RubricLoadException>(() => RubricLoader.LoadDirectory(folder));

        Assert.AreEqual("the file of rubric mini@1.0.0 must be named 'mini-1.0.0.yaml'", error.Problems.Single().Message);
        Assert.AreEqual(Path.Combine(folder, "mini-1.1.0.yaml"), error.Problems.Single().File);
    }

    [TestMethod]
    public void LoadDirectory_OneBrokenFile_LoadsNothingAndNamesTheFile()
    {
        var folder = NewFolder();
        File.WriteAllText(Path.Combine(folder, "mini-1.0.0.yaml"), ValidMini);
        File.WriteAllText(Path.Combine(folder, "mini-1.1.0.yaml"), ValidMini.Replace("version: 1.0.0", "version: 1.1.0").Replace("weight: 1\n        question", "weight: 0\n        question"));

        var error = Assert.ThrowsExactly<RubricLoadException>(() => RubricLoader.LoadDirectory(folder));

        StringAssert.Contains(error.Message, "mini-1.1.0.yaml:23: practices[0].indicators[0].weight: weight must be greater than 0, found 0");
    }

    [TestMethod]
    public void LoadDirectory_MissingFolder_SaysSo()
    {
        var error = Assert.ThrowsExactly<RubricLoadException>(() => RubricLoader.LoadDirectory(Path.Combine(NewFolder(), "nope")));

        Assert.AreEqual("the rubric folder does not exist", error.Problems.Single().Message);
    }

    [TestMethod]
    public void Catalog_FindsEveryVersionAndTheLatest()
    {
        var folder = NewFolder();
        File.WriteAllText(Path.Combine(folder, "mini-1.0.0.yaml"), ValidMini);
        File.WriteAllText(Path.Combine(folder, "mini-1.10.0.yaml"), ValidMini.Replace("version: 1.0.0", "version: 1.10.0"));
        File.WriteAllText(Path.Combine(folder, "mini-1.9.0.yaml"), ValidMini.Replace("version: 1.0.0", "version: 1.9.0"));

        var catalog = RubricLoader.LoadDirectory(folder);

        Assert.AreEqual(new RubricVersion(1, 10, 0), catalog.FindLatest("mini")!.Version);
        Assert.AreEqual(3, catalog.Versions("mini").Count);
        Assert.IsNotNull(catalog.Find("mini", new RubricVersion(1, 9, 0)));
        Assert.IsNull(catalog.FindLatest("other"));
    }

    [TestMethod]
    [DataRow("sq", "Titulli")]
    [DataRow("sr-Latn-RS", "Naslov")]
    [DataRow("sr", "Naslov (sr)")]
    [DataRow("de", "Title")]
    [DataRow(null, "Title")]
    public void LocalizedText_FallsBackThroughParentLocalesToEnglish(string? locale, string expected)
    {
        var text = new LocalizedText(new Dictionary<string, string> { ["en"] = "Title", ["sq"] = "Titulli", ["sr-Latn"] = "Naslov", ["sr"] = "Naslov (sr)" });

        Assert.AreEqual(expected, text.Get(locale));
    }

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nlc-tests", TestContext.TestName + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}

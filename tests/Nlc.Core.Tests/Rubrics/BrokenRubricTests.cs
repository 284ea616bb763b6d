using Nlc.Core.Rubrics;

namespace Nlc.Core.Tests.Rubrics;

/// <summary>
/// Each file in BrokenRubrics/ is the smallest valid rubric with deliberate faults; its "# expect:" lines list exactly
/// the problems the loader must report, as "line path: message".
/// </summary>
[TestClass]
public sealed class BrokenRubricTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "BrokenRubrics");

    public static IEnumerable<object[]> BrokenFiles =>
        Directory.GetFiles(Folder, "*.yaml").Where(f => !Path.GetFileName(f).StartsWith('_')).Order().Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    public void TheTemplateOfTheBrokenFiles_IsValid()
    {
        var problems = RubricLoader.ValidateFile(Path.Combine(Folder, "_valid-mini.yaml"));

        Assert.AreEqual(0, problems.Count, string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    [DynamicData(nameof(BrokenFiles))]
    public void BrokenFile_ReportsExactlyTheExpectedProblems(string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        var expected = File.ReadLines(path).Where(l => l.StartsWith("# expect: ", StringComparison.Ordinal)).Select(l => l["# expect: ".Length..]).ToArray();

        var actual = RubricLoader.ValidateFile(path).Select(p => $"{p.Line} {p.Path}: {p.Message}").ToArray();

        var report = "actual problems:" + Environment.NewLine + string.Join(Environment.NewLine, actual.Select(a => "# expect: " + a));
        Assert.IsTrue(expected.Length > 0, $"{fileName} has no '# expect:' line; {report}");
        CollectionAssert.AreEqual(expected, actual, report);
    }

    [TestMethod]
    [DynamicData(nameof(BrokenFiles))]
    public void BrokenFile_NeverLoadsHalfWay(string fileName)
    {
        var path = Path.Combine(Folder, fileName);

        var error = Assert.ThrowsExactly<RubricLoadException>(() => RubricLoader.LoadFile(path));

        Assert.IsTrue(error.Problems.All(p => p.File == path));
        StringAssert.Contains(error.Message, path);
    }
}

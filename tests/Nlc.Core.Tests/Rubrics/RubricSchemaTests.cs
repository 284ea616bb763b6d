namespace Nlc.Core.Tests.Rubrics;

/// <summary>The JSON Schema that editors validate against agrees with the loader on shipped and broken files.</summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed class RubricSchemaTests
{
    private static readonly string BrokenFolder = Path.Combine(AppContext.BaseDirectory, "BrokenRubrics");

    [TestMethod]
    public async Task EveryShippedRubric_PassesTheJsonSchema()
    {
        var files = Directory.GetFiles(RepositoryPaths.Rubrics, "*.yaml");

        var (exitCode, output) = await ToolRunner.NodeAsync("validate-rubric-schema.mjs", files);

        Assert.AreEqual(0, exitCode, output);
        Assert.AreEqual(files.Length, output.Split('\n').Count(l => l.EndsWith(": valid", StringComparison.Ordinal)), output);
    }

    [TestMethod]
    [DataRow("wrong-shapes.yaml", "/title must be object")]
    [DataRow("bad-weights.yaml", "/practices/0/indicators/0/weight must be > 0")]
    [DataRow("missing-fields.yaml", "must have required property 'question'")]
    [DataRow("malformed-version.yaml", "/version must match pattern")]
    [DataRow("weight-not-a-number.yaml", "/practices/0/indicators/0/weight must be number")]
    public async Task AMisshapenRubric_FailsTheJsonSchema(string file, string expected)
    {
        var (exitCode, output) = await ToolRunner.NodeAsync("validate-rubric-schema.mjs", Path.Combine(BrokenFolder, file));

        Assert.AreEqual(1, exitCode, output);
        StringAssert.Contains(output, expected);
    }
}

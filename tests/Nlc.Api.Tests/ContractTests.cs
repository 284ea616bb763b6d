using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nlc.Api.Tests;

/// <summary>The partner contract: the committed OpenAPI document is what the server serves, passes a real linter, and the committed clients are what it generates.</summary>
[TestClass]
public sealed class ContractTests
{
    private static string CommittedDocument => Path.Combine(RepositoryPaths.Root, "openapi", "v1.json");

    [TestMethod]
    public async Task TheServedDocument_IsTheCommittedOne()
    {
        await using var server = await ApiServer.StartAsync();

        var served = JsonNode.Parse(await server.ClientFor(null).GetStringAsync("/openapi/v1.json"));
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedDocument));

        Assert.IsTrue(JsonNode.DeepEquals(committed, served), "openapi/v1.json differs from /openapi/v1.json: rebuild src/Nlc.Api and commit the document.");
    }

    [TestMethod]
    [TestCategory(TestCategories.External)]
    public async Task TheDocument_PassesTheRedoclyLinterWithNoErrors()
    {
        var (exitCode, output) = await ToolRunner.NpxAsync("redocly", "lint", CommittedDocument, "--format=summary");

        Assert.AreEqual(0, exitCode, output);
        Assert.IsFalse(output.Contains("error ", StringComparison.Ordinal), output);
    }

    [TestMethod]
    public async Task EveryOperation_HasAnIdASummaryAndProblemResponses()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(CommittedDocument))!;
        var failures = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                if (operation!["operationId"] is null || operation["summary"] is null || operation["description"] is null)
                {
                    failures.Add($"{where}: operationId, summary and description are required");
                }

                if (path.StartsWith("/api/v1", StringComparison.Ordinal))
                {
                    var responses = operation["responses"]!.AsObject();
                    foreach (var status in new[] { "401", "429" })
                    {
                        if (responses[status]?["content"]?["application/problem+json"] is null)
                        {
                            failures.Add($"{where}: no application/problem+json {status}");
                        }
                    }

                    if (operation["security"]?.AsArray().Count != 1)
                    {
                        failures.Add($"{where}: no bearer security requirement");
                    }
                }
            }
        }

        Assert.AreEqual(0, failures.Count, string.Join(Environment.NewLine, failures));
    }

    [TestMethod]
    [TestCategory(TestCategories.External)]
    public async Task TheCommittedClients_AreWhatTheCommittedDocumentGenerates()
    {
        var output = TestFolders.New("clients");
        var csharp = Path.Combine(output, "NlcApiClient.g.cs");
        var typescript = Path.Combine(output, "nlcApiClient.ts");

        var (exitCode, log) = await ToolRunner.NpxAsync(
            "nswag", "run", Path.Combine(RepositoryPaths.Root, "nswag.json"), "/runtime:Net100",
            $"/variables:Document={CommittedDocument},CSharpOutput={csharp},TypeScriptOutput={typescript}");

        Assert.AreEqual(0, exitCode, log);
        Assert.IsTrue(
            await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "src", "Nlc.Client", "NlcApiClient.g.cs")) == await File.ReadAllTextAsync(csharp),
            "src/Nlc.Client is stale: run scripts/generate-clients.sh and commit.");
        Assert.IsTrue(
            await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "clients", "typescript", "nlcApiClient.ts")) == await File.ReadAllTextAsync(typescript),
            "clients/typescript is stale: run scripts/generate-clients.sh and commit.");
    }

    [TestMethod]
    public async Task TheDocsPage_IsServed()
    {
        await using var server = await ApiServer.StartAsync();

        var page = await server.ClientFor(null).GetStringAsync("/docs/index.html");

        StringAssert.Contains(page, "swagger-ui");
    }
}

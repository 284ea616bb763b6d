using System.Text.Json;
using Nlc.Api.Http;

namespace Nlc.Api.Tests;

/// <summary>Every entry of a problem's <c>errors</c> list carries a code from the documented vocabulary, and the contract says so.</summary>
[TestClass]
public sealed class ProblemCodesTests
{
    [TestMethod]
    public async Task EveryErrorOfABadRequest_CarriesAKnownCode()
    {
        await using var api = InProcessApi.Start();
        var cityId = await Scenario.CreateCityAsync(api, "Codeville");
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(api.Client, cityId);
        var requests = new (HttpMethod Method, string Url, object? Body, string? IfMatch, string Field, string Code)[]
        {
            (HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP01.1", new { level = 9 }, etag, "$", ProblemCodes.OutOfRange),
            (HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP01.1", new { notApplicable = true }, etag, "$", ProblemCodes.Required),
            (HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers", new { answers = new[] { new { indicatorId = "GP99.9", level = 1 } } }, etag, "answers[0]", ProblemCodes.Unknown),
            (HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers", new { answers = new[] { new { indicatorId = "GP01.1", level = 1 }, new { indicatorId = "GP01.1", level = 2 } } }, etag, "answers[1]", ProblemCodes.Duplicate),
            (HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP01.1", """{"level":"3"}""", etag, "$.level", ProblemCodes.Malformed),
            (HttpMethod.Post, $"/api/v1/assessments/{assessmentId}/submit", null, etag, $"answers.GP01.1", ProblemCodes.Unanswered),
            (HttpMethod.Post, "/api/v1/cities", new { name = "", country = "ME" }, null, "name", ProblemCodes.Length),
            (HttpMethod.Post, "/api/v1/keys", new { name = "k", role = "hub", cityIds = new[] { cityId } }, null, "cityIds", ProblemCodes.NotAllowed),
            (HttpMethod.Get, "/api/v1/cities?limit=0", null, null, "limit", ProblemCodes.OutOfRange),
            (HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP01.1", new { level = 1 }, "three", "If-Match", ProblemCodes.Required),
        };

        var failures = new List<string>();
        foreach (var (method, url, body, ifMatch, field, code) in requests)
        {
            using var response = await api.Client.SendAsync(method, url, body, ifMatch);
            var problem = await response.JsonAsync();
            var errors = problem.TryGetProperty("errors", out var list) ? list.EnumerateArray().ToArray() : [];
            if (!errors.Any(e => e.Text("field") == field && e.Text("code") == code) || !errors.All(e => ProblemCodes.All.Contains(e.Text("code"))))
            {
                failures.Add($"{method} {url}: expected {field} {code} in {problem}");
            }
        }

        Assert.AreEqual("", string.Join(Environment.NewLine, failures));
    }

    [TestMethod]
    public async Task TheContract_TypesTheErrorListAndNamesEveryCode()
    {
        await using var api = InProcessApi.Start();
        var document = await api.Client.SendAsync(HttpMethod.Get, "/openapi/v1.json").ExpectAsync(200);
        var schemas = document.GetProperty("components").GetProperty("schemas");

        Assert.AreEqual("#/components/schemas/ProblemError", schemas.GetProperty("ProblemDetails").GetProperty("properties").GetProperty("errors").GetProperty("items").GetProperty("$ref").GetString());
        var codeDescription = schemas.GetProperty("ProblemError").GetProperty("properties").GetProperty("code").GetProperty("description").GetString()!;
        foreach (var code in ProblemCodes.All)
        {
            StringAssert.Contains(codeDescription, code);
        }

        var problemResponses = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .SelectMany(operation => operation.Value.TryGetProperty("responses", out var responses) ? responses.EnumerateObject() : Enumerable.Empty<JsonProperty>())
            .Where(response => response.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _))
            .Select(response => response.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString())
            .Distinct()
            .ToArray();
        CollectionAssert.AreEqual(new[] { "#/components/schemas/ProblemDetails" }, problemResponses);
    }
}

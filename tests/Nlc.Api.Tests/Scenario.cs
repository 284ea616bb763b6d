using System.Text.Json;

namespace Nlc.Api.Tests;

/// <summary>Builders for test data made through the API itself: cities, keys, assessments and answers.</summary>
internal static class Scenario
{
    public static readonly string[] IndicatorIds = LoadIndicatorIds();

    public static async Task<string> CreateCityAsync(IApiHost server, string name = "Danilovgrad", string country = "ME", string? region = null, string[]? tags = null)
    {
        var city = await server.Client.SendAsync(HttpMethod.Post, "/api/v1/cities", new { name, country, region, tags }).ExpectAsync(201);
        return city.Text("id");
    }

    public static async Task<string> CreateKeyAsync(IApiHost server, string role, params string[] cityIds)
    {
        var key = await server.Client.SendAsync(HttpMethod.Post, "/api/v1/keys", new { name = $"{role} key", role, cityIds }).ExpectAsync(201);
        return key.Text("key");
    }

    public static async Task<(string Id, string ETag)> CreateAssessmentAsync(HttpClient client, string cityId, string period = "2025")
    {
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/v1/cities/{cityId}/assessments", new { rubricId = "nlc", period });
        var json = await response.JsonAsync();
        Assert.AreEqual(201, (int)response.StatusCode, json.ToString());
        return (json.Text("id"), response.ETag());
    }

    /// <summary>Answers every indicator at <paramref name="level"/>; returns the new ETag.</summary>
    public static async Task<string> AnswerAllAsync(HttpClient client, string assessmentId, string etag, int level)
    {
        var answers = IndicatorIds.Select(id => new { indicatorId = id, level }).ToArray();
        using var response = await client.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers", new { answers }, etag);
        Assert.AreEqual(200, (int)response.StatusCode, (await response.JsonAsync()).ToString());
        return response.ETag();
    }

    /// <summary>A city with an assessment answered at <paramref name="level"/>, submitted and validated; returns its ids.</summary>
    public static async Task<(string CityId, string AssessmentId)> ValidatedAssessmentAsync(
        IApiHost server, string name, int level = 2, string country = "ME", string[]? tags = null, string period = "2025")
    {
        var cityId = await CreateCityAsync(server, name, country, tags: tags);
        var assessmentId = await ValidatedAssessmentOfAsync(server, cityId, level, period);
        return (cityId, assessmentId);
    }

    /// <summary>An assessment of <paramref name="cityId"/> for <paramref name="period"/> answered at <paramref name="level"/>, submitted and validated.</summary>
    public static async Task<string> ValidatedAssessmentOfAsync(IApiHost server, string cityId, int level, string period)
    {
        var (assessmentId, etag) = await CreateAssessmentAsync(server.Client, cityId, period);
        etag = await AnswerAllAsync(server.Client, assessmentId, etag, level);
        using var submitted = await server.Client.SendAsync(HttpMethod.Post, $"/api/v1/assessments/{assessmentId}/submit", ifMatch: etag);
        using var validated = await server.Client.SendAsync(HttpMethod.Post, $"/api/v1/assessments/{assessmentId}/validate", ifMatch: submitted.ETag());
        Assert.AreEqual(200, (int)validated.StatusCode);
        return assessmentId;
    }

    private static string[] LoadIndicatorIds()
    {
        var rubric = Nlc.Core.Rubrics.RubricLoader.LoadFile(Path.Combine(RepositoryPaths.Rubrics, "nlc-1.0.0.yaml"));
        return rubric.Indicators.Select(i => i.Id).ToArray();
    }
}

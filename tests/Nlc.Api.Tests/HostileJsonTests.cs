using System.Text;
using System.Text.Json.Nodes;

namespace Nlc.Api.Tests;

/// <summary>
/// 1,000 malformed or mistyped JSON bodies against every write endpoint (seeded, so every run sends the same ones):
/// never a 5xx, always Problem Details, and the database byte-for-byte as before. Versioned writes carry a stale
/// If-Match, so even a body that happened to be valid could not change anything.
/// </summary>
[TestClass]
public sealed class HostileJsonTests
{
    private const int Bodies = 1000;
    private const string Structural = "{}[]:,\"";

    [TestMethod]
    public async Task MalformedBodies_AreProblemsAndChangeNothing()
    {
        await using var server = await ApiServer.StartAsync();
        var cityId = await Scenario.CreateCityAsync(server, "Fuzzville");
        var (assessmentId, _) = await Scenario.CreateAssessmentAsync(server.Client, cityId);
        var endpoints = new (HttpMethod Method, string Url, string? IfMatch, string ValidBody, string[] Required)[]
        {
            (HttpMethod.Post, "/api/v1/cities", null, """{"name":"Fuzz","country":"ME","region":"R","population":5,"tags":["t"]}""", ["name", "country"]),
            (HttpMethod.Patch, $"/api/v1/cities/{cityId}", "\"999\"", """{"name":"Fuzz","country":"ME"}""", []),
            (HttpMethod.Post, $"/api/v1/cities/{cityId}/assessments", null, """{"rubricId":"nlc","period":"2031"}""", ["rubricId", "period"]),
            (HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers", "\"999\"", """{"answers":[{"indicatorId":"GP01.1","level":2,"note":"n","evidence":["e"]}]}""", ["answers"]),
            (HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP02.1", "\"999\"", """{"notApplicable":true,"reason":"r"}""", []),
            (HttpMethod.Put, $"/api/v1/cities/{cityId}/targets", null, """{"rubricId":"nlc","targetPeriod":"2030","indicators":{"GP01.1":3}}""", ["rubricId", "targetPeriod"]),
            (HttpMethod.Post, "/api/v1/keys", null, """{"name":"k","role":"partner"}""", ["name", "role"]),
        };
        var before = await DatabaseDump.ReadAsync(server.DatabasePath);
        var random = new Random(20260101);
        var failures = new List<string>();

        for (var i = 0; i < Bodies; i++)
        {
            var endpoint = endpoints[i % endpoints.Length];
            var body = Mutate(endpoint.ValidBody, endpoint.Required, random);
            using var request = new HttpRequestMessage(endpoint.Method, endpoint.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            if (endpoint.IfMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", endpoint.IfMatch);
            }

            using var response = await server.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500 || response.ContentType()?.MediaType != "application/problem+json")
            {
                failures.Add($"{endpoint.Method} {endpoint.Url} {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 200)])} → {status} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.AreEqual(0, failures.Count, string.Join(Environment.NewLine, failures.Take(10)));
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(server.DatabasePath));
    }

    private static byte[] Mutate(string valid, string[] required, Random random)
    {
        var text = random.Next(9) switch
        {
            0 => valid[..random.Next(1, valid.Length - 1)],
            1 => ReplaceStructural(valid, random),
            2 => WithField(valid, "unexpected" + random.Next(100), JsonValue.Create(random.Next())),
            3 when required.Length > 0 => WithField(valid, required[random.Next(required.Length)], RandomWrongValue(random)),
            4 when required.Length > 0 => WithoutField(valid, required[random.Next(required.Length)]),
            5 => RandomScalar(random),
            6 => new string('[', 5000) + new string(']', 5000),
            7 => valid.Replace("\"", "'", StringComparison.Ordinal),
            _ => Encoding.UTF8.GetString(Enumerable.Range(0, random.Next(1, 64)).Select(_ => (byte)random.Next(256)).ToArray()),
        };
        return Encoding.UTF8.GetBytes(text);
    }

    private static string ReplaceStructural(string valid, Random random)
    {
        var positions = Enumerable.Range(0, valid.Length).Where(i => Structural.Contains(valid[i])).ToArray();
        var at = positions[random.Next(positions.Length)];
        var replacement = Structural.Where(c => c != valid[at]).ElementAt(random.Next(Structural.Length - 1));
        return valid[..at] + replacement + valid[(at + 1)..];
    }

    private static string WithField(string valid, string name, JsonNode? value)
    {
        var node = JsonNode.Parse(valid)!.AsObject();
        node[name] = value;
        return node.ToJsonString();
    }

    private static string WithoutField(string valid, string name)
    {
        var node = JsonNode.Parse(valid)!.AsObject();
        node.Remove(name);
        return node.ToJsonString();
    }

    /// <summary>A value of a type no required field accepts: every required field is a string, or a list of objects.</summary>
    private static JsonNode? RandomWrongValue(Random random) => random.Next(4) switch
    {
        0 => JsonValue.Create(random.NextDouble() * 1e308),
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => new JsonObject { ["nested"] = random.Next() },
        _ => null,
    };

    private static string RandomScalar(Random random) => random.Next(5) switch
    {
        0 => "null",
        1 => "12345678901234567890123456789",
        2 => "\"" + new string('x', random.Next(1, 300)) + "\"",
        3 => "true",
        _ => "[]",
    };
}

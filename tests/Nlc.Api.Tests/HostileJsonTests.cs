using System.Text;
using System.Text.Json;
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
    private const string ActionBody =
        """{"title":"t","description":"d","targets":[{"practiceId":"GP01","indicatorId":"GP01.1","targetLevel":2}],"responsible":"r","partners":["p"],"start":"2026-01-01","due":"2026-12-31"}""";
    private const string CaseNoteBody = """{"practiceId":"GP01","title":"t","challenge":"c","approach":"a","impact":"i","contactRole":"r"}""";
    private const string Structural = "{}[]:,\"";

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public async Task MalformedBodies_AreProblemsAndChangeNothing()
    {
        await using var server = InProcessApi.Start();
        var cityId = await Scenario.CreateCityAsync(server, "Fuzzville");
        var (assessmentId, _) = await Scenario.CreateAssessmentAsync(server.Client, cityId);
        var keyId = (await server.Client.SendAsync(HttpMethod.Post, "/api/v1/keys", new { name = "partner", role = "partner" }).ExpectAsync(201)).Text("id");
        var endpoints = new (HttpMethod Method, string Url, string? IfMatch, string ValidBody, string[] Required)[]
        {
            (HttpMethod.Post, "/api/v1/cities", null, """{"name":"Fuzz","country":"ME","region":"R","population":5,"tags":["t"]}""", ["name", "country"]),
            (HttpMethod.Patch, $"/api/v1/cities/{cityId}", "\"999\"", """{"name":"Fuzz","country":"ME"}""", []),
            (HttpMethod.Post, $"/api/v1/cities/{cityId}/assessments", null, """{"rubricId":"nlc","period":"2031"}""", ["rubricId", "period"]),
            (HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers", "\"999\"", """{"answers":[{"indicatorId":"GP01.1","level":2,"note":"n","evidence":["e"]}]}""", ["answers"]),
            (HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP02.1", "\"999\"", """{"notApplicable":true,"reason":"r"}""", []),
            (HttpMethod.Put, $"/api/v1/cities/{cityId}/targets", null, """{"rubricId":"nlc","targetPeriod":"2030","indicators":{"GP01.1":3}}""", ["rubricId", "targetPeriod"]),
            (HttpMethod.Post, "/api/v1/keys", null, """{"name":"k","role":"partner"}""", ["name", "role"]),
            (HttpMethod.Post, $"/api/v1/cities/{cityId}/action-plan/actions", "\"999\"", ActionBody, ["title", "targets", "responsible"]),
            (HttpMethod.Post, $"/api/v1/cities/{cityId}/case-notes", null, CaseNoteBody, ["practiceId", "title", "challenge", "approach", "impact", "contactRole"]),
            (HttpMethod.Put, $"/api/v1/cities/{cityId}/contact-consent", "\"999\"", """{"practiceIds":["GP01"],"languages":["en"]}""", ["practiceIds"]),
            (HttpMethod.Post, "/api/v1/webhooks", null, $$"""{"keyId":"{{keyId}}","url":"https://93.184.215.14/hooks","events":["city.changed"]}""", ["keyId", "url", "events"]),
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

    /// <summary>A JSON type as JSON Schema names it, or "fraction" for a number with a fractional part (3.5, and also 3.0: see JsonBody).</summary>
    private static readonly (string Type, string Json)[] Samples =
    [
        ("boolean", "true"), ("integer", "7"), ("fraction", "1.5"), ("fraction", "3.0"), ("string", "\"x\""), ("string", "\"3\""),
        ("object", "{}"), ("array", "[]"),
    ];

    [TestMethod]
    public async Task EveryPositionOfEveryJsonBodyInTheOpenApiDocument_WithNullAWrongTypeNothingOrTwice_IsRefusedOrLegitimatelyApplied()
    {
        await using var server = InProcessApi.Start(new Dictionary<string, string> { ["Nlc__RequestsPerMinute"] = "100000" });
        var cityId = await Scenario.CreateCityAsync(server, "Schemaville");
        var (assessmentId, _) = await Scenario.CreateAssessmentAsync(server.Client, cityId);
        var document = JsonNode.Parse(await server.ClientFor(null).GetStringAsync("/openapi/v1.json"))!;
        var noteId = (await server.Client.SendAsync(HttpMethod.Post, $"/api/v1/cities/{cityId}/case-notes", CaseNoteBody).ExpectAsync(201)).Text("id");
        var keyId = (await server.Client.SendAsync(HttpMethod.Post, "/api/v1/keys", new { name = "partner", role = "partner" }).ExpectAsync(201)).Text("id");
        var bases = ValidBodies(cityId, assessmentId, noteId, keyId);
        var failures = new List<string>();
        var sent = 0;

        foreach (var (operationId, schema) in JsonRequestBodies(document))
        {
            if (!bases.TryGetValue(operationId, out var target))
            {
                failures.Add($"{operationId}: a JSON body with no valid example in this test; add one to ValidBodies");
                continue;
            }

            var valid = JsonNode.Parse(target.Body)!;
            failures.AddRange(Uncovered(document, schema, valid, operationId));
            foreach (var position in Positions(document, schema, valid, []))
            {
                foreach (var mutation in Mutations(document, position))
                {
                    var body = mutation.Apply(valid);
                    var before = await DatabaseDump.ReadAsync(server.DatabasePath);
                    using var request = new HttpRequestMessage(target.Method, target.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                    if (target.IfMatch is not null)
                    {
                        request.Headers.TryAddWithoutValidation("If-Match", target.IfMatch);
                    }

                    using var response = await server.Client.SendAsync(request);
                    sent++;
                    var status = (int)response.StatusCode;
                    var text = await response.Content.ReadAsStringAsync();
                    var where = $"{operationId} {position.Path} {mutation.Name}: {body} → {status} {text[..Math.Min(text.Length, 400)]}";
                    if (status is >= 200 and < 300)
                    {
                        if (mutation.MustBeRefused || target.IfMatch is not null)
                        {
                            failures.Add($"{where}: accepted, but it must be refused");
                        }
                        else if (Unechoed(JsonNode.Parse(body)!, JsonNode.Parse(text)!) is { } differs)
                        {
                            failures.Add($"{where}: accepted, but stored {differs} differently from what was sent");
                        }

                        continue;
                    }

                    if (status is < 400 or >= 500 || response.ContentType()?.MediaType != "application/problem+json")
                    {
                        failures.Add($"{where}: not a 4xx Problem Details");
                    }
                    else if (mutation.MustBeRefused && !text.Contains(position.Name, StringComparison.Ordinal))
                    {
                        failures.Add($"{where}: the problem does not name {position.Name}");
                    }

                    if (await DatabaseDump.ReadAsync(server.DatabasePath) != before)
                    {
                        failures.Add($"{where}: refused, yet the database changed");
                    }
                }
            }
        }

        Assert.IsTrue(sent > 300, $"only {sent} bodies were sent: the document's request schemas were not found");
        Assert.AreEqual(0, failures.Count, $"{failures.Count} of {sent}:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(15))}");
    }

    /// <summary>A valid body for every operation that takes JSON, with every property of its schema present. Versioned writes carry a stale If-Match.</summary>
    private static Dictionary<string, (HttpMethod Method, string Url, string? IfMatch, string Body)> ValidBodies(string cityId, string assessmentId, string noteId, string keyId) => new()
    {
        ["createCity"] = (HttpMethod.Post, "/api/v1/cities", null, """{"name":"Fuzz","country":"ME","region":"R","population":5,"tags":["t"]}"""),
        ["updateCity"] = (HttpMethod.Patch, $"/api/v1/cities/{cityId}", "\"999\"", """{"name":"Fuzz","country":"ME","region":"R","population":5,"tags":["t"]}"""),
        ["createAssessment"] = (HttpMethod.Post, $"/api/v1/cities/{cityId}/assessments", null, """{"rubricId":"nlc","period":"2031","rubricVersion":"1.0.0"}"""),
        ["saveAnswers"] = (HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers", "\"999\"", """
            {"answers":[
              {"indicatorId":"GP01.1","level":2,"notApplicable":false,"dontKnow":false,"reason":null,"note":"n","evidence":["e"]},
              {"indicatorId":"GP01.2","notApplicable":true,"reason":"r"},
              {"indicatorId":"GP01.3","dontKnow":true}]}
            """),
        ["saveAnswer"] = (HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP02.1", "\"999\"",
            """{"indicatorId":"GP02.1","level":2,"notApplicable":false,"dontKnow":false,"reason":null,"note":"n","evidence":["e"]}"""),
        ["setCityTargets"] = (HttpMethod.Put, $"/api/v1/cities/{cityId}/targets", null,
            """{"rubricId":"nlc","targetPeriod":"2030","indicators":{"GP01.1":3},"practices":{"GP02":2}}"""),
        ["createKey"] = (HttpMethod.Post, "/api/v1/keys", null, $$"""{"name":"k","role":"city","cityIds":["{{cityId}}"]}"""),
        ["createInvitation"] = (HttpMethod.Post, "/api/v1/invitations", null, $$"""{"email":"fuzz@example.org","displayName":"Fuzz","role":"city","cityIds":["{{cityId}}"]}"""),
        ["addAction"] = (HttpMethod.Post, $"/api/v1/cities/{cityId}/action-plan/actions", "\"999\"", ActionBody),
        ["updateAction"] = (HttpMethod.Put, $"/api/v1/cities/{cityId}/action-plan/actions/act_fuzz", "\"999\"", ActionBody),
        ["setActionStatus"] = (HttpMethod.Post, $"/api/v1/cities/{cityId}/action-plan/actions/act_fuzz/status", "\"999\"", """{"status":"dropped","dropReason":"r"}"""),
        ["addActionNote"] = (HttpMethod.Post, $"/api/v1/cities/{cityId}/action-plan/actions/act_fuzz/notes", "\"999\"", """{"date":"2026-03-31","text":"t"}"""),
        ["setActionPlanPublication"] = (HttpMethod.Put, $"/api/v1/cities/{cityId}/action-plan/publication", "\"999\"", """{"published":true}"""),
        ["startActionFromNextStep"] = (HttpMethod.Post, $"/api/v1/cities/{cityId}/action-plan/actions/from-next-step", "\"999\"", $$"""{"assessmentId":"{{assessmentId}}","indicatorId":"GP01.1"}"""),
        ["createCaseNote"] = (HttpMethod.Post, $"/api/v1/cities/{cityId}/case-notes", null, CaseNoteBody),
        ["updateCaseNote"] = (HttpMethod.Put, $"/api/v1/case-notes/{noteId}", "\"999\"", CaseNoteBody),
        ["returnCaseNote"] = (HttpMethod.Post, $"/api/v1/case-notes/{noteId}/return", "\"999\"", """{"reason":"r"}"""),
        ["setContactConsent"] = (HttpMethod.Put, $"/api/v1/cities/{cityId}/contact-consent", "\"999\"", """{"practiceIds":["GP01"],"languages":["en"]}"""),
        ["createWebhook"] = (HttpMethod.Post, "/api/v1/webhooks", null, $$"""{"keyId":"{{keyId}}","url":"https://93.184.215.14/hooks","events":["assessment.validated","city.changed"]}"""),
    };

    /// <summary>Every operation of the document whose request body is JSON, with that body's schema.</summary>
    private static IEnumerable<(string OperationId, JsonNode Schema)> JsonRequestBodies(JsonNode document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value!))
            .Where(operation => operation["requestBody"]?["content"]?["application/json"]?["schema"] is not null)
            .Select(operation => ((string)operation["operationId"]!, operation["requestBody"]!["content"]!["application/json"]!["schema"]!));

    /// <summary>One place in a body: its JSON path, the steps to it, its schema, and whether it may be null or left out.</summary>
    private sealed record Position(string Path, object[] Steps, JsonNode Schema, string Name, bool Nullable, bool Omittable, bool IsProperty);

    /// <summary>One change to a body at a position, and whether the server must refuse it whatever else the body says.</summary>
    private sealed record Mutation(string Name, bool MustBeRefused, Func<JsonNode, string> Apply);

    private static IEnumerable<Position> Positions(JsonNode document, JsonNode schema, JsonNode value, object[] steps)
    {
        var resolved = Resolve(document, schema);
        if (value is JsonObject obj)
        {
            var properties = resolved["properties"]?.AsObject();
            var requiredNames = resolved["required"]?.AsArray().Select(n => (string)n!).ToHashSet() ?? [];
            foreach (var (name, child) in obj.ToArray())
            {
                var childSchema = properties?[name] ?? resolved["additionalProperties"]!;
                var isProperty = properties?[name] is not null;
                var childSteps = steps.Append(name).ToArray();
                yield return new Position(
                    PathOf(childSteps), childSteps, childSchema, name, AllowedTypes(document, childSchema).Contains("null"), !requiredNames.Contains(name), isProperty);
                if (child is not null)
                {
                    foreach (var inner in Positions(document, childSchema, child, childSteps))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (value is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var childSteps = steps.Append(i).ToArray();
                var name = $"{steps.OfType<string>().LastOrDefault()}[{i}]";
                yield return new Position(PathOf(childSteps), childSteps, resolved["items"]!, name, AllowedTypes(document, resolved["items"]!).Contains("null"), true, false);
                foreach (var inner in Positions(document, resolved["items"]!, array[i]!, childSteps))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<Mutation> Mutations(JsonNode document, Position position)
    {
        var allowed = AllowedTypes(document, position.Schema);
        yield return new Mutation("null", !position.Nullable || !position.Omittable && position.IsProperty, body => Replace(body, position.Steps, null));
        yield return new Mutation("left out", !position.Omittable, body => Remove(body, position.Steps));
        var anyNumber = allowed.Contains("number");
        foreach (var (type, json) in Samples.Where(s => !allowed.Contains(s.Type) && !(anyNumber && s.Type is "integer" or "fraction")))
        {
            yield return new Mutation($"as {json}", true, body => Replace(body, position.Steps, JsonNode.Parse(json)));
        }

        if (Resolve(document, position.Schema)["enum"] is JsonArray names && names.Count > 0)
        {
            var name = (string)names[0]!;
            foreach (var nearly in new[] { name.ToUpperInvariant(), char.ToUpperInvariant(name[0]) + name[1..], name + " ", " " + name, $"{name},{(string)names[^1]!}" })
            {
                yield return new Mutation($"as \"{nearly}\"", true, body => Replace(body, position.Steps, JsonValue.Create(nearly)));
            }
        }

        if (position.Steps[^1] is string property)
        {
            yield return new Mutation("given twice", true, body => Twice(body, position.Steps, property));
        }
    }

    /// <summary>The JSON Schema types a schema allows, following $ref and oneOf; an enum allows only its names, so no sample string.</summary>
    private static HashSet<string> AllowedTypes(JsonNode document, JsonNode schema)
    {
        var types = new HashSet<string>();
        if (schema["oneOf"] is JsonArray options)
        {
            foreach (var option in options)
            {
                types.UnionWith(AllowedTypes(document, option!));
            }

            return types;
        }

        var resolved = Resolve(document, schema);
        switch (resolved["type"])
        {
            case JsonArray list:
                types.UnionWith(list.Select(t => (string)t!));
                break;
            case JsonValue one:
                types.Add((string)one!);
                break;
        }

        if (resolved["enum"] is not null)
        {
            types.Remove("string");
        }

        return types;
    }

    private static JsonNode Resolve(JsonNode document, JsonNode schema)
    {
        if (schema["oneOf"] is JsonArray options && options.FirstOrDefault(o => o?["$ref"] is not null) is { } reference)
        {
            schema = reference;
        }

        return schema["$ref"] is { } target ? document["components"]!["schemas"]![((string)target!).Split('/')[^1]]! : schema;
    }

    /// <summary>The properties of every object schema the body reaches that the valid body leaves out: each must be tried.</summary>
    private static IEnumerable<string> Uncovered(JsonNode document, JsonNode schema, JsonNode value, string where)
    {
        var resolved = Resolve(document, schema);
        if (value is JsonObject obj && resolved["properties"] is JsonObject properties)
        {
            foreach (var (name, propertySchema) in properties)
            {
                if (!obj.ContainsKey(name))
                {
                    yield return $"{where}: the valid body leaves out '{name}', so it is never tried";
                }
                else if (obj[name] is { } child)
                {
                    foreach (var missing in Uncovered(document, propertySchema!, child, $"{where}.{name}"))
                    {
                        yield return missing;
                    }
                }
            }
        }
        else if (value is JsonArray array && array.Count > 0 && resolved["items"] is { } items)
        {
            var covered = Resolve(document, items)["properties"] is JsonObject itemProperties
                ? itemProperties.Select(p => p.Key).Where(name => !array.OfType<JsonObject>().Any(o => o.ContainsKey(name)))
                : [];
            foreach (var name in covered)
            {
                yield return $"{where}[]: no element has '{name}', so it is never tried";
            }
        }
    }

    private static string PathOf(object[] steps) =>
        "$" + string.Concat(steps.Select(step => step is int index ? $"[{index}]" : $".{step}"));

    private static JsonNode Navigate(JsonNode root, IEnumerable<object> steps) =>
        steps.Aggregate(root, (node, step) => step is int index ? node[index]! : node[(string)step]!);

    private static string Replace(JsonNode valid, object[] steps, JsonNode? value)
    {
        var copy = valid.DeepClone();
        var parent = Navigate(copy, steps[..^1]);
        if (steps[^1] is int index)
        {
            parent[index] = value;
        }
        else
        {
            parent[(string)steps[^1]] = value;
        }

        return copy.ToJsonString();
    }

    private static string Remove(JsonNode valid, object[] steps)
    {
        var copy = valid.DeepClone();
        var parent = Navigate(copy, steps[..^1]);
        if (steps[^1] is int index)
        {
            parent.AsArray().RemoveAt(index);
        }
        else
        {
            parent.AsObject().Remove((string)steps[^1]);
        }

        return copy.ToJsonString();
    }

    /// <summary>The body with the property at <paramref name="steps"/> written twice with the same value: JSON objects cannot hold that, so it is spliced in as text.</summary>
    private static string Twice(JsonNode valid, object[] steps, string property)
    {
        const string Marker = "__written-twice__";
        var parentSteps = steps[..^1];
        var parent = Navigate(valid, parentSteps).AsObject();
        var repeated = $"{{{JsonSerializer.Serialize(property)}:{parent[property]?.ToJsonString() ?? "null"},{parent.ToJsonString()[1..]}";
        return parentSteps.Length == 0
            ? repeated
            : Replace(valid, parentSteps, JsonValue.Create(Marker)).Replace($"\"{Marker}\"", repeated, StringComparison.Ordinal);
    }

    /// <summary>
    /// The first top-level value sent that the response shows differently, if any. Null means "not given" (the server
    /// fills in the default), and objects are not compared: targets merge practices into indicators.
    /// </summary>
    private static string? Unechoed(JsonNode sent, JsonNode stored)
    {
        foreach (var (name, value) in sent.AsObject())
        {
            if (value is not (null or JsonObject) && stored.AsObject().ContainsKey(name) && !JsonNode.DeepEquals(value, stored[name]))
            {
                return name;
            }
        }

        return null;
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

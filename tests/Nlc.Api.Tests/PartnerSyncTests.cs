using System.Net;
using System.Text.Json;
using Nlc.Client;

namespace Nlc.Api.Tests;

/// <summary>
/// What a partner platform needs to keep a mirror, against the real server on 127.0.0.1: the network-wide list in change
/// order with cursors, conditional reads, and the score exports.
/// </summary>
[TestClass]
public sealed class PartnerSyncTests
{
    [TestMethod]
    public async Task ASyncLoop_ThroughTheGeneratedClient_WithWritesLandingDuringIt_EndsWithAnExactMirror()
    {
        await using var server = await ApiServer.StartAsync();
        var cities = new List<string>();
        var validated = new List<string>();
        for (var c = 0; c < 3; c++)
        {
            cities.Add(await Scenario.CreateCityAsync(server, $"Mirrorville {c}"));
            foreach (var period in new[] { "2023", "2024", "2025" })
            {
                validated.Add(await Scenario.ValidatedAssessmentOfAsync(server, cities[c], 1 + c, period));
            }
        }

        await Scenario.CreateAssessmentAsync(server.Client, cities[0], "2026"); // a draft: never in a partner's mirror
        var (_, partnerKey) = await WebhookTests.CreateKeyAsync(server, "partner");
        using var partnerHttp = server.ClientFor(partnerKey);
        var partner = new NlcApiClient(partnerHttp) { BaseUrl = server.Address.ToString() };
        var mirror = new Dictionary<string, long>();
        var seen = new List<string>();

        // The partner's loop: walk to the end, keep the cursor, resume from it later.
        var cursor = (string?)null;
        var page = 0;
        AssessmentChangesResponse response;
        do
        {
            response = await partner.ListNetworkAssessmentsAsync(null, null, null, null, null, null, cursor, 3);
            Apply(mirror, response);
            seen.AddRange(response.Items.Select(i => i.Id));
            cursor = response.Cursor;

            // Writes landing between pages, on assessments the walk has already passed.
            if (page == 0)
            {
                await ReopenAsync(server, seen[0]);
                validated.Add(await Scenario.ValidatedAssessmentOfAsync(server, cities[1], 3, "2026"));
            }
            else if (page == 1)
            {
                await ReopenAsync(server, seen[1]);
                await RevalidateAsync(server, seen[1]);
                await ReopenAsync(server, seen[3]);
            }

            page++;
        }
        while (response.Next is not null);

        await RevalidateAsync(server, seen[0]); // after the walk ended: the next poll from the cursor picks it up
        do
        {
            response = await partner.ListNetworkAssessmentsAsync(null, null, null, null, null, null, cursor, 3);
            Apply(mirror, response);
            cursor = response.Cursor;
        }
        while (response.Next is not null);

        var truth = new Dictionary<string, long>();
        var admin = new NlcApiClient(server.Client) { BaseUrl = server.Address.ToString() };
        foreach (var city in cities)
        {
            foreach (var a in (await admin.ListAssessmentsAsync(city, null, "validated", 200, null)).Items)
            {
                truth[a.Id] = a.Version;
            }
        }

        Assert.IsTrue(page >= 3, $"the walk took {page} pages, so writes landed between them");
        Assert.AreEqual(9, truth.Count, "9 validated, one more validated during the walk, one reopened and left a draft");
        CollectionAssert.AreEquivalent(
            truth.OrderBy(t => t.Key).Select(t => $"{t.Key}@{t.Value}").ToArray(),
            mirror.OrderBy(t => t.Key).Select(t => $"{t.Key}@{t.Value}").ToArray(),
            "the mirror holds exactly the validated assessments, each at its current version");
        var empty = await partner.ListNetworkAssessmentsAsync(null, null, null, null, null, null, cursor, 3);
        Assert.AreEqual(0, empty.Items.Count, "nothing changed since the last cursor");
        Assert.AreEqual(cursor, empty.Cursor);
    }

    [TestMethod]
    public async Task TheNetworkList_Filters_AndAPartnerNeverSeesADraft()
    {
        await using var server = InProcessApi.Start();
        var montenegro = await Scenario.CreateCityAsync(server, "Filterville", "ME", tags: ["coastal"]);
        var macedonia = await Scenario.CreateCityAsync(server, "Otherburg", "MK");
        var validated = await Scenario.ValidatedAssessmentOfAsync(server, montenegro, 2, "2025");
        await Scenario.ValidatedAssessmentOfAsync(server, macedonia, 2, "2024");
        var (draft, _) = await Scenario.CreateAssessmentAsync(server.Client, montenegro, "2026");
        using var partner = server.ClientFor(await Scenario.CreateKeyAsync(server, "partner"));

        async Task<string[]> IdsAsync(HttpClient client, string query) =>
            (await client.SendAsync(HttpMethod.Get, "/api/v1/assessments" + query).ExpectAsync(200)).GetProperty("items").EnumerateArray().Select(i => i.Text("id")).ToArray();

        CollectionAssert.AreEquivalent(new[] { validated, draft }, await IdsAsync(server.Client, "?country=me"));
        CollectionAssert.AreEqual(new[] { validated }, await IdsAsync(server.Client, "?tag=coastal&status=validated"));
        CollectionAssert.AreEqual(new[] { draft }, await IdsAsync(server.Client, "?period=2026&rubricId=nlc"));
        CollectionAssert.AreEqual(new[] { validated }, await IdsAsync(partner, "?country=ME"));
        CollectionAssert.AreEqual(Array.Empty<string>(), await IdsAsync(partner, "?status=draft"));
        CollectionAssert.AreEqual(Array.Empty<string>(), await IdsAsync(server.Client, "?region=Nowhere"));

        var refused = await server.Client.SendAsync(HttpMethod.Get, "/api/v1/assessments?updatedSince=yesterday&status=Validated").ExpectAsync(400);
        CollectionAssert.AreEquivalent(new[] { "updatedSince", "status" }, refused.GetProperty("errors").EnumerateArray().Select(e => e.Text("field")).ToArray());
    }

    [TestMethod]
    public async Task UpdatedSince_TakesATimestamp_AndListsAReopeningAsWithdrawnToAPartner()
    {
        await using var server = InProcessApi.Start();
        var city = await Scenario.CreateCityAsync(server, "Timeville");
        var early = await Scenario.ValidatedAssessmentOfAsync(server, city, 2, "2024");
        var late = await Scenario.ValidatedAssessmentOfAsync(server, city, 2, "2025");
        using var partner = server.ClientFor(await Scenario.CreateKeyAsync(server, "partner"));
        var all = await partner.SendAsync(HttpMethod.Get, "/api/v1/assessments").ExpectAsync(200);
        var lateUpdatedAt = all.GetProperty("items")[1].GetProperty("updatedAt").GetDateTimeOffset();

        var since = await partner.SendAsync(HttpMethod.Get, $"/api/v1/assessments?updatedSince={lateUpdatedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}").ExpectAsync(200);
        await ReopenAsync(server, early);
        var resumed = await partner.SendAsync(HttpMethod.Get, $"/api/v1/assessments?updatedSince={Uri.EscapeDataString(all.Text("cursor"))}").ExpectAsync(200);

        CollectionAssert.AreEqual(new[] { late }, since.GetProperty("items").EnumerateArray().Select(i => i.Text("id")).ToArray());
        var withdrawn = resumed.GetProperty("items").EnumerateArray().Single();
        Assert.AreEqual(early, withdrawn.Text("id"));
        Assert.IsTrue(withdrawn.GetProperty("withdrawn").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, withdrawn.GetProperty("status").ValueKind, "a partner is not told what a withdrawn assessment became");
    }

    [TestMethod]
    public async Task UnchangedReads_Answer304_AndChangedOnes200()
    {
        await using var server = await ApiServer.StartAsync();
        var (cityId, assessmentId) = await Scenario.ValidatedAssessmentAsync(server, "Etagville");
        using var partner = server.ClientFor(await Scenario.CreateKeyAsync(server, "partner"));

        foreach (var path in new[] { $"/api/v1/cities/{cityId}", $"/api/v1/assessments/{assessmentId}", $"/api/v1/assessments/{assessmentId}/score" })
        {
            using var first = await partner.GetAsync(path);
            Assert.AreEqual(HttpStatusCode.OK, first.StatusCode, path);
            var etag = first.ETag();
            using var unchanged = await ConditionalGetAsync(partner, path, etag);
            using var weak = await ConditionalGetAsync(partner, path, "\"0\", W/" + etag);
            using var other = await ConditionalGetAsync(partner, path, "\"12345\"");

            Assert.AreEqual(HttpStatusCode.NotModified, unchanged.StatusCode, path);
            Assert.AreEqual(0, (await unchanged.Content.ReadAsByteArrayAsync()).Length, "a 304 has no body");
            Assert.AreEqual(etag, unchanged.ETag());
            Assert.AreEqual(HttpStatusCode.NotModified, weak.StatusCode, path + " with a list holding the weak tag");
            Assert.AreEqual(HttpStatusCode.OK, other.StatusCode, path + " with another version's tag");
        }

        var city = await server.Client.GetAsync($"/api/v1/cities/{cityId}");
        var cityTag = city.ETag();
        await server.Client.SendAsync(HttpMethod.Patch, $"/api/v1/cities/{cityId}", new { population = 1234 }, cityTag).ExpectAsync(200);
        using var changed = await ConditionalGetAsync(partner, $"/api/v1/cities/{cityId}", cityTag);
        Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode, "the city changed, so the old tag no longer matches");
    }

    [TestMethod]
    public async Task TheScoreExport_IsFormulaSafe_CompleteForHubKeys_AndLimitedToWhatEachKeyMayRead()
    {
        await using var server = await ApiServer.StartAsync();
        var (hostileCity, hostile) = await Scenario.ValidatedAssessmentAsync(server, "=HYPERLINK(\"http://evil.example\",\"Click\")", level: 3);
        var (plainCity, plain) = await Scenario.ValidatedAssessmentAsync(server, "Exportville, North", level: 1);
        var (draft, _) = await Scenario.CreateAssessmentAsync(server.Client, await Scenario.CreateCityAsync(server, "Draftville"));
        await Scenario.ValidatedAssessmentOfAsync(server, plainCity, 2, "2024");
        using var hub = server.ClientFor(await Scenario.CreateKeyAsync(server, "hub"));
        using var partner = server.ClientFor(await Scenario.CreateKeyAsync(server, "partner"));
        using var cityKey = server.ClientFor(await Scenario.CreateKeyAsync(server, "city", plainCity));

        using var csvResponse = await hub.GetAsync("/api/v1/exports/scores?rubricId=nlc&period=2025&format=csv");
        var csv = await csvResponse.Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var jsonl = await (await partner.GetAsync("/api/v1/exports/scores?rubricId=nlc&period=2025&format=jsonl")).Content.ReadAsStringAsync();
        var own = await (await cityKey.GetAsync("/api/v1/exports/scores?rubricId=nlc&period=2025&format=jsonl")).Content.ReadAsStringAsync();

        Assert.AreEqual("text/csv", csvResponse.ContentType()?.MediaType);
        StringAssert.StartsWith(lines[0], "city_id,city_name,country,region,assessment_id,period,rubric_id,rubric_version,validated_at,overall,completeness,");
        StringAssert.Contains(lines[0], ",pillar:communication,");
        StringAssert.Contains(lines[0], ",practice:GP01,");
        Assert.AreEqual(3, lines.Length, "a header and the two validated assessments of 2025; no draft, no other period");
        Assert.IsTrue(lines.Any(l => l.Contains($"\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",ME,,{hostile},2025,nlc,1.0.0,", StringComparison.Ordinal)),
            "the formula-like name carries an apostrophe, quoted as RFC 4180 says:\n" + csv);
        Assert.IsTrue(lines.Any(l => l.Contains($"\"Exportville, North\",ME,,{plain},2025,nlc,1.0.0,", StringComparison.Ordinal) && l.Contains(",25,1,", StringComparison.Ordinal)),
            "overall 25 for level 1 everywhere, complete:\n" + csv);
        Assert.IsFalse(csv.Contains(draft, StringComparison.Ordinal));

        var partnerRows = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.AreEqual(2, partnerRows.Length);
        var hostileRow = partnerRows.Single(r => r.Text("assessmentId") == hostile);
        Assert.AreEqual("'=HYPERLINK(\"http://evil.example\",\"Click\")", hostileRow.Text("cityName"));
        Assert.AreEqual(75.0, hostileRow.GetProperty("overall").GetDouble(), 1e-9);
        Assert.AreEqual(1.0, hostileRow.GetProperty("completeness").GetProperty("ratio").GetDouble(), 1e-9);
        Assert.AreEqual(75.0, hostileRow.GetProperty("practices").GetProperty("GP01").GetDouble(), 1e-9);
        Assert.AreEqual(hostileCity, hostileRow.Text("cityId"));
        CollectionAssert.AreEqual(new[] { plain }, own.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Text("assessmentId")).ToArray(),
            "a city key exports only its own cities");

        var refused = await hub.SendAsync(HttpMethod.Get, "/api/v1/exports/scores?rubricId=nlc&period=soon&format=xlsx").ExpectAsync(400);
        CollectionAssert.AreEquivalent(new[] { "period", "format" }, refused.GetProperty("errors").EnumerateArray().Select(e => e.Text("field")).ToArray());
    }

    private static void Apply(Dictionary<string, long> mirror, AssessmentChangesResponse page)
    {
        foreach (var item in page.Items)
        {
            if (item.Withdrawn)
            {
                mirror.Remove(item.Id);
            }
            else
            {
                mirror[item.Id] = item.Version!.Value;
            }
        }
    }

    private static async Task ReopenAsync(IApiHost server, string assessmentId)
    {
        using var current = await server.Client.GetAsync($"/api/v1/assessments/{assessmentId}");
        await server.Client.SendAsync(HttpMethod.Post, $"/api/v1/assessments/{assessmentId}/reopen", ifMatch: current.ETag()).ExpectAsync(200);
    }

    private static async Task RevalidateAsync(IApiHost server, string assessmentId)
    {
        using var current = await server.Client.GetAsync($"/api/v1/assessments/{assessmentId}");
        using var submitted = await server.Client.SendAsync(HttpMethod.Post, $"/api/v1/assessments/{assessmentId}/submit", ifMatch: current.ETag());
        await server.Client.SendAsync(HttpMethod.Post, $"/api/v1/assessments/{assessmentId}/validate", ifMatch: submitted.ETag()).ExpectAsync(200);
    }

    private static Task<HttpResponseMessage> ConditionalGetAsync(HttpClient client, string path, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return client.SendAsync(request);
    }
}

using System.Net;

namespace Nlc.Api.Tests;

/// <summary>Case notes, consent, suggestions and exchange pairs over HTTP, and the privacy rule: no consent, no trace.</summary>
[TestClass]
public sealed class PeerLearningApiTests
{
    private static readonly object Note = new { practiceId = "GP01", title = "Workshop to plan", challenge = "No shared plan", approach = "A workshop", impact = "The LSC's Action Plan", contactRole = "LSC coordinator" };

    [TestMethod]
    public async Task ACaseNote_IsPublishedOnlyAfterTheHubApproves_AndAReturnCarriesItsReason()
    {
        await using var server = InProcessApi.Start();
        var cityId = await Scenario.CreateCityAsync(server, "Notesville");
        var city = server.ClientFor(await Scenario.CreateKeyAsync(server, "city", cityId));
        var other = server.ClientFor(await Scenario.CreateKeyAsync(server, "city", await Scenario.CreateCityAsync(server, "Elsewhere")));
        var hub = server.ClientFor(await Scenario.CreateKeyAsync(server, "hub"));

        using var created = await city.SendAsync(HttpMethod.Post, $"/api/v1/cities/{cityId}/case-notes", Note);
        var id = (await created.JsonAsync()).Text("id");
        using var submitted = await city.SendAsync(HttpMethod.Post, $"/api/v1/case-notes/{id}/submit", ifMatch: created.ETag());
        await other.SendAsync(HttpMethod.Get, $"/api/v1/case-notes/{id}").ExpectAsync(404);
        using var returned = await hub.SendAsync(HttpMethod.Post, $"/api/v1/case-notes/{id}/return", new { reason = "Name a role, not a person." }, submitted.ETag());
        var seenReturned = await city.SendAsync(HttpMethod.Get, $"/api/v1/case-notes/{id}").ExpectAsync(200);
        await hub.SendAsync(HttpMethod.Post, $"/api/v1/case-notes/{id}/approve", ifMatch: returned.ETag()).ExpectAsync(409);
        using var again = await city.SendAsync(HttpMethod.Post, $"/api/v1/case-notes/{id}/submit", ifMatch: returned.ETag());
        using var approved = await hub.SendAsync(HttpMethod.Post, $"/api/v1/case-notes/{id}/approve", ifMatch: again.ETag());
        var seenByOther = await other.SendAsync(HttpMethod.Get, "/api/v1/case-notes?practiceId=GP01").ExpectAsync(200);

        Assert.AreEqual(("returned", "Name a role, not a person."), (seenReturned.Text("status"), seenReturned.Text("returnReason")));
        Assert.AreEqual(200, (int)approved.StatusCode);
        CollectionAssert.AreEqual(new[] { id }, seenByOther.GetProperty("items").EnumerateArray().Select(n => n.Text("id")).ToArray());
    }

    [TestMethod]
    public async Task ACityThatHasNotOptedIn_AppearsInNoSuggestionListCountOrExportSeenByAnotherCityOrAPartner()
    {
        await using var server = InProcessApi.Start();
        var (ownId, ownAssessment) = await Scenario.ValidatedAssessmentAsync(server, "Weakton", level: 1);
        var (consentingId, _) = await Scenario.ValidatedAssessmentAsync(server, "Opentown", level: 4);
        var (silentId, _) = await Scenario.ValidatedAssessmentAsync(server, "Silentburg", level: 4);
        var own = server.ClientFor(await Scenario.CreateKeyAsync(server, "city", ownId));
        var consenting = server.ClientFor(await Scenario.CreateKeyAsync(server, "city", consentingId));
        var silent = server.ClientFor(await Scenario.CreateKeyAsync(server, "city", silentId));
        var partner = server.ClientFor(await Scenario.CreateKeyAsync(server, "partner"));
        var practices = new[] { "GP01", "GP02", "GP03" };
        await consenting.SendAsync(HttpMethod.Put, $"/api/v1/cities/{consentingId}/contact-consent", new { practiceIds = practices, languages = new[] { "en" } }, "\"0\"").ExpectAsync(200);
        // Silentburg writes a draft note and a plan, but never opts in to contact.
        await silent.SendAsync(HttpMethod.Post, $"/api/v1/cities/{silentId}/case-notes", Note).ExpectAsync(201);
        await silent.SendAsync(HttpMethod.Post, $"/api/v1/cities/{silentId}/action-plan/actions",
            new { title = "t", targets = new[] { new { practiceId = "GP01", targetLevel = 4 } }, responsible = "r" }, "\"0\"").ExpectAsync(201);
        string[] seenByOwn = [$"/api/v1/assessments/{ownAssessment}/suggestions?count=13", "/api/v1/case-notes", $"/api/v1/cities/{silentId}/contact-consent",
            $"/api/v1/cities/{silentId}/action-plan", "/api/v1/exchange-pairs"];
        string[] seenByPartner = [$"/api/v1/assessments/{ownAssessment}/suggestions", "/api/v1/case-notes", $"/api/v1/cities/{silentId}/contact-consent",
            $"/api/v1/cities/{silentId}/action-plan", "/api/v1/exchange-pairs", $"/api/v1/cities/{ownId}/action-plan"];

        var leaks = new List<string>();
        foreach (var (client, urls) in new[] { (own, seenByOwn), (partner, seenByPartner) })
        {
            foreach (var url in urls)
            {
                var text = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
                // A 404 may repeat the id the caller sent itself; nothing else may name the city.
                if (text.Contains("Silentburg", StringComparison.Ordinal) || (!url.Contains(silentId, StringComparison.Ordinal) && text.Contains(silentId, StringComparison.Ordinal)))
                {
                    leaks.Add($"{url}: {text[..Math.Min(text.Length, 300)]}");
                }
            }
        }

        var suggestions = await own.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{ownAssessment}/suggestions").ExpectAsync(200);
        var contacts = suggestions.GetProperty("practices").EnumerateArray().SelectMany(p => p.GetProperty("contacts").EnumerateArray()).Select(c => c.Text("cityName")).Distinct().ToArray();
        await consenting.SendAsync(HttpMethod.Put, $"/api/v1/cities/{consentingId}/contact-consent", new { practiceIds = Array.Empty<string>() }, "\"1\"").ExpectAsync(200);
        var afterWithdrawal = await (await own.GetAsync($"/api/v1/assessments/{ownAssessment}/suggestions?count=13")).Content.ReadAsStringAsync();

        Assert.AreEqual(0, leaks.Count, string.Join(Environment.NewLine, leaks));
        CollectionAssert.AreEqual(new[] { "Opentown" }, contacts, "the consenting city is suggested, at level 4, for the weakest practices");
        Assert.IsFalse(afterWithdrawal.Contains("Opentown", StringComparison.Ordinal), "withdrawing consent removes the city at once: " + afterWithdrawal);
    }

    [TestMethod]
    public async Task AConsentSavedFromAStaleVersion_IsRefusedWith412_AndWritesNothing()
    {
        await using var server = InProcessApi.Start();
        var (cityId, _) = await Scenario.ValidatedAssessmentAsync(server, "Twosaves", level: 4);
        var first = server.ClientFor(await Scenario.CreateKeyAsync(server, "city", cityId));
        var second = server.ClientFor(await Scenario.CreateKeyAsync(server, "city", cityId));
        var url = $"/api/v1/cities/{cityId}/contact-consent";
        using var never = await first.GetAsync(url);
        Assert.AreEqual("\"0\"", never.ETag(), "a city that never set its consent is at version 0");

        using var saved = await first.SendAsync(HttpMethod.Put, url, new { practiceIds = new[] { "GP01", "GP02" }, languages = new[] { "sq" } }, "\"0\"");
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        Assert.AreEqual("\"1\"", saved.ETag());
        var before = await DatabaseDump.ReadAsync(server.DatabasePath);

        using var stale = await second.SendAsync(HttpMethod.Put, url, new { practiceIds = Array.Empty<string>() }, "\"0\"");
        Assert.AreEqual(HttpStatusCode.PreconditionFailed, (HttpStatusCode)stale.StatusCode, await stale.Content.ReadAsStringAsync());
        StringAssert.Contains(await stale.Content.ReadAsStringAsync(), "version 1, not 0");
        using var unversioned = await second.SendAsync(HttpMethod.Put, url, new { practiceIds = Array.Empty<string>() });
        Assert.AreEqual(428, (int)unversioned.StatusCode, await unversioned.Content.ReadAsStringAsync());
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(server.DatabasePath), "a refused save writes nothing");

        var now = await second.SendAsync(HttpMethod.Get, url).ExpectAsync(200);
        CollectionAssert.AreEqual(new[] { "GP01", "GP02" }, now.GetProperty("practiceIds").EnumerateArray().Select(p => p.GetString()).ToArray(), "the first save stands");
    }
}

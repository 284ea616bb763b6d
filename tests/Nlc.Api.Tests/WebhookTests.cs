using System.Text.Json;

namespace Nlc.Api.Tests;

/// <summary>
/// Webhooks against the real server on 127.0.0.1 and a real receiver on loopback: signed deliveries, retries with
/// back-off, nothing lost across a crash, and no endpoint on a private or link-local address.
/// </summary>
[TestClass]
public sealed class WebhookTests
{
    /// <summary>Loopback allowed (tests only), quick retries and polling.</summary>
    internal static readonly Dictionary<string, string> Settings = new()
    {
        ["Nlc__WebhooksAllowLoopback"] = "true",
        ["Nlc__WebhookRetryBaseSeconds"] = "0.2",
        ["Nlc__WebhookPollSeconds"] = "0.1",
    };

    [TestMethod]
    public async Task AValidation_IsDeliveredExactlyOnce_SignedSoTheReceiverVerifiesIt_WithNoMoreThanIdVersionAndLink()
    {
        await using var receiver = new WebhookReceiver();
        await using var server = await ApiServer.StartAsync(settings: Settings);
        var (keyId, _) = await CreateKeyAsync(server, "partner");
        var (webhookId, secret) = await RegisterAsync(server, keyId, receiver.Url, "assessment.validated");

        var (_, assessmentId) = await Scenario.ValidatedAssessmentAsync(server, "Hookville", level: 3);
        var received = await receiver.WaitForAsync(r => r.Count >= 1, "the validation's delivery");
        await Task.Delay(1000); // long enough for a second, duplicate delivery to arrive if there were one

        Assert.AreEqual(1, receiver.Received.Count, "exactly one delivery for one validation");
        var delivery = received[0];
        Assert.IsTrue(WebhookReceiver.SignatureIsValid(delivery, secret), $"signature {delivery.Signature} does not verify");
        Assert.IsFalse(WebhookReceiver.SignatureIsValid(delivery with { Body = delivery.Body.Replace("3", "4", StringComparison.Ordinal) }, secret));
        StringAssert.StartsWith(delivery.Id, "msg_");
        Assert.IsTrue(Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(delivery.Timestamp, System.Globalization.CultureInfo.InvariantCulture)) < 60);
        var body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.AreEqual("assessment.validated", body.Text("type"));
        var data = body.GetProperty("data");
        CollectionAssert.AreEquivalent(new[] { "id", "version", "link" }, data.EnumerateObject().Select(p => p.Name).ToArray(), "nothing beyond id, version and link");
        Assert.AreEqual(assessmentId, data.Text("id"));
        Assert.AreEqual($"/api/v1/assessments/{assessmentId}", data.Text("link"));
        var current = await server.Client.SendAsync(HttpMethod.Get, data.Text("link")).ExpectAsync(200);
        Assert.AreEqual(current.GetProperty("version").GetInt64(), data.GetProperty("version").GetInt64());

        var log = await server.Client.SendAsync(HttpMethod.Get, $"/api/v1/webhooks/{webhookId}/deliveries").ExpectAsync(200);
        var entry = log.GetProperty("items").EnumerateArray().Single();
        Assert.AreEqual(delivery.Id, entry.Text("deliveryId"));
        Assert.IsTrue(entry.GetProperty("succeeded").GetBoolean());
        Assert.AreEqual(200, entry.GetProperty("statusCode").GetInt32());
    }

    [TestMethod]
    public async Task AReceiverFailingTwice_GetsTheSameDeliveryOnTheThirdTry_AndTheLogShowsAllThree()
    {
        await using var receiver = new WebhookReceiver { Answer = n => n <= 2 ? 500 : 204 };
        await using var server = await ApiServer.StartAsync(settings: Settings);
        var (keyId, _) = await CreateKeyAsync(server, "partner");
        var (webhookId, secret) = await RegisterAsync(server, keyId, receiver.Url, "assessment.validated");

        await Scenario.ValidatedAssessmentAsync(server, "Retryville");
        var received = await receiver.WaitForAsync(r => r.Any(d => d.AnsweredWith == 204), "a successful third try");

        Assert.AreEqual(3, received.Count);
        Assert.AreEqual(1, received.Select(d => d.Id).Distinct().Count(), "every retry carries the same webhook-id");
        Assert.AreEqual(1, received.Select(d => d.Body).Distinct().Count(), "and the same body");
        Assert.IsTrue(received.All(d => WebhookReceiver.SignatureIsValid(d, secret)), "every attempt is signed");
        var log = await server.Client.SendAsync(HttpMethod.Get, $"/api/v1/webhooks/{webhookId}/deliveries").ExpectAsync(200);
        var attempts = log.GetProperty("items").EnumerateArray().Select(e => (Attempt: e.GetProperty("attempt").GetInt32(), Ok: e.GetProperty("succeeded").GetBoolean())).ToArray();
        CollectionAssert.AreEqual(new[] { (3, true), (2, false), (1, false) }, attempts);
    }

    [TestMethod]
    [TestCategory(TestCategories.Slow)]
    public async Task KillingTheServer_WithDeliveriesPending_LosesNoneAfterRestart()
    {
        var databasePath = ApiServer.NewDatabaseLocation();
        var down = true;
        await using var receiver = new WebhookReceiver { Answer = _ => Volatile.Read(ref down) ? 503 : 200 };
        var validated = new List<string>();
        var server = await ApiServer.StartAsync(databasePath, Settings);
        try
        {
            var (keyId, _) = await CreateKeyAsync(server, "partner");
            await RegisterAsync(server, keyId, receiver.Url, "assessment.validated");
            for (var i = 0; i < 4; i++)
            {
                validated.Add((await Scenario.ValidatedAssessmentAsync(server, $"Crashville {i}")).AssessmentId);
            }

            await receiver.WaitForAsync(r => r.Count >= 4, "the first, failing attempts");
        }
        finally
        {
            await server.KillAsync(); // SIGKILL: no shutdown, deliveries still pending in the outbox
            await server.DisposeAsync();
        }

        Assert.IsFalse(receiver.Received.Any(d => d.AnsweredWith == 200), "nothing was delivered before the crash");
        Volatile.Write(ref down, false);
        await using var restarted = await ApiServer.StartAsync(databasePath, Settings);
        var received = await receiver.WaitForAsync(
            r => validated.All(id => r.Any(d => d.AnsweredWith == 200 && d.Body.Contains(id, StringComparison.Ordinal))), "every validation delivered after the restart");

        var delivered = received.Where(d => d.AnsweredWith == 200).ToArray();
        CollectionAssert.AreEquivalent(validated, delivered.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("data").Text("id")).Distinct().ToArray());
        Assert.IsTrue(received.All(d => d.Id.StartsWith("msg_", StringComparison.Ordinal)), "each delivery carries an id, so a receiver can drop repeats");
    }

    [TestMethod]
    [DataRow("http://169.254.169.254/")]
    [DataRow("https://169.254.169.254/latest/meta-data/")]
    [DataRow("https://10.0.0.5/hooks")]
    [DataRow("https://172.16.3.4/hooks")]
    [DataRow("https://192.168.1.10/hooks")]
    [DataRow("https://100.64.0.1/hooks")]
    [DataRow("https://[fd00::1]/hooks")]
    [DataRow("https://[fe80::1]/hooks")]
    [DataRow("https://[::ffff:169.254.169.254]/hooks")]
    [DataRow("https://0.0.0.0/hooks")]
    [DataRow("http://93.184.215.14/hooks")]
    [DataRow("ftp://93.184.215.14/hooks")]
    public async Task Registration_ToAPrivateLinkLocalOrPlainHttpAddress_IsRefusedWith422(string url)
    {
        await using var server = InProcessApi.Start(Settings);
        var (keyId, _) = await CreateKeyAsync(server, "partner");
        var before = await DatabaseDump.ReadAsync(server.DatabasePath);

        using var response = await server.Client.SendAsync(HttpMethod.Post, "/api/v1/webhooks", new { keyId, url, events = new[] { "assessment.validated" } });
        var problem = await response.JsonAsync();

        Assert.AreEqual(422, (int)response.StatusCode, problem.ToString());
        Assert.AreEqual("application/problem+json", response.ContentType()?.MediaType);
        var error = problem.GetProperty("errors").EnumerateArray().Single();
        Assert.AreEqual("url", error.Text("field"));
        Assert.AreEqual("notAllowed", error.Text("code"));
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(server.DatabasePath));
    }

    [TestMethod]
    public async Task Registration_ToAHostNameThatResolvesToLoopback_IsRefusedUnlessLoopbackIsAllowed()
    {
        await using var server = InProcessApi.Start();
        var (keyId, _) = await CreateKeyAsync(server, "partner");

        var refused = await server.Client.SendAsync(HttpMethod.Post, "/api/v1/webhooks", new { keyId, url = "https://localhost/hooks", events = new[] { "city.changed" } }).ExpectAsync(422);
        var accepted = await server.Client.SendAsync(HttpMethod.Post, "/api/v1/webhooks", new { keyId, url = "https://93.184.215.14/hooks", events = new[] { "city.changed" } }).ExpectAsync(201);

        StringAssert.Contains(refused.GetProperty("errors")[0].Text("message"), "127.0.0.1");
        StringAssert.StartsWith(accepted.Text("secret"), "whsec_");
        var listed = await server.Client.SendAsync(HttpMethod.Get, "/api/v1/webhooks").ExpectAsync(200);
        Assert.IsFalse(listed.ToString().Contains(accepted.Text("secret"), StringComparison.Ordinal), "the secret is shown once, never listed");
    }

    [TestMethod]
    public async Task ACityKeysEndpoint_HearsOnlyOfItsOwnCities()
    {
        await using var receiver = new WebhookReceiver();
        await using var server = await ApiServer.StartAsync(settings: Settings);
        var own = await Scenario.CreateCityAsync(server, "Ownville");
        var other = await Scenario.CreateCityAsync(server, "Otherville");
        var (cityKeyId, _) = await CreateKeyAsync(server, "city", own);
        await RegisterAsync(server, cityKeyId, receiver.Url, "city.changed", "assessment.validated");

        await Scenario.ValidatedAssessmentOfAsync(server, other, 2, "2025");
        var ownAssessment = await Scenario.ValidatedAssessmentOfAsync(server, own, 2, "2025");
        var received = await receiver.WaitForAsync(r => r.Any(d => d.Body.Contains(ownAssessment, StringComparison.Ordinal)), "the own city's validation");
        await Task.Delay(500);

        Assert.IsFalse(receiver.Received.Any(d => d.Body.Contains(other, StringComparison.Ordinal)), "nothing about another city");
        Assert.AreEqual(1, received.Count);
    }

    internal static async Task<(string Id, string Key)> CreateKeyAsync(IApiHost server, string role, params string[] cityIds)
    {
        var key = await server.Client.SendAsync(HttpMethod.Post, "/api/v1/keys", new { name = $"{role} key", role, cityIds }).ExpectAsync(201);
        return (key.Text("id"), key.Text("key"));
    }

    internal static async Task<(string Id, string Secret)> RegisterAsync(IApiHost server, string keyId, string url, params string[] events)
    {
        var webhook = await server.Client.SendAsync(HttpMethod.Post, "/api/v1/webhooks", new { keyId, url, events }).ExpectAsync(201);
        return (webhook.Text("id"), webhook.Text("secret"));
    }
}

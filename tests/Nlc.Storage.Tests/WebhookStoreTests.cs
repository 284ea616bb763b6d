using Dapper;
using Nlc.Core.Access;
using Nlc.Core.Cities;
using Nlc.Storage;

namespace Nlc.Storage.Tests;

/// <summary>The webhook outbox and delivery log on a real SQLite file (or a real PostgreSQL database, NLC_TEST_ENGINE=postgres), with a clock the test moves.</summary>
[TestClass]
public sealed class WebhookStoreTests
{
    private static readonly WebhookRetryPolicy Policy = new(TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), TimeSpan.FromDays(1));
    private Database _database = null!;
    private ManualClock _clock = null!;
    private WebhookStore _webhooks = null!;
    private CityStore _cities = null!;
    private string _keyId = null!;

    [TestInitialize]
    public async Task CreateDatabase()
    {
        _database = await TestDatabases.NewAsync("webhooks");
        _clock = new ManualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await Migrator.MigrateAsync(_database, _clock);
        _webhooks = new WebhookStore(_database, _clock);
        _cities = new CityStore(_database, _clock);
        _keyId = (await new ApiKeyStore(_database, _clock).CreateAsync("partner", ApiRole.Partner, [], "tester")).Key.Id;
    }

    [TestMethod]
    public async Task AChange_WritesItsDeliveryInTheSameTransaction_AndAFailedOneWaitsTwiceAsLongEachTime()
    {
        await _webhooks.RegisterAsync(_keyId, "https://93.184.215.14/hooks", [WebhookEvents.CityChanged], "tester");
        await _cities.CreateAsync(new NewCity("Kotor", "ME", null, null, []), "tester");

        var due = await _webhooks.DueAsync(10);
        Assert.AreEqual(1, due.Count);
        await _webhooks.RecordAttemptAsync(due[0], false, 500, null, Policy);
        Assert.AreEqual(0, (await _webhooks.DueAsync(10)).Count, "not due again at once");
        _clock.Advance(TimeSpan.FromSeconds(10));
        var second = (await _webhooks.DueAsync(10)).Single();
        await _webhooks.RecordAttemptAsync(second, false, 500, null, Policy);
        _clock.Advance(TimeSpan.FromSeconds(19));
        Assert.AreEqual(0, (await _webhooks.DueAsync(10)).Count, "the second wait is 20 s");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.AreEqual(2, (await _webhooks.DueAsync(10)).Single().Attempts);
    }

    [TestMethod]
    public async Task AnEndpointFailingForADay_IsDisabled_AndItsPendingDeliveriesAbandoned_ButNotOneThatSucceededMeanwhile()
    {
        var registered = (await _webhooks.RegisterAsync(_keyId, "https://93.184.215.14/hooks", [WebhookEvents.CityChanged], "tester")).Value!;
        await _cities.CreateAsync(new NewCity("Kotor", "ME", null, null, []), "tester");
        await _cities.CreateAsync(new NewCity("Bar", "ME", null, null, []), "tester");

        var start = _clock.GetUtcNow();
        while (_clock.GetUtcNow() - start < TimeSpan.FromHours(23))
        {
            foreach (var delivery in await _webhooks.DueAsync(10))
            {
                await _webhooks.RecordAttemptAsync(delivery, false, null, "connection refused", Policy);
            }

            _clock.Advance(TimeSpan.FromMinutes(30));
        }

        Assert.IsNull((await _webhooks.FindAsync(registered.Endpoint.Id))!.DisabledAt, "23 hours of failures is not yet a day");
        _clock.Advance(TimeSpan.FromHours(2));
        await _webhooks.RecordAttemptAsync((await _webhooks.DueAsync(10))[0], false, 503, null, Policy);

        var endpoint = (await _webhooks.FindAsync(registered.Endpoint.Id))!;
        Assert.AreEqual(_clock.GetUtcNow(), endpoint.DisabledAt);
        StringAssert.Contains(endpoint.DisabledReason, "HTTP 503");
        Assert.AreEqual(0, (await _webhooks.DueAsync(10)).Count, "nothing more is sent to a disabled endpoint");
        await using var connection = await _database.OpenAsync();
        Assert.AreEqual(2L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM webhook_deliveries WHERE abandoned_at IS NOT NULL"));
    }

    [TestMethod]
    public async Task ASuccess_EndsTheFailingStreak()
    {
        var registered = (await _webhooks.RegisterAsync(_keyId, "https://93.184.215.14/hooks", [WebhookEvents.CityChanged], "tester")).Value!;
        await _cities.CreateAsync(new NewCity("Kotor", "ME", null, null, []), "tester");
        await _webhooks.RecordAttemptAsync((await _webhooks.DueAsync(10))[0], false, 500, null, Policy);
        Assert.IsNotNull((await _webhooks.FindAsync(registered.Endpoint.Id))!.FailingSince);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await _webhooks.RecordAttemptAsync((await _webhooks.DueAsync(10))[0], true, 200, null, Policy);

        Assert.IsNull((await _webhooks.FindAsync(registered.Endpoint.Id))!.FailingSince);
        Assert.AreEqual(2, (await _webhooks.AttemptsAsync(registered.Endpoint.Id, 10, 0)).Total);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

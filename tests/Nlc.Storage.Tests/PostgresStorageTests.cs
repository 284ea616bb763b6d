using Dapper;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Storage.Tests;

/// <summary>
/// What only PostgreSQL has to get right: several server processes on one database. Each "process" here is a
/// <see cref="PostgresDatabase"/> of its own (its own connection pool and caches), as two servers would have.
/// </summary>
[TestClass]
public sealed class PostgresStorageTests
{
    [TestMethod]
    public void BothEngines_HaveTheSameMigrations()
    {
        var sqlite = Migrator.Known.Select(m => m.Name).ToArray();
        var postgres = Migrator.KnownPostgres.Select(m => m.Name).ToArray();

        CollectionAssert.AreEqual(sqlite, postgres, "every migration in src/Nlc.Storage/Migrations/ needs its PostgreSQL port in Migrations/Postgres/ under the same name");
    }

    [TestMethod]
    [TestCategory(TestCategories.External)]
    public async Task TwoServersStartingAtOnce_ApplyEachMigrationOnce()
    {
        var connectionString = await PostgresCluster.NewDatabaseAsync("migrateatonce");
        await using var first = new PostgresDatabase(connectionString);
        await using var second = new PostgresDatabase(connectionString);

        var applied = await Task.WhenAll(
            Task.Run(() => Migrator.MigrateAsync(first, TimeProvider.System)),
            Task.Run(() => Migrator.MigrateAsync(second, TimeProvider.System)));

        Assert.AreEqual(Migrator.KnownPostgres.Count, applied.Sum(a => a.Count), "each migration is applied by exactly one of the two");
        Assert.AreEqual(Migrator.KnownPostgres.Count, await first.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations")));
    }

    [TestMethod]
    [TestCategory(TestCategories.External)]
    public async Task AValidationThroughOneServer_IsCountedAtOnceInPeerStatisticsReadThroughAnother()
    {
        var (first, second, rubric) = await TwoServersAsync("peersatonce");
        await using var _ = first;
        await using var __ = second;
        var reader = new ScoreSnapshotReader(rubric.Pillars.Select(p => p.Id), rubric.Practices.Select(p => p.Id));
        var peersSeenBySecond = new BenchmarkStore(second);
        var submitted = await SubmittedAssessmentAsync(first, rubric, "Herceg Novi");
        Assert.AreEqual(0, (await peersSeenBySecond.EligibleAsync(rubric.Id, rubric.Version.Major, "2025", reader)).Count, "nothing validated yet (and now cached)");

        await new AssessmentStore(first, TimeProvider.System).TransitionAsync(
            submitted.Id, submitted.RowVersion, AssessmentAction.Validate, "hub", new ScoringEngine(rubric));

        var peers = await peersSeenBySecond.EligibleAsync(rubric.Id, rubric.Version.Major, "2025", reader);
        Assert.AreEqual("Herceg Novi", peers.Single().City.CityName);
    }

    [TestMethod]
    [TestCategory(TestCategories.External)]
    public async Task SixteenWritersOverTwoServers_LoseNoUpdate()
    {
        var (first, second, rubric) = await TwoServersAsync("sixteenwriters");
        await using var _ = first;
        await using var __ = second;
        var city = await new CityStore(first, TimeProvider.System).CreateAsync(new NewCity("Cetinje", "ME", null, null, []), "tester");
        var draft = (await new AssessmentStore(first, TimeProvider.System).CreateAsync(city.Id, rubric, Period.Parse("2025"), "tester")).Value!;
        var indicators = rubric.Indicators.Take(16).Select(i => i.Id).ToArray();

        // Each writer answers its own indicator, from the version it read, and reads again when someone wrote first.
        var stale = await Task.WhenAll(indicators.Select((indicatorId, writer) => Task.Run(async () =>
        {
            var store = new AssessmentStore(writer % 2 == 0 ? first : second, TimeProvider.System);
            for (var refusals = 0; ; refusals++)
            {
                var current = (await store.FindAsync(draft.Id))!;
                var result = await store.SaveAnswersAsync(draft.Id, current.RowVersion, [new AnswerInput(Answer.AtLevel(indicatorId, 3), [])], $"writer{writer}");
                if (result.Outcome == WriteOutcome.Done)
                {
                    return refusals;
                }

                Assert.AreEqual(WriteOutcome.Stale, result.Outcome, result.Reason);
            }
        })));

        var after = (await new AssessmentStore(second, TimeProvider.System).FindAsync(draft.Id))!;
        var answers = await new AssessmentStore(second, TimeProvider.System).AnswersAsync(draft.Id);
        CollectionAssert.AreEquivalent(indicators, answers.Select(a => a.Answer.IndicatorId).ToArray(), "every writer's answer is there, and nothing else");
        Assert.AreEqual(draft.RowVersion + 16, after.RowVersion, "one version per write: no write was lost or counted twice");
        Assert.AreEqual(16, await first.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT count(*) FROM audit_log WHERE action = 'answers.saved'")));
        Assert.IsTrue(stale.Sum() > 0, "the writers did collide (otherwise this test proves nothing)");
    }

    [TestMethod]
    [TestCategory(TestCategories.External)]
    public async Task ADuplicateWrittenMeanwhile_IsAConflict_AndAnUnreachableServerIsUnavailable()
    {
        await using var database = new PostgresDatabase(await PostgresCluster.NewDatabaseAsync("failures"));
        await Migrator.MigrateAsync(database, TimeProvider.System);
        await database.ReadAsync(c => c.ExecuteAsync("INSERT INTO data_protection_keys (name, xml, created_at) VALUES ('k', '<key/>', 'now')"));
        var duplicate = await Assert.ThrowsAsync<Npgsql.PostgresException>(
            () => database.ReadAsync(c => c.ExecuteAsync("INSERT INTO data_protection_keys (name, xml, created_at) VALUES ('k', '<key/>', 'now')")));
        var cluster = await PostgresCluster.GetAsync();
        await using var gone = new PostgresDatabase($"Host=127.0.0.1;Port={FreePort()};Username=nlc;Database=none;Timeout=2");
        var unreachable = await Assert.ThrowsAsync<Npgsql.NpgsqlException>(() => gone.ReadAsync(c => c.ExecuteAsync("SELECT 1")));

        Assert.AreEqual(StorageFailureKind.Conflict, database.DescribeFailure(duplicate)?.Kind);
        Assert.AreEqual(StorageFailureKind.Unavailable, gone.DescribeFailure(unreachable)?.Kind, unreachable.ToString());
        Assert.IsTrue(cluster.Port > 0);
    }

    private static async Task<(PostgresDatabase First, PostgresDatabase Second, Rubric Rubric)> TwoServersAsync(string purpose)
    {
        var connectionString = await PostgresCluster.NewDatabaseAsync(purpose);
        var first = new PostgresDatabase(connectionString);
        var second = new PostgresDatabase(connectionString);
        await Migrator.MigrateAsync(first, TimeProvider.System);
        var catalog = await new RubricStore(first, TimeProvider.System).SynchronizeAsync(RubricLoader.LoadDirectory(RepositoryPaths.Rubrics));
        return (first, second, catalog.FindLatest("nlc")!);
    }

    private static async Task<Assessment> SubmittedAssessmentAsync(Database database, Rubric rubric, string cityName)
    {
        var assessments = new AssessmentStore(database, TimeProvider.System);
        var city = await new CityStore(database, TimeProvider.System).CreateAsync(new NewCity(cityName, "ME", null, null, []), "tester");
        var draft = (await assessments.CreateAsync(city.Id, rubric, Period.Parse("2025"), "tester")).Value!;
        var answered = (await assessments.SaveAnswersAsync(draft.Id, draft.RowVersion, rubric.Indicators.Select(i => new AnswerInput(Answer.AtLevel(i.Id, 2), [])).ToArray(), "tester")).Value!;
        return (await assessments.TransitionAsync(answered.Id, answered.RowVersion, AssessmentAction.Submit, "city", new ScoringEngine(rubric))).Write.Value!;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

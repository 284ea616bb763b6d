using Dapper;
using System.Data.Common;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Storage;

namespace Nlc.Storage.Tests;

/// <summary>The stores against a real SQLite file (or a real PostgreSQL database, NLC_TEST_ENGINE=postgres): guarded writes, all-or-nothing batches, an audit log that cannot be rewritten.</summary>
[TestClass]
public sealed class StorageTests
{
    private Database _database = null!;
    private CityStore _cities = null!;
    private AssessmentStore _assessments = null!;
    private Rubric _rubric = null!;

    [TestInitialize]
    public async Task CreateDatabase()
    {
        _database = await TestDatabases.NewAsync("storage");
        await Migrator.MigrateAsync(_database, TimeProvider.System);
        var catalog = await new RubricStore(_database, TimeProvider.System).SynchronizeAsync(RubricLoader.LoadDirectory(RepositoryPaths.Rubrics));
        _rubric = catalog.FindLatest("nlc")!;
        _cities = new CityStore(_database, TimeProvider.System);
        _assessments = new AssessmentStore(_database, TimeProvider.System);
    }

    [TestMethod]
    public async Task ReadingRows_LeavesDapperGlobalSettingsAsTheyWere()
    {
        await _cities.CreateAsync(new NewCity("Budva", "ME", null, null, []), "test");

        var read = await _cities.ListAsync(new CityFilter(), 10, 0);

        Assert.AreEqual("Budva", read.Items.Single().Name);
        Assert.IsFalse(DefaultTypeMap.MatchNamesWithUnderscores, "storage must not switch on Dapper's process-wide underscore matching");
    }

    [TestMethod]
    public async Task TheDatabase_RunsACurrentEngine()
    {
        if (_database.Engine == DatabaseEngine.Postgres)
        {
            var serverVersion = await _database.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT current_setting('server_version_num')::int"));
            Assert.IsTrue(serverVersion >= 150000, $"PostgreSQL {serverVersion}: the toolkit is tested on 15 and newer");
            return;
        }

        var version = Version.Parse(await _database.ReadAsync(c => c.ExecuteScalarAsync<string>("SELECT sqlite_version()")) ?? "0.0");

        Assert.IsTrue(version >= new Version(3, 50), $"SQLite {version}: the bundle pinned in Directory.Packages.props should give 3.50 or newer");
    }

    [TestMethod]
    public async Task Migrate_Twice_AppliesNothingTheSecondTime()
    {
        var again = await Migrator.MigrateAsync(_database, TimeProvider.System);

        Assert.AreEqual(0, again.Count);
        Assert.AreEqual(Migrator.KnownFor(_database.Engine).Count, await _database.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations")));
        if (_database.Engine == DatabaseEngine.Sqlite)
        {
            Assert.AreEqual("wal", await _database.ReadAsync(c => c.ExecuteScalarAsync<string>("PRAGMA journal_mode")));
        }
    }

    [TestMethod]
    public async Task TheAuditLog_CannotBeUpdatedOrDeleted()
    {
        await _cities.CreateAsync(new NewCity("Budva", "ME", null, null, []), "tester");

        var update = await Assert.ThrowsAsync<DbException>(() => _database.ReadAsync(c => c.ExecuteAsync("UPDATE audit_log SET actor = 'someone else'")));
        var delete = await Assert.ThrowsAsync<DbException>(() => _database.ReadAsync(c => c.ExecuteAsync("DELETE FROM audit_log")));

        StringAssert.Contains(update.Message, "append-only");
        StringAssert.Contains(delete.Message, "append-only");
    }

    [TestMethod]
    public async Task TwoWritersFromTheSameVersion_ExactlyOneWins()
    {
        var city = await _cities.CreateAsync(new NewCity("Tivat", "ME", null, null, []), "tester");
        var assessment = (await _assessments.CreateAsync(city.Id, _rubric, Period.Parse("2025"), "tester")).Value!;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(level => Task.Run(() =>
            _assessments.SaveAnswersAsync(assessment.Id, assessment.RowVersion, [new AnswerInput(Answer.AtLevel("GP01.1", level % 5), [])], $"writer{level}"))));

        Assert.AreEqual(1, results.Count(r => r.Outcome == WriteOutcome.Done));
        Assert.AreEqual(7, results.Count(r => r.Outcome == WriteOutcome.Stale));
        var winner = results.Single(r => r.Outcome == WriteOutcome.Done);
        Assert.AreEqual(assessment.RowVersion + 1, winner.Value!.RowVersion);
        Assert.AreEqual(1, (await _assessments.AnswersAsync(assessment.Id)).Count);
    }

    [TestMethod]
    public async Task ABatchThatFailsHalfWay_WritesNothing()
    {
        var city = await _cities.CreateAsync(new NewCity("Bar", "ME", null, null, []), "tester");
        var assessment = (await _assessments.CreateAsync(city.Id, _rubric, Period.Parse("2025"), "tester")).Value!;
        var before = await _database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT count(*) FROM answers"));

        // The second answer breaks a CHECK constraint inside the transaction, after the first was inserted.
        await Assert.ThrowsAsync<DbException>(() => _assessments.SaveAnswersAsync(
            assessment.Id, assessment.RowVersion,
            [new AnswerInput(Answer.AtLevel("GP01.1", 2), []), new AnswerInput(new Answer("GP01.2", AnswerKind.NotApplicable, Reason: " "), [])],
            "tester"));

        Assert.AreEqual(before, await _database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT count(*) FROM answers")));
        Assert.AreEqual(assessment.RowVersion, (await _assessments.FindAsync(assessment.Id))!.RowVersion);
    }

    [TestMethod]
    public async Task ACitysAssessments_AreListedLatestPeriodFirst_Chronologically()
    {
        var city = await _cities.CreateAsync(new NewCity("Ulcinj", "ME", null, null, []), "tester");
        foreach (var period in new[] { "2025-Q1", "2024", "2025-H2", "2025" })
        {
            await _assessments.CreateAsync(city.Id, _rubric, Period.Parse(period), "tester");
        }

        var all = await _assessments.ListAsync(city.Id, new AssessmentFilter(), 10, 0);
        var second = await _assessments.ListAsync(city.Id, new AssessmentFilter(), 2, 1);

        CollectionAssert.AreEqual(new[] { "2025-H2", "2025-Q1", "2025", "2024" }, all.Items.Select(a => a.Period).ToArray());
        CollectionAssert.AreEqual(new[] { "2025-Q1", "2025" }, second.Items.Select(a => a.Period).ToArray());
        Assert.AreEqual(4, second.Total);
    }
}

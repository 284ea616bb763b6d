using System.Text;
using Dapper;
using Nlc.Core.Assessments;
using Nlc.Core.Benchmarking;
using Nlc.Core.Cities;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Storage.Tests;

/// <summary>
/// The peer-statistics read (score records, migration 0008) gives exactly the scores the stored JSON snapshots give:
/// for records written at validation, for rows without a record (stored before the migration, or by an older server),
/// and after the records of those rows are filled in.
/// </summary>
[TestClass]
public sealed class ScoreRecordTests
{
    private const string Period = "2025";

    [TestMethod]
    public async Task PeerScores_AreExactlyTheSnapshotScores_WithRecordsWrittenAtValidation_WithoutRecords_AndWithRecordsFilledIn()
    {
        var database = await TestDatabases.NewAsync("records");
        await Migrator.MigrateAsync(database, TimeProvider.System);
        var rubric = (await new RubricStore(database, TimeProvider.System).SynchronizeAsync(RubricLoader.LoadDirectory(RepositoryPaths.Rubrics))).FindLatest("nlc")!;
        var reader = new ScoreSnapshotReader(rubric.Pillars.Select(p => p.Id), rubric.Practices.Select(p => p.Id));
        await ValidateVariedAssessmentsAsync(database, rubric, cities: 24);
        var writtenAtValidation = await RecordsAsync(database);
        Assert.IsTrue(writtenAtValidation.Values.All(r => r is not null), "validation writes every record");

        await AssertSameAsSnapshotsAsync(database, reader, await new BenchmarkStore(database).EligibleAsync(rubric.Id, rubric.Version.Major, Period, reader), rubric);

        await ReturnToBeforeScoreRecordsAsync(database);
        var applied = await Migrator.MigrateAsync(database, TimeProvider.System);
        Assert.AreEqual("0008_score_records", applied.Single().Name);
        Assert.IsTrue((await RecordsAsync(database)).Values.All(r => r is null), "the migration leaves the records to the server");
        await AssertSameAsSnapshotsAsync(database, reader, await new BenchmarkStore(database).EligibleAsync(rubric.Id, rubric.Version.Major, Period, reader), rubric);

        var assessments = new AssessmentStore(database, TimeProvider.System);
        Assert.AreEqual(writtenAtValidation.Count, await assessments.BackfillScoreRecordsAsync());
        Assert.AreEqual(0, await assessments.BackfillScoreRecordsAsync(), "a second pass finds nothing to fill in");
        var filledIn = await RecordsAsync(database);
        foreach (var (assessmentId, record) in writtenAtValidation)
        {
            CollectionAssert.AreEqual(record, filledIn[assessmentId], $"{assessmentId}: the record filled in from the JSON is the one validation wrote");
        }

        await AssertSameAsSnapshotsAsync(database, reader, await new BenchmarkStore(database).EligibleAsync(rubric.Id, rubric.Version.Major, Period, reader), rubric);
    }

    [TestMethod]
    public async Task PeerScores_ComeFromTheJson_WhenARecordDoesNotFitItsRubricVersion()
    {
        var database = await TestDatabases.NewAsync("records-misfit");
        await Migrator.MigrateAsync(database, TimeProvider.System);
        var rubric = (await new RubricStore(database, TimeProvider.System).SynchronizeAsync(RubricLoader.LoadDirectory(RepositoryPaths.Rubrics))).FindLatest("nlc")!;
        var reader = new ScoreSnapshotReader(rubric.Pillars.Select(p => p.Id), rubric.Practices.Select(p => p.Id));
        await ValidateVariedAssessmentsAsync(database, rubric, cities: 4);
        await database.InTransactionAsync(async (connection, transaction) =>
            await connection.ExecuteAsync("UPDATE assessment_scores SET score_record = @Short", new { Short = new byte[16] }, transaction) > 0);

        await AssertSameAsSnapshotsAsync(database, reader, await new BenchmarkStore(database).EligibleAsync(rubric.Id, rubric.Version.Major, Period, reader), rubric);
    }

    private static Task<Dictionary<string, byte[]?>> RecordsAsync(Database database) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync<(string AssessmentId, byte[]? Record)>("SELECT assessment_id, score_record FROM assessment_scores"))
            .ToDictionary(r => r.AssessmentId, r => r.Record));

    /// <summary>Validated assessments with every kind of answer: levels, not applicable, don't know, and a practice left wholly not applicable.</summary>
    private static async Task ValidateVariedAssessmentsAsync(Database database, Rubric rubric, int cities)
    {
        var engine = new ScoringEngine(rubric);
        var cityStore = new CityStore(database, TimeProvider.System);
        var assessments = new AssessmentStore(database, TimeProvider.System);
        var random = new Random(17);
        for (var c = 0; c < cities; c++)
        {
            var city = await cityStore.CreateAsync(new NewCity($"City {c:00}", c % 2 == 0 ? "ME" : "MK", null, 10_000 + c, []), "test");
            var wholePracticeNotApplicable = rubric.Practices[c % rubric.Practices.Count].Id;
            var answers = rubric.Indicators.Select(indicator =>
            {
                var roll = random.Next(100);
                var answer = indicator.Id.StartsWith(wholePracticeNotApplicable + ".", StringComparison.Ordinal) || roll < 12 ? Answer.NotApplicable(indicator.Id, "n/a here")
                    : roll < 22 ? Answer.DontKnow(indicator.Id)
                    : Answer.AtLevel(indicator.Id, random.Next(0, 5));
                return new AnswerInput(answer, []);
            }).ToArray();
            var draft = (await assessments.CreateAsync(city.Id, rubric, Nlc.Core.Periods.Period.Parse(Period), "test")).Value!;
            draft = (await assessments.SaveAnswersAsync(draft.Id, draft.RowVersion, answers, "test")).Value!;
            var submitted = (await assessments.TransitionAsync(draft.Id, draft.RowVersion, AssessmentAction.Submit, "test", engine)).Write.Value!;
            var validated = (await assessments.TransitionAsync(submitted.Id, submitted.RowVersion, AssessmentAction.Validate, "test", engine)).Write;
            Assert.IsNotNull(validated.Value, $"city {c} validated");
        }
    }

    /// <summary>The database as it was before migration 0008: no score records, the group's index as 0002 made it, the migration not applied.</summary>
    private static Task ReturnToBeforeScoreRecordsAsync(Database database) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("DROP INDEX ix_assessment_scores_peers", transaction: transaction);
            await connection.ExecuteAsync("ALTER TABLE assessment_scores DROP COLUMN score_record", transaction: transaction);
            await connection.ExecuteAsync("CREATE INDEX ix_assessment_scores_group ON assessment_scores (rubric_id, period)", transaction: transaction);
            await connection.ExecuteAsync("DELETE FROM schema_migrations WHERE version = 8", transaction: transaction);
            return true;
        });

    private static async Task AssertSameAsSnapshotsAsync(Database database, ScoreSnapshotReader reader, IReadOnlyList<PeerCity> read, Rubric rubric)
    {
        var snapshots = await database.ReadAsync(async connection =>
            (await connection.QueryAsync<(string AssessmentId, string Scores)>(
                "SELECT assessment_id, scores FROM assessment_scores WHERE period = @Period", new { Period })).ToDictionary(r => r.AssessmentId, r => r.Scores));
        Assert.AreEqual(snapshots.Count, read.Count);
        var nulls = 0;
        foreach (var peer in read)
        {
            var (overall, pillars, practices) = reader.Read(Encoding.UTF8.GetBytes(snapshots[peer.City.AssessmentId]));
            Assert.AreEqual(overall, peer.City.Overall, peer.City.AssessmentId);
            foreach (var pillar in rubric.Pillars)
            {
                Assert.AreEqual(pillars[pillar.Id], peer.City.Pillars[pillar.Id], $"{peer.City.AssessmentId} {pillar.Id}");
            }

            foreach (var practice in rubric.Practices)
            {
                Assert.AreEqual(practices[practice.Id], peer.City.Practices[practice.Id], $"{peer.City.AssessmentId} {practice.Id}");
                nulls += practices[practice.Id] is null ? 1 : 0;
            }
        }

        Assert.IsTrue(nulls > 0, "the data set has practices without a score");
    }
}

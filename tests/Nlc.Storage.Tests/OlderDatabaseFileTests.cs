using Nlc.Core.Access;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Storage.Tests;

/// <summary>
/// A database file written by an earlier build of the toolkit (SQLite 3.35.5, Microsoft.Data.Sqlite 6.0.7, schema 0002)
/// opens, migrates and reads back whole with this build.
/// </summary>
[TestClass]
public sealed class OlderDatabaseFileTests
{
    /// <summary>Set to a path to write the fixture file with this build instead of testing.</summary>
    public const string WriteFixtureVariable = "NLC_WRITE_DATABASE_FIXTURE";

    private const string FixtureSecret = "fixture-city-key";
    private static readonly TimeProvider Clock = TimeProvider.System;

    private static string Fixture => Path.Combine(RepositoryPaths.Root, "tests", "Nlc.Storage.Tests", "Fixtures", "nlc-schema-0002-sqlite-3.35.5.db");

    [TestMethod]
    public async Task AFileFromTheEarlierBuild_MigratesAndReadsBackWhole()
    {
        if (Environment.GetEnvironmentVariable(WriteFixtureVariable) is { Length: > 0 } target)
        {
            await WriteFixtureAsync(target);
            return;
        }

        var copy = Path.Combine(Directory.CreateTempSubdirectory("nlc-older-").FullName, "nlc.db");
        File.Copy(Fixture, copy);
        var database = new SqliteDatabase(copy);

        await Migrator.MigrateAsync(database, Clock);

        var cities = await new CityStore(database, Clock).ListAsync(new CityFilter(), 10, 0);
        CollectionAssert.AreEqual(new[] { "Budva", "Kumanovo" }, cities.Items.Select(c => c.Name).Order().ToArray());
        var budva = cities.Items.Single(c => c.Name == "Budva");
        Assert.AreEqual(("ME", "Coastal", 27_445L, "lsc"), (budva.Country, budva.Region, budva.Population!.Value, budva.Tags.Single()));

        var assessments = new AssessmentStore(database, Clock);
        var rounds = await assessments.ListAllAsync(budva.Id, new AssessmentFilter());
        Assert.AreEqual(2, rounds.Count);
        var validated = rounds.Single(a => a.Status == AssessmentStatus.Validated);
        var draft = rounds.Single(a => a.Status == AssessmentStatus.Draft);
        var rubric = RubricLoader.LoadDirectory(RepositoryPaths.Rubrics).FindLatest("nlc")!;
        Assert.AreEqual(rubric.Indicators.Count, (await assessments.AnswersAsync(validated.Id)).Count);
        var draftAnswers = await assessments.AnswersAsync(draft.Id);
        Assert.AreEqual(3, draftAnswers.Count);
        Assert.AreEqual("Protokol s Ministarstvom, 2024 – Ђ ž", draftAnswers.Single(a => a.Answer.IndicatorId == "GP01.1").Answer.Note);

        var snapshot = (await new BenchmarkStore(database).EligibleAsync("nlc", 1, "2024", new ScoreSnapshotReader(
            rubric.Pillars.Select(p => p.Id), rubric.Practices.Select(p => p.Id)))).Single();
        Assert.AreEqual(new ScoringEngine(rubric).Score(Answers(rubric).Select(a => a.Answer).ToArray()).Overall, snapshot.City.Overall);

        var key = await new ApiKeyStore(database, Clock).FindLiveAsync(FixtureSecret);
        Assert.AreEqual((ApiRole.City, budva.Id), (key!.Role, key.CityIds.Single()));
        Assert.AreEqual(3, (await new TargetStore(database, Clock).GetAsync(budva.Id, "nlc")).Levels["GP01"]);
        Assert.IsTrue((await new AuditLog(database).ListAsync("assessment", validated.Id, 100, 0)).Total >= 3);
    }

    private static async Task WriteFixtureAsync(string target)
    {
        var database = new SqliteDatabase(target);
        await Migrator.MigrateAsync(database, Clock);
        var rubric = (await new RubricStore(database, Clock).SynchronizeAsync(RubricLoader.LoadDirectory(RepositoryPaths.Rubrics))).FindLatest("nlc")!;
        var engine = new ScoringEngine(rubric);
        var cities = new CityStore(database, Clock);
        var budva = await cities.CreateAsync(new NewCity("Budva", "ME", "Coastal", 27_445, ["lsc"]), "fixture");
        await cities.CreateAsync(new NewCity("Kumanovo", "MK", null, 98_104, []), "fixture");
        await new ApiKeyStore(database, Clock).CreateAsync("Budva officials", ApiRole.City, [budva.Id], "fixture", FixtureSecret);
        await new TargetStore(database, Clock).ReplaceAsync(new CityTargets(budva.Id, "nlc", "2027", new Dictionary<string, int> { ["GP01"] = 3 }), "fixture");

        var assessments = new AssessmentStore(database, Clock);
        var validated = (await assessments.CreateAsync(budva.Id, rubric, Period.Parse("2024"), "fixture")).Value!;
        validated = (await assessments.SaveAnswersAsync(validated.Id, validated.RowVersion, Answers(rubric), "fixture")).Value!;
        validated = (await assessments.TransitionAsync(validated.Id, validated.RowVersion, AssessmentAction.Submit, "fixture", engine)).Write.Value!;
        await assessments.TransitionAsync(validated.Id, validated.RowVersion, AssessmentAction.Validate, "fixture", engine);

        var draft = (await assessments.CreateAsync(budva.Id, rubric, Period.Parse("2025-H1"), "fixture")).Value!;
        await assessments.SaveAnswersAsync(draft.Id, draft.RowVersion,
        [
            new AnswerInput(Answer.AtLevel("GP01.1", 2, "Protokol s Ministarstvom, 2024 – Ђ ž"), ["https://example.org/protokol"]),
            new AnswerInput(Answer.NotApplicable("GP11.1", "Reintegration is a cantonal task here"), []),
            new AnswerInput(Answer.DontKnow("GP04.1"), []),
        ], "fixture");
    }

    private static IReadOnlyList<AnswerInput> Answers(Rubric rubric) =>
        rubric.Indicators.Select((indicator, i) => new AnswerInput(Answer.AtLevel(indicator.Id, i % 5), [])).ToArray();
}

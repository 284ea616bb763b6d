using Dapper;
using Nlc.Core.Access;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Storage.Tests;

/// <summary>Moving a hub from its SQLite file to PostgreSQL: every row of every table arrives, and the stores go on from there.</summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed class DatabaseCopyTests
{
    [TestMethod]
    public async Task ASqliteDatabase_IsCopiedWhole_AndPostgresGoesOnFromIt()
    {
        var source = TestDatabases.NewSqlite("copysource");
        var (assessmentId, auditRows) = await FillAsync(source);
        await using var target = await TestDatabases.NewPostgresAsync("copytarget");

        var report = await DatabaseCopy.CopyAsync(source, target, TimeProvider.System);

        foreach (var table in new[] { "cities", "rubrics", "assessments", "answers", "assessment_scores", "targets", "api_keys", "accounts", "invitations", "data_protection_keys" })
        {
            Assert.IsTrue(report.Tables.Single(t => t.Table == table).Rows > 0, $"{table} was filled, so it must have been copied");
        }

        Assert.AreEqual(auditRows, report.Tables.Single(t => t.Table == "audit_log").Rows);
        var copied = (await new AssessmentStore(target, TimeProvider.System).FindAsync(assessmentId))!;
        Assert.AreEqual(AssessmentStatus.Validated, copied.Status);
        await new CityStore(target, TimeProvider.System).CreateAsync(new NewCity("After the move", "ME", null, null, []), "tester");
        Assert.AreEqual(auditRows + 1, await target.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT max(id) FROM audit_log")), "the audit log's ids go on after the copied ones");
    }

    [TestMethod]
    public async Task ACopyIntoADatabaseWithData_IsRefused_AndChangesNothing()
    {
        var source = TestDatabases.NewSqlite("copysource");
        await FillAsync(source);
        await using var target = await TestDatabases.NewPostgresAsync("copytarget");
        await DatabaseCopy.CopyAsync(source, target, TimeProvider.System);
        var before = await target.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log"));

        var refused = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => DatabaseCopy.CopyAsync(source, target, TimeProvider.System));

        StringAssert.Contains(refused.Message, "already holds data");
        Assert.AreEqual(before, await target.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log")));
    }

    private static async Task<(string AssessmentId, int AuditRows)> FillAsync(SqliteDatabase database)
    {
        var clock = TimeProvider.System;
        await Migrator.MigrateAsync(database, clock);
        var rubric = (await new RubricStore(database, clock).SynchronizeAsync(RubricLoader.LoadDirectory(RepositoryPaths.Rubrics))).FindLatest("nlc")!;
        var engine = new ScoringEngine(rubric);
        var assessments = new AssessmentStore(database, clock);
        var city = await new CityStore(database, clock).CreateAsync(new NewCity("Žabljak", "ME", "North", 3500, ["mountain", "lsc"]), "tester");
        var draft = (await assessments.CreateAsync(city.Id, rubric, Period.Parse("2025"), "tester")).Value!;
        var answers = rubric.Indicators.Select((i, n) => n == 0
            ? new AnswerInput(new Answer(i.Id, AnswerKind.NotApplicable, Reason: "Not a cantonal task; ünïcödé"), ["https://example.org/a"])
            : new AnswerInput(Answer.AtLevel(i.Id, n % 5), [])).ToArray();
        var answered = (await assessments.SaveAnswersAsync(draft.Id, draft.RowVersion, answers, "tester")).Value!;
        var submitted = (await assessments.TransitionAsync(draft.Id, answered.RowVersion, AssessmentAction.Submit, "city", engine)).Write.Value!;
        await assessments.TransitionAsync(draft.Id, submitted.RowVersion, AssessmentAction.Validate, "hub", engine);
        await new TargetStore(database, clock).ReplaceAsync(new CityTargets(city.Id, "nlc", "2027", new Dictionary<string, int> { [rubric.Indicators[1].Id] = 4 }), "tester");
        await new ApiKeyStore(database, clock).CreateAsync("hub key", ApiRole.Hub, [], "tester");
        await new AccountStore(database, clock).InviteAsync(new NewAccount("Ana@Example.org", "Ana", ApiRole.City, [city.Id]), "tester");
        await new DataProtectionKeyStore(database, clock).AddAsync("key-1", "<key id=\"1\"/>");
        var auditRows = await database.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT count(*) FROM audit_log"));
        return (draft.Id, auditRows);
    }
}

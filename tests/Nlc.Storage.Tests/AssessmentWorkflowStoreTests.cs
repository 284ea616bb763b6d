using Dapper;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Core.Tests;
using Nlc.Storage;

namespace Nlc.Storage.Tests;

/// <summary>The store enforces the workflow itself, against a real SQLite file: a library user cannot skip a step or submit an incomplete draft.</summary>
[TestClass]
public sealed class AssessmentWorkflowStoreTests
{
    private Database _database = null!;
    private AssessmentStore _assessments = null!;
    private Rubric _rubric = null!;
    private ScoringEngine _engine = null!;
    private Assessment _draft = null!;

    [TestInitialize]
    public async Task CreateDatabaseWithADraft()
    {
        _database = await TestDatabases.NewAsync("workflow");
        await Migrator.MigrateAsync(_database, TimeProvider.System);
        var catalog = await new RubricStore(_database, TimeProvider.System).SynchronizeAsync(RubricLoader.LoadDirectory(RepositoryPaths.Rubrics));
        _rubric = catalog.FindLatest("nlc")!;
        _engine = new ScoringEngine(_rubric);
        _assessments = new AssessmentStore(_database, TimeProvider.System);
        var city = await new CityStore(_database, TimeProvider.System).CreateAsync(new NewCity("Kotor", "ME", null, null, []), "tester");
        _draft = (await _assessments.CreateAsync(city.Id, _rubric, Period.Parse("2025"), "tester")).Value!;
    }

    [TestMethod]
    public async Task Submit_OfAnIncompleteDraft_IsRefusedByTheStore_NamingTheUnanswered()
    {
        var answered = await AnswerAsync(_rubric.Indicators.Skip(2));

        var result = await _assessments.TransitionAsync(_draft.Id, answered.RowVersion, AssessmentAction.Submit, "library user", _engine);

        Assert.AreEqual(WriteOutcome.Conflict, result.Write.Outcome);
        CollectionAssert.AreEqual(_rubric.Indicators.Take(2).Select(i => i.Id).ToArray(), result.Unanswered.ToArray());
        Assert.AreEqual($"2 of {_rubric.Indicators.Count} indicators are unanswered; answer each with a level, Not applicable or Don't know before submitting.", result.Write.Reason);
        var after = (await _assessments.FindAsync(_draft.Id))!;
        Assert.AreEqual((AssessmentStatus.Draft, answered.RowVersion), (after.Status, after.RowVersion));
        Assert.AreEqual(0, await AuditCountAsync("assessment.submitted"));
    }

    [TestMethod]
    public async Task Validate_OfADraft_IsRefused_EvenWhenComplete()
    {
        var answered = await AnswerAsync(_rubric.Indicators);

        var result = await _assessments.TransitionAsync(_draft.Id, answered.RowVersion, AssessmentAction.Validate, "library user", _engine);

        Assert.AreEqual(WriteOutcome.Conflict, result.Write.Outcome);
        Assert.AreEqual($"Assessment '{_draft.Id}' is draft; it can be moved to validated only when submitted.", result.Write.Reason);
        Assert.AreEqual(AssessmentStatus.Draft, (await _assessments.FindAsync(_draft.Id))!.Status);
    }

    [TestMethod]
    public async Task ACompleteDraft_IsSubmittedValidatedAndReopened_EachStepAudited()
    {
        var answered = await AnswerAsync(_rubric.Indicators);

        var submitted = (await _assessments.TransitionAsync(_draft.Id, answered.RowVersion, AssessmentAction.Submit, "city", _engine)).Write.Value!;
        var validated = (await _assessments.TransitionAsync(_draft.Id, submitted.RowVersion, AssessmentAction.Validate, "hub", _engine)).Write.Value!;
        var reopened = (await _assessments.TransitionAsync(_draft.Id, validated.RowVersion, AssessmentAction.Reopen, "hub", _engine)).Write.Value!;

        Assert.AreEqual(
            (AssessmentStatus.Submitted, AssessmentStatus.Validated, AssessmentStatus.Draft),
            (submitted.Status, validated.Status, reopened.Status));
        Assert.AreEqual(1, await AuditCountAsync("assessment.submitted"));
        Assert.AreEqual(1, await AuditCountAsync("assessment.validated"));
        Assert.AreEqual(1, await AuditCountAsync("assessment.reopened"));
    }

    [TestMethod]
    public async Task Submit_WithTheEngineOfAnotherRubric_IsAnError_AndWritesNothing()
    {
        var answered = await AnswerAsync(_rubric.Indicators);

        await Assert.ThrowsExactlyAsync<ArgumentException>(() =>
            _assessments.TransitionAsync(_draft.Id, answered.RowVersion, AssessmentAction.Submit, "library user", new ScoringEngine(TestRubrics.TwoPillars())));

        Assert.AreEqual(AssessmentStatus.Draft, (await _assessments.FindAsync(_draft.Id))!.Status);
    }

    private async Task<Assessment> AnswerAsync(IEnumerable<Indicator> indicators) =>
        (await _assessments.SaveAnswersAsync(_draft.Id, _draft.RowVersion, indicators.Select(i => new AnswerInput(Answer.AtLevel(i.Id, 2), [])).ToArray(), "tester")).Value!;

    private Task<long> AuditCountAsync(string action) =>
        _database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = @action", new { action }));
}

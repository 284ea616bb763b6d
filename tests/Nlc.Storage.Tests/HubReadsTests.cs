using Dapper;
using Nlc.Core.Access;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Core.Tests;
using Nlc.Storage.Network;

namespace Nlc.Storage.Tests;

/// <summary>What the hub's pages read and write, against a real SQLite file (or a real PostgreSQL database, NLC_TEST_ENGINE=postgres): the network in one read, reopening reasons, a city's audit trail, access changes.</summary>
[TestClass]
public sealed class HubReadsTests
{
    private Database _database = null!;
    private AssessmentStore _assessments = null!;
    private CityStore _cities = null!;
    private Rubric _rubric = null!;
    private ScoringEngine _engine = null!;

    [TestInitialize]
    public async Task CreateDatabase()
    {
        _database = await TestDatabases.NewAsync("hub");
        await Migrator.MigrateAsync(_database, TimeProvider.System);
        var catalog = await new RubricStore(_database, TimeProvider.System).SynchronizeAsync(RubricLoader.LoadDirectory(RepositoryPaths.Rubrics));
        _rubric = catalog.FindLatest("nlc")!;
        _engine = new ScoringEngine(_rubric);
        _assessments = new AssessmentStore(_database, TimeProvider.System);
        _cities = new CityStore(_database, TimeProvider.System);
    }

    [TestMethod]
    public async Task TheNetwork_IsEveryCityWithItsAssessments_AnswerCountsAndValidatedScores_ReadAgainAfterAWrite()
    {
        var kotor = await _cities.CreateAsync(new NewCity("Kotor", "ME", "Coastal", 13_000, ["coast"]), "tester");
        var bar = await _cities.CreateAsync(new NewCity("Bar", "ME", null, null, []), "tester");
        var validated = await SubmittedAsync(kotor.Id, "2024", _rubric.Indicators.Count);
        validated = (await _assessments.TransitionAsync(validated.Id, validated.RowVersion, AssessmentAction.Validate, "hub", _engine)).Write.Value!;
        var draft = await DraftAsync(kotor.Id, "2025", answered: 5);
        var network = new NetworkStore(_database);

        var cities = await network.ReadAsync();

        Assert.AreEqual(2, cities.Count);
        Assert.AreEqual(0, cities.Single(c => c.Id == bar.Id).Assessments.Count);
        var read = cities.Single(c => c.Id == kotor.Id);
        Assert.AreEqual(("Kotor", "ME", "Coastal", 13_000L, "coast"), (read.Name, read.Country, read.Region, read.Population!.Value, read.Tags.Single()));
        var readValidated = read.Assessments.Single(a => a.Id == validated.Id);
        Assert.AreEqual(_engine.Score((await _assessments.AnswersAsync(validated.Id)).Select(a => a.Answer).ToArray()).Overall, readValidated.ValidatedOverall);
        Assert.AreEqual((AssessmentStatus.Validated, _rubric.Indicators.Count), (readValidated.Status, readValidated.Answered));
        var readDraft = read.Assessments.Single(a => a.Id == draft.Id);
        Assert.AreEqual((AssessmentStatus.Draft, 5, (double?)null), (readDraft.Status, readDraft.Answered, readDraft.ValidatedOverall));
        Assert.AreSame(cities, await network.ReadAsync(), "kept until the next write");

        await DraftAsync(bar.Id, "2025", answered: 1);
        Assert.AreEqual(1, (await network.ReadAsync()).Single(c => c.Id == bar.Id).Assessments.Count, "read again after a write");
    }

    [TestMethod]
    public async Task AReopeningsReason_IsInItsAuditEntry_AndShownToTheCity_UntilSubmittedAgain()
    {
        var city = await _cities.CreateAsync(new NewCity("Kotor", "ME", null, null, []), "tester");
        var submitted = await SubmittedAsync(city.Id, "2025", _rubric.Indicators.Count);
        Assert.IsNull(await _assessments.OpenReopeningAsync(submitted.Id), "never reopened");

        var reopened = (await _assessments.TransitionAsync(
            submitted.Id, submitted.RowVersion, AssessmentAction.Reopen, "hub-account", _engine, reason: "  Attach the adopted decision.  ")).Write.Value!;

        var reopening = await _assessments.OpenReopeningAsync(submitted.Id);
        Assert.AreEqual(("Attach the adopted decision.", "hub-account"), (reopening!.Reason, reopening.Actor));
        var after = await _database.ReadAsync(c => c.ExecuteScalarAsync<string>("SELECT after FROM audit_log WHERE action = 'assessment.reopened'"));
        StringAssert.Contains(after, "\"reason\":\"Attach the adopted decision.\"");
        StringAssert.Contains(after, "\"status\":\"draft\"", "the entry still records the assessment as it became");

        await _assessments.TransitionAsync(submitted.Id, reopened.RowVersion, AssessmentAction.Submit, "city", _engine);
        Assert.IsNull(await _assessments.OpenReopeningAsync(submitted.Id), "submitted again: the reason is dealt with");
    }

    [TestMethod]
    public async Task ACitysAuditTrail_IsNewestFirst_AndFiltersByWhoAndWhat()
    {
        var kotor = await _cities.CreateAsync(new NewCity("Kotor", "ME", null, null, []), "admin");
        var bar = await _cities.CreateAsync(new NewCity("Bar", "ME", null, null, []), "admin");
        var submitted = await SubmittedAsync(kotor.Id, "2025", _rubric.Indicators.Count);
        await _assessments.TransitionAsync(submitted.Id, submitted.RowVersion, AssessmentAction.Validate, "hub", _engine);
        await DraftAsync(bar.Id, "2025", answered: 1);
        var audit = new AuditLog(_database);

        var all = await audit.ListForCityAsync(kotor.Id, null, null, 50, 0);
        var byHub = await audit.ListForCityAsync(kotor.Id, "hub", null, 50, 0);
        var created = await audit.ListForCityAsync(kotor.Id, null, "city.created", 50, 0);
        var (actors, actions) = await audit.FacetsForCityAsync(kotor.Id);

        CollectionAssert.AreEqual(
            new[] { "assessment.validated", "assessment.submitted", "answers.saved", "assessment.created", "city.created" },
            all.Items.Select(e => e.Action).ToArray());
        Assert.AreEqual("assessment.validated", byHub.Items.Single().Action);
        Assert.AreEqual(("admin", 1), (created.Items.Single().Actor, created.Total));
        CollectionAssert.AreEqual(new[] { "admin", "hub", "tester" }, actors.ToArray());
        Assert.AreEqual(5, actions.Count);
    }

    [TestMethod]
    public async Task ChangeAccess_GivesTheAccountItsNewRoleAndCities_AndIsAudited()
    {
        var kotor = await _cities.CreateAsync(new NewCity("Kotor", "ME", null, null, []), "admin");
        var accounts = new AccountStore(_database, TimeProvider.System);
        var invited = (await accounts.InviteAsync(new NewAccount("mira@kotor.example", "Mira", ApiRole.Partner, []), "admin")).Value!;

        await accounts.ChangeAccessAsync(invited.Account.Id, ApiRole.City, [kotor.Id], "admin");

        var after = (await accounts.FindAsync(invited.Account.Id))!;
        Assert.AreEqual((ApiRole.City, kotor.Id), (after.Role, after.CityIds.Single()));
        Assert.AreEqual(1, await _database.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT count(*) FROM audit_log WHERE action = 'account.access_changed' AND actor = 'admin'")));
    }

    private async Task<Assessment> DraftAsync(string cityId, string period, int answered)
    {
        var created = (await _assessments.CreateAsync(cityId, _rubric, Period.Parse(period), "tester")).Value!;
        var answers = _rubric.Indicators.Take(answered).Select(i => new AnswerInput(Answer.AtLevel(i.Id, 2), [])).ToArray();
        return (await _assessments.SaveAnswersAsync(created.Id, created.RowVersion, answers, "tester")).Value!;
    }

    private async Task<Assessment> SubmittedAsync(string cityId, string period, int answered)
    {
        var draft = await DraftAsync(cityId, period, answered);
        return (await _assessments.TransitionAsync(draft.Id, draft.RowVersion, AssessmentAction.Submit, "tester", _engine)).Write.Value!;
    }
}

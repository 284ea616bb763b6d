using Nlc.Core.PeerLearning;

namespace Nlc.Core.Tests.PeerLearning;

[TestClass]
public sealed class CaseNoteWorkflowTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static CaseNote Draft() => new(
        "note_1", "city_danilovgrad", "nlc", "GP01", "Workshop to action plan", "No shared plan", "A workshop", "The LSC's Action Plan",
        "LSC coordinator", CaseNoteStatus.Draft, null, Monday, null, 1);

    [TestMethod]
    public void ANote_GoesFromDraftToSubmittedToPublished()
    {
        var (submitted, _) = CaseNoteWorkflow.Apply(Draft(), CaseNoteAction.Submit, null, Monday.AddDays(1));
        var (published, refusal) = CaseNoteWorkflow.Apply(submitted!, CaseNoteAction.Approve, null, Monday.AddDays(2));

        Assert.IsNull(refusal);
        Assert.AreEqual((CaseNoteStatus.Published, Monday.AddDays(2), 3L), (published!.Status, published.PublishedAt, published.RowVersion));
        Assert.IsFalse(CaseNoteWorkflow.IsEditable(published.Status));
    }

    [TestMethod]
    public void AReturnedNote_CarriesTheReason_IsEditable_AndLosesTheReasonWhenSubmittedAgain()
    {
        var (submitted, _) = CaseNoteWorkflow.Apply(Draft(), CaseNoteAction.Submit, null, Monday);
        var (returned, _) = CaseNoteWorkflow.Apply(submitted!, CaseNoteAction.Return, "  Name the role, not the person. ", Monday);
        var (again, _) = CaseNoteWorkflow.Apply(returned!, CaseNoteAction.Submit, null, Monday);

        Assert.AreEqual((CaseNoteStatus.Returned, "Name the role, not the person."), (returned!.Status, returned.ReturnReason));
        Assert.IsTrue(CaseNoteWorkflow.IsEditable(returned.Status));
        Assert.AreEqual((CaseNoteStatus.Submitted, (string?)null), (again!.Status, again.ReturnReason));
    }

    [TestMethod]
    public void ADraft_CannotBeApproved_AndAPublishedNoteCannotBeReturned()
    {
        var (none, refusal) = CaseNoteWorkflow.Apply(Draft(), CaseNoteAction.Approve, null, Monday);
        var published = Draft() with { Status = CaseNoteStatus.Published };

        Assert.IsNull(none);
        Assert.AreEqual("The case note is a draft; only a submitted note can be published.", refusal);
        Assert.AreEqual("The case note is published; only a submitted note can be returned.", CaseNoteWorkflow.Apply(published, CaseNoteAction.Return, "x", Monday).Refusal);
        Assert.AreEqual("reason", CaseNoteWorkflow.CheckReturnReason(" ").Single().Field);
    }

    [TestMethod]
    public void Check_NamesEveryMissingSection()
    {
        var problems = CaseNoteWorkflow.Check(new CaseNoteInput("P9", "t", "", null, "i", " "), TestRubrics.TwoPillars());

        CollectionAssert.AreEqual(new[] { "practiceId", "challenge", "approach", "contactRole" }, problems.Select(p => p.Field).ToArray());
    }
}

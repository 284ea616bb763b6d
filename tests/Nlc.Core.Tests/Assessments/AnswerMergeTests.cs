using Nlc.Core.Assessments;
using Nlc.Core.Scoring;

namespace Nlc.Core.Tests.Assessments;

[TestClass]
public sealed class AnswerMergeTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 11, 20, 14, 3, 0, TimeSpan.Zero);

    [TestMethod]
    public void AnAnswerTheEditorDidNotChange_IsLeftAsSavedNow()
    {
        var plan = Plan(Edit(Level("GP01.1", 2), basedOn: Level("GP01.1", 2)), saved: [Level("GP01.1", 4)]);

        Assert.AreEqual(0, plan.Changes.Count);
        Assert.AreEqual(0, plan.Conflicts.Count);
    }

    [TestMethod]
    public void AChangeToAnIndicatorNoOneElseChanged_IsWritten()
    {
        var plan = Plan(Edit(Level("GP01.1", 3), basedOn: Level("GP01.1", 2)), saved: [Level("GP01.1", 2)]);

        Assert.AreEqual(3, plan.Changes.Single().Answer.Level);
    }

    [TestMethod]
    public void AnAnswerToAnIndicatorUnansweredThenAndNow_IsWritten()
    {
        var plan = Plan(Edit(Level("GP01.1", 3), basedOn: null), saved: []);

        Assert.AreEqual("GP01.1", plan.Changes.Single().Answer.IndicatorId);
    }

    [TestMethod]
    public void TheSameChangeAlreadySavedBySomeoneElse_IsNeitherWrittenNorAConflict()
    {
        var plan = Plan(Edit(Level("GP01.1", 3), basedOn: Level("GP01.1", 2)), saved: [Level("GP01.1", 3)]);

        Assert.AreEqual((0, 0), (plan.Changes.Count, plan.Conflicts.Count));
    }

    [TestMethod]
    public void AChangeToAnIndicatorSomeoneElseChangedDifferently_IsAConflictWithTheSavedAnswer()
    {
        var plan = Plan(Edit(Level("GP01.1", 1), basedOn: Level("GP01.1", 2)), saved: [Level("GP01.1", 4)]);

        var conflict = plan.Conflicts.Single();
        Assert.AreEqual(("GP01.1", 1, 4), (conflict.IndicatorId, conflict.Yours.Answer.Level, conflict.Saved!.Answer.Level));
        Assert.AreEqual(("key_ana", Earlier), (conflict.Saved.AnsweredBy, conflict.Saved.AnsweredAt));
        Assert.AreEqual(0, plan.Changes.Count);
    }

    [TestMethod]
    public void AnAnswerToAnIndicatorSomeoneElseAnsweredSince_IsAConflict()
    {
        var plan = Plan(Edit(Level("GP01.1", 1), basedOn: null), saved: [Level("GP01.1", 4)]);

        Assert.AreEqual("GP01.1", plan.Conflicts.Single().IndicatorId);
    }

    [TestMethod]
    public void NoteAndEvidence_ArePartOfTheAnswer()
    {
        var based = new AnswerInput(Answer.AtLevel("GP01.1", 2, "old note"), ["a"]);
        var plan = AnswerMerge.Plan(
            [new BasedAnswer(new AnswerInput(Answer.AtLevel("GP01.1", 2, "new note"), ["a"]), Print(based)),
             new BasedAnswer(new AnswerInput(Answer.AtLevel("GP01.2", 2), ["b"]), Print(Level("GP01.2", 2)))],
            new Dictionary<string, StoredAnswer> { ["GP01.1"] = Stored(based), ["GP01.2"] = Stored(Level("GP01.2", 2)) },
            Print);

        CollectionAssert.AreEqual(new[] { "GP01.1", "GP01.2" }, plan.Changes.Select(c => c.Answer.IndicatorId).ToArray());
    }

    private static AnswerMergePlan Plan(BasedAnswer edit, AnswerInput[] saved) =>
        AnswerMerge.Plan([edit], saved.ToDictionary(a => a.Answer.IndicatorId, Stored), Print);

    private static BasedAnswer Edit(AnswerInput answer, AnswerInput? basedOn) => new(answer, basedOn is null ? null : Print(basedOn));

    private static AnswerInput Level(string id, int level) => new(Answer.AtLevel(id, level), []);

    private static StoredAnswer Stored(AnswerInput answer) => new(answer.Answer, answer.Evidence, "key_ana", Earlier);

    private static string Print(AnswerInput answer) => $"{answer.Answer} [{string.Join("|", answer.Evidence)}]";
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Nlc.Core.Assessments;
using Nlc.Core.Scoring;
using Nlc.Excel;
using Nlc.Web.Assessments;

namespace Nlc.Web.Tests;

/// <summary>The fill-in form of one indicator: what a browser posts back becomes the answer meant, and an untouched answer is no edit.</summary>
[TestClass]
public sealed class AnswerFormTests
{
    [TestMethod]
    public void AnUntouchedSavedAnswer_PostedBackByABrowser_HasItsBaselineFingerprint()
    {
        var saved = new StoredAnswer(
            Answer.NotApplicable("GP02.1", "No national strategy yet", "Line one\nLine two"), ["https://example.org/a", "Council decision 12/2024"], "acc_1", DateTimeOffset.UnixEpoch);
        var shown = AnswerForm.Of("GP02.1", saved, AnswerFingerprint.Of);

        // Browsers send textarea line breaks as CR LF.
        var posted = AnswerForm.Read("GP02.1", Form(new()
        {
            ["choice-GP02.1"] = shown.Choice,
            ["reason-GP02.1"] = shown.Reason,
            ["note-GP02.1"] = shown.Note.Replace("\n", "\r\n"),
            ["evidence-GP02.1"] = shown.Evidence.Replace("\n", "\r\n") + "\r\n",
            ["base-GP02.1"] = shown.Base,
        }));

        Assert.AreEqual(shown.Base, AnswerFingerprint.Of(posted.ToInput()!), "nothing changed, so the merge must not count it as an edit");
        Assert.AreEqual(shown.Base, posted.Base);
        CollectionAssert.AreEqual(new[] { "https://example.org/a", "Council decision 12/2024" }, posted.ToInput()!.Evidence.ToArray());
    }

    [TestMethod]
    public void AReasonLeftBehind_IsDroppedWhenALevelOrDontKnowIsChosen()
    {
        var level = AnswerForm.Read("GP01.1", Form(new() { ["choice-GP01.1"] = "3", ["reason-GP01.1"] = "typed before changing my mind" })).ToInput()!;
        var dontKnow = AnswerForm.Read("GP01.1", Form(new() { ["choice-GP01.1"] = AnswerForm.DontKnow, ["reason-GP01.1"] = "typed" })).ToInput()!;

        Assert.AreEqual(Answer.AtLevel("GP01.1", 3), level.Answer);
        Assert.AreEqual(Answer.DontKnow("GP01.1"), dontKnow.Answer);
        Assert.IsEmpty(AnswerRules.Check(level, 4));
    }

    [TestMethod]
    public void NotApplicableWithoutAReason_BreaksTheAnswerRules_AndNoChoiceIsNoAnswer()
    {
        var notApplicable = AnswerForm.Read("GP01.1", Form(new() { ["choice-GP01.1"] = AnswerForm.NotApplicable, ["reason-GP01.1"] = "   " })).ToInput()!;
        var blank = AnswerForm.Read("GP01.1", Form(new()));
        var noteOnly = AnswerForm.Read("GP01.1", Form(new() { ["note-GP01.1"] = "a note but no choice" }));
        var offScale = AnswerForm.Read("GP01.1", Form(new() { ["choice-GP01.1"] = "9" })).ToInput()!;

        Assert.AreEqual(AnswerRule.ReasonRequired, AnswerRules.Check(notApplicable, 4).Single().Rule);
        Assert.IsNull(blank.ToInput());
        Assert.IsTrue(blank.IsBlank);
        Assert.IsNull(noteOnly.ToInput());
        Assert.IsFalse(noteOnly.IsBlank, "a note without a choice is not blank: the page asks for a choice");
        Assert.AreEqual(AnswerRule.LevelOffScale, AnswerRules.Check(offScale, 4).Single().Rule);
    }

    private static FormCollection Form(Dictionary<string, StringValues> fields) => new(fields);
}

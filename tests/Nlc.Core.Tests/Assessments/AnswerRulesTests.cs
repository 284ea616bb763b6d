using Nlc.Core.Assessments;
using Nlc.Core.Scoring;

namespace Nlc.Core.Tests.Assessments;

/// <summary>The answer rules every door applies: the shape of each kind of answer and the limits, every problem with its part.</summary>
[TestClass]
public sealed class AnswerRulesTests
{
    private const int MaxLevel = 4;

    [TestMethod]
    public void AWellFormedAnswerOfEachKind_BreaksNoRule()
    {
        AnswerInput[] answers =
        [
            new(Answer.AtLevel("P1.1", 0), []),
            new(Answer.AtLevel("P1.1", MaxLevel, new string('n', AnswerRules.MaxTextLength)), Enumerable.Repeat(new string('e', AnswerRules.MaxEvidenceLength), AnswerRules.MaxEvidence).ToArray()),
            new(Answer.NotApplicable("P1.1", "no such service here"), []),
            new(Answer.DontKnow("P1.1"), ["https://example.org/minutes"]),
        ];

        foreach (var answer in answers)
        {
            Assert.AreEqual(0, AnswerRules.Check(answer, MaxLevel).Count, answer.ToString());
        }
    }

    [TestMethod]
    [DataRow(AnswerKind.Level, null, null, AnswerPart.Level, AnswerRule.LevelRequired)]
    [DataRow(AnswerKind.Level, 5, null, AnswerPart.Level, AnswerRule.LevelOffScale)]
    [DataRow(AnswerKind.Level, -1, null, AnswerPart.Level, AnswerRule.LevelOffScale)]
    [DataRow(AnswerKind.Level, 2, "because", AnswerPart.Reason, AnswerRule.ReasonNotAllowed)]
    [DataRow(AnswerKind.NotApplicable, null, null, AnswerPart.Reason, AnswerRule.ReasonRequired)]
    [DataRow(AnswerKind.NotApplicable, null, "  ", AnswerPart.Reason, AnswerRule.ReasonRequired)]
    [DataRow(AnswerKind.NotApplicable, 2, "because", AnswerPart.Level, AnswerRule.LevelNotAllowed)]
    [DataRow(AnswerKind.DontKnow, 2, null, AnswerPart.Level, AnswerRule.LevelNotAllowed)]
    [DataRow(AnswerKind.DontKnow, null, "because", AnswerPart.Reason, AnswerRule.ReasonNotAllowed)]
    public void EachKind_HasItsShape(AnswerKind kind, int? level, string? reason, AnswerPart part, AnswerRule rule)
    {
        var violation = AnswerRules.Check(new AnswerInput(new Answer("P1.1", kind, level, reason), []), MaxLevel).Single();

        Assert.AreEqual(("P1.1", part, rule), (violation.IndicatorId, violation.Part, violation.Rule));
    }

    [TestMethod]
    public void EveryLimitBroken_IsReportedWithItsPart()
    {
        var tooLong = new string('x', AnswerRules.MaxTextLength + 1);
        string[] evidence = [.. Enumerable.Repeat("ok", AnswerRules.MaxEvidence), " ", new string('e', AnswerRules.MaxEvidenceLength + 1)];

        var violations = AnswerRules.Check(new AnswerInput(Answer.NotApplicable("P2.1", tooLong, tooLong), evidence), MaxLevel);

        CollectionAssert.AreEqual(
            new[]
            {
                "Reason TextTooLong : the reason may have at most 4000 characters",
                "Note TextTooLong : the note may have at most 4000 characters",
                "Evidence TooManyEvidence : at most 20 evidence entries",
                "Evidence EvidenceEntryLength 20: an evidence entry must have 1 to 2000 characters",
                "Evidence EvidenceEntryLength 21: an evidence entry must have 1 to 2000 characters",
            },
            violations.Select(v => $"{v.Part} {v.Rule} {v.EvidenceIndex}: {v.Message}").ToArray());
        Assert.IsTrue(violations.All(v => v.IndicatorId == "P2.1"));
    }

    [TestMethod]
    public void TheScoringEngine_RefusesWhatTheRulesRefuse()
    {
        var engine = new ScoringEngine(TestRubrics.TwoPillars());

        var problems = engine.Validate([new Answer("P1.1", AnswerKind.Level, 2, "because"), new Answer("P1.2", AnswerKind.DontKnow, Reason: "because")]);

        CollectionAssert.AreEqual(
            new[] { "P1.1: a reason is given only with a Not applicable answer", "P1.2: a reason is given only with a Not applicable answer" },
            problems.Select(p => p.ToString()).ToArray());
    }
}

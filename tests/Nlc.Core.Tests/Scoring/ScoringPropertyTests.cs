using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Core.Tests.Scoring;

/// <summary>Properties of the engine over random answer sets for the shipped rubric (fixed seed, so runs repeat).</summary>
[TestClass]
public sealed class ScoringPropertyTests
{
    private const double Tolerance = 1e-9;
    private static readonly Rubric Rubric = TestRubrics.Shipped;
    private static readonly ScoringEngine Engine = new(Rubric);

    private static readonly Config Config = Config.QuickThrowOnFailure
        .WithMaxTest(300)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20201001UL, 7UL), FSharpOption<int>.None)));

    // Per indicator: 0–4 a level, 5 Not applicable, 6 Don't know, 7 unanswered.
    private static readonly Gen<int[]> Choices = Gen.Choose(0, 7).ArrayOf(Rubric.Indicators.Count);

    [TestMethod]
    public void EveryScore_IsWithin0And100()
    {
        Check(Prop.ForAll(Arb.From(Choices), choices =>
        {
            var result = Engine.Score(ToAnswers(choices));
            return AllScores(result).All(s => s is null or >= 0 and <= 100)
                && result.Gaps.All(g => g.OverallGain is > 0 and <= 100);
        }));
    }

    [TestMethod]
    public void RaisingOneAnswer_NeverLowersAnyScore()
    {
        var gen = Choices.SelectMany(_ => Gen.Choose(0, Rubric.Indicators.Count - 1), (choices, index) => (choices, index))
            .Where(x => x.choices[x.index] is < 4 or 6);
        Check(Prop.ForAll(Arb.From(gen), x =>
        {
            var raised = (int[])x.choices.Clone();
            raised[x.index] = x.choices[x.index] == 6 ? 1 : x.choices[x.index] + 1;
            var before = AllScores(Engine.Score(ToAnswers(x.choices))).ToArray();
            var after = AllScores(Engine.Score(ToAnswers(raised))).ToArray();
            return before.Zip(after).All(pair => pair.First is null ? pair.Second is null : pair.Second >= pair.First - Tolerance);
        }));
    }

    [TestMethod]
    public void MarkingNotApplicable_NeverChangesOtherPractices()
    {
        var gen = Choices.SelectMany(_ => Gen.Choose(0, Rubric.Indicators.Count - 1), (choices, index) => (choices, index));
        Check(Prop.ForAll(Arb.From(gen), x =>
        {
            var marked = (int[])x.choices.Clone();
            marked[x.index] = 5;
            var practice = Rubric.Indicators[x.index].PracticeId;
            var before = Engine.Score(ToAnswers(x.choices)).Practices.Where(p => p.PracticeId != practice);
            var after = Engine.Score(ToAnswers(marked)).Practices.Where(p => p.PracticeId != practice);
            return before.SequenceEqual(after);
        }));
    }

    [TestMethod]
    public void TheOrderOfAnswers_DoesNotMatter()
    {
        var gen = Choices.SelectMany(choices => Gen.Shuffle(ToAnswers(choices)), (choices, shuffled) => (choices, shuffled));
        Check(Prop.ForAll(Arb.From(gen), x =>
        {
            var inOrder = Engine.Score(ToAnswers(x.choices));
            var shuffled = Engine.Score(x.shuffled);
            return inOrder.Overall == shuffled.Overall
                && inOrder.Practices.SequenceEqual(shuffled.Practices)
                && inOrder.Pillars.SequenceEqual(shuffled.Pillars)
                && inOrder.Indicators.SequenceEqual(shuffled.Indicators)
                && inOrder.Gaps.SequenceEqual(shuffled.Gaps)
                && inOrder.Completeness == shuffled.Completeness;
        }));
    }

    private static void Check(Property property) => FsCheck.Check.One(Config, property);

    private static Answer[] ToAnswers(int[] choices) => choices
        .Select((choice, i) => (choice, id: Rubric.Indicators[i].Id))
        .Where(x => x.choice != 7)
        .Select(x => x.choice switch
        {
            5 => Answer.NotApplicable(x.id, "Not a municipal task here"),
            6 => Answer.DontKnow(x.id),
            _ => Answer.AtLevel(x.id, x.choice),
        })
        .ToArray();

    private static IEnumerable<double?> AllScores(ScoreResult result) =>
        new[] { result.Overall }
            .Concat(result.Pillars.Select(p => p.Score))
            .Concat(result.Practices.Select(p => p.Score))
            .Concat(result.Indicators.Select(i => i.Score));
}

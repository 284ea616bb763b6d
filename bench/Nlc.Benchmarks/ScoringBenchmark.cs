using System.Globalization;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Benchmarks;

/// <summary>
/// Scoring one complete assessment of the shipped rubric (levels, Not applicable and Don't know mixed), against a baseline
/// of indexing the same answers in a dictionary, measured in the same run.
/// </summary>
internal static class ScoringBenchmark
{
    public static void Run(Rubric rubric)
    {
        var engine = new ScoringEngine(rubric);
        var answers = rubric.Indicators
            .Select((indicator, i) => (i % 13) switch
            {
                5 => Answer.NotApplicable(indicator.Id, "Not a municipal task here"),
                9 => Answer.DontKnow(indicator.Id),
                _ => Answer.AtLevel(indicator.Id, i % 5),
            })
            .ToArray();

        var baseline = Measurement.Of(() => IndexAnswers(answers), 20_000);
        var scoring = Measurement.Of(() => engine.Score(answers), 20_000);

        var ratio = string.Format(CultureInfo.InvariantCulture, "{0:N1}x baseline (indexing {1} answers in a dictionary: {2:N0} ns)", scoring.NanosecondsPerOp / baseline.NanosecondsPerOp, answers.Length, baseline.NanosecondsPerOp);
        Report.Figure("scoring: time to score one assessment", scoring.NanosecondsPerOp / 1000, "us", 5, ratio);
        Report.Figure("scoring: allocated per assessment", scoring.BytesPerOp, "B", 4096, $"{rubric.Indicators.Count} indicators, {rubric.Practices.Count} practices");
    }

    private static Dictionary<string, Answer> IndexAnswers(Answer[] answers)
    {
        var index = new Dictionary<string, Answer>(answers.Length, StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            index[answer.IndicatorId] = answer;
        }

        return index;
    }
}

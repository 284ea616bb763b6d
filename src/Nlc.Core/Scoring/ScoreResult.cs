using Nlc.Core.Rubrics;

namespace Nlc.Core.Scoring;

/// <summary>
/// The scores of one set of answers against one rubric, unrounded. Scores run 0–100; null means nothing applicable
/// was answered there, which is not the same as zero.
/// </summary>
public sealed record ScoreResult(
    string RubricId,
    RubricVersion RubricVersion,
    string RubricContentHash,
    double? Overall,
    IReadOnlyList<PillarScore> Pillars,
    IReadOnlyList<PracticeScore> Practices,
    IReadOnlyList<IndicatorScore> Indicators,
    Completeness Completeness,
    IReadOnlyList<GapItem> Gaps);

/// <summary>One pillar's score: the mean of its scored practices, weighted by link weight.</summary>
public readonly record struct PillarScore(string PillarId, double? Score);

/// <summary>
/// One practice's score (weighted mean of its applicable answered indicators) and the maturity level it reached:
/// the whole level its weighted mean level reaches, e.g. a mean of 2.7 reaches level 2.
/// </summary>
public readonly record struct PracticeScore(string PracticeId, double? Score, int? MaturityLevel);

/// <summary>One indicator's answer and score (level / top level × 100; Don't know scores 0; Not applicable and unanswered have none).</summary>
public readonly record struct IndicatorScore(string IndicatorId, AnswerKind Kind, int? Level, double? Score);

/// <summary>How much of the rubric was answered. Answered counts levels, Not applicable and Don't know alike.</summary>
public readonly record struct Completeness(int Answered, int Total, int NotApplicable, int DontKnow)
{
    /// <summary>Answered / total, 0–1.</summary>
    public double Ratio => Total == 0 ? 0 : (double)Answered / Total;
}

/// <summary>
/// A next step: an indicator below the top level (or answered Don't know), the step to take (<see cref="NextStepWording"/>:
/// reach the level above, or find out which level applies), and how much reaching that level would raise the overall
/// index (in index points, 0–100 scale).
/// </summary>
public readonly record struct GapItem(
    string IndicatorId,
    string PracticeId,
    int CurrentLevel,
    int NextLevel,
    LocalizedText NextStep,
    double OverallGain);

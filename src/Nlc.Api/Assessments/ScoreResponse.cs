using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Api.Assessments;

/// <summary>The engine's full result for an assessment, unrounded, with names and next steps in the requested language.</summary>
public sealed record ScoreResponse(
    string AssessmentId,
    string RubricId,
    string RubricVersion,
    string RubricContentHash,
    string Language,
    double? Overall,
    CompletenessResponse Completeness,
    IReadOnlyList<PillarScoreResponse> Pillars,
    IReadOnlyList<PracticeScoreResponse> Practices,
    IReadOnlyList<IndicatorScoreResponse> Indicators,
    IReadOnlyList<GapResponse> Gaps)
{
    /// <summary>Shows <paramref name="result"/> of assessment <paramref name="assessmentId"/> in <paramref name="locale"/>.</summary>
    public static ScoreResponse From(string assessmentId, Rubric rubric, ScoreResult result, string locale)
    {
        string LevelName(int level) => rubric.Scale.Levels[level].Name.Get(locale);
        return new ScoreResponse(
            assessmentId,
            result.RubricId,
            result.RubricVersion.ToString(),
            result.RubricContentHash,
            locale,
            result.Overall,
            new CompletenessResponse(result.Completeness.Answered, result.Completeness.Total, result.Completeness.NotApplicable, result.Completeness.DontKnow, result.Completeness.Ratio),
            result.Pillars.Select((p, i) => new PillarScoreResponse(p.PillarId, rubric.Pillars[i].Title.Get(locale), p.Score)).ToArray(),
            result.Practices.Select((p, i) => new PracticeScoreResponse(
                p.PracticeId, rubric.Practices[i].Title.Get(locale), p.Score, p.MaturityLevel, p.MaturityLevel is { } level ? LevelName(level) : null)).ToArray(),
            result.Indicators.Select(i => new IndicatorScoreResponse(i.IndicatorId, i.Kind, i.Level, i.Score)).ToArray(),
            result.Gaps.Select(g => new GapResponse(
                g.IndicatorId, g.PracticeId, g.CurrentLevel, g.NextLevel, LevelName(g.NextLevel), g.NextStep.Get(locale), g.OverallGain)).ToArray());
    }
}

/// <summary>How much was answered.</summary>
public sealed record CompletenessResponse(int Answered, int Total, int NotApplicable, int DontKnow, double Ratio);

/// <summary>A pillar's score (null when nothing applicable was answered).</summary>
public sealed record PillarScoreResponse(string PillarId, string Title, double? Score);

/// <summary>A practice's score and the maturity level it reached.</summary>
public sealed record PracticeScoreResponse(string PracticeId, string Title, double? Score, int? MaturityLevel, string? MaturityName);

/// <summary>An indicator's answer kind, level and score.</summary>
public sealed record IndicatorScoreResponse(string IndicatorId, AnswerKind Answer, int? Level, double? Score);

/// <summary>A next step: the next level's descriptor and how much reaching it raises the overall index.</summary>
public sealed record GapResponse(
    string IndicatorId, string PracticeId, int CurrentLevel, int NextLevel, string NextLevelName, string NextStep, double OverallGain);

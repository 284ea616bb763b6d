using Nlc.Core.Assessments;
using Nlc.Core.Scoring;
using Nlc.Storage;

namespace Nlc.Api.Progress;

/// <summary>An assessment with the engine of its rubric version and its scores.</summary>
public sealed record ScoredAssessment(Assessment Assessment, ScoringEngine Engine, ScoreResult Result);

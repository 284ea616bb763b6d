using Nlc.Core.Assessments;
using Nlc.Core.Progress;
using Nlc.Storage;

namespace Nlc.Api.Progress;

// Named ProgressPoint in the OpenAPI document (OpenApiSetup), as clients know it.

/// <summary>One assessment in a city's series: its period, status, rubric version and scores.</summary>
public sealed record ProgressSeriesEntry(
    string Period, string AssessmentId, AssessmentStatus Status, string RubricVersion, double? Overall,
    IReadOnlyDictionary<string, double?> Pillars, IReadOnlyDictionary<string, double?> Practices);

/// <summary>
/// A city's assessments of one rubric over time, the change between two of them (<c>from</c> and <c>to</c>,
/// first and last by default), and progress toward its targets when it has any.
/// </summary>
public sealed record ProgressResponse(
    string CityId, string RubricId, IReadOnlyList<ProgressSeriesEntry> Series, string? From, string? To, PeriodComparison? Change, TargetProgressResponse? Targets);

/// <summary>Progress toward the targets from <c>baselinePeriod</c> to <c>currentPeriod</c>.</summary>
public sealed record TargetProgressResponse(string BaselinePeriod, string CurrentPeriod, string? TargetPeriod, TargetProgress Progress);

/// <summary>A city's targets for a rubric: a level per indicator and the period to reach them by.</summary>
public sealed record TargetsResponse(string CityId, string RubricId, string? TargetPeriod, IReadOnlyDictionary<string, int> Indicators);

/// <summary>New targets, replacing the old: levels per indicator and/or per practice (a practice's level applies to each of its indicators not given on its own).</summary>
public sealed record SetTargetsRequest(
    string? RubricId, string? TargetPeriod, IReadOnlyDictionary<string, int>? Indicators = null, IReadOnlyDictionary<string, int>? Practices = null);

/// <summary>One step of a city's plan: the indicator, the level above its current one, what that level looks like, and the expected gain.</summary>
public sealed record NextStep(
    int Priority, string PracticeId, string PracticeTitle, string IndicatorId, string Question, int CurrentLevel, int NextLevel,
    string NextLevelName, string NextStepDescription, double ExpectedOverallGain);

/// <summary>A short prioritised plan from the gap list of a city's latest assessment.</summary>
public sealed record NextStepsResponse(string CityId, string AssessmentId, string Period, string Language, IReadOnlyList<NextStep> Steps);

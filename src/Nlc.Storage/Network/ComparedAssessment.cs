using Nlc.Core.Assessments;
using Nlc.Core.Benchmarking;
using Nlc.Core.Scoring;

namespace Nlc.Storage.Network;

/// <summary>
/// One city's validated assessment in a comparison of cities: the city as peer groups see it, the assessment and its score,
/// and the city's latest validated assessment of the same rubric before that period with its score (null when none).
/// </summary>
public sealed record ComparedAssessment(PeerCity Member, Assessment Assessment, ScoreResult Score, Assessment? Previous, ScoreResult? PreviousScore);

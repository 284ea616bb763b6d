using Nlc.Core.Assessments;
using Nlc.Core.Periods;

namespace Nlc.Storage;

/// <summary>Filters for listing a city's assessments.</summary>
public sealed record AssessmentFilter(Period? Period = null, AssessmentStatus? Status = null);

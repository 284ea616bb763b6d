using Nlc.Core.Assessments;
using Nlc.Core.Periods;

namespace Nlc.Storage;

/// <summary>
/// Filters for the network-wide list of assessments. <see cref="OnlyCityIds"/> limits it to the cities a caller may see;
/// <see cref="Status"/> is also how partners are held to validated assessments.
/// </summary>
public sealed record NetworkAssessmentFilter(
    AssessmentStatus? Status = null,
    Period? Period = null,
    string? RubricId = null,
    string? Country = null,
    string? Region = null,
    string? Tag = null,
    DateTimeOffset? UpdatedSince = null,
    IReadOnlyList<string>? OnlyCityIds = null);

/// <summary>
/// An assessment in the network-wide list with its place in the change sequence. <see cref="Withdrawn"/>: it changed
/// since the caller's cursor and no longer matches the status asked for (a reopened validation), so a mirror drops it.
/// </summary>
public sealed record AssessmentChange(Assessment Assessment, long ChangeSequence, bool Withdrawn);

/// <summary>One page of changes and the cursor to resume after it: everything up to it has been listed.</summary>
public sealed record AssessmentChangePage(IReadOnlyList<AssessmentChange> Items, long Cursor, bool HasMore);

/// <summary>A validated assessment with its city's name, country and region, as an export lists it.</summary>
public sealed record ExportedAssessment(Assessment Assessment, string CityName, string Country, string? Region);

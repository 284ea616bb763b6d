using Nlc.Storage;

namespace Nlc.Web.Hub;

/// <summary>
/// What the network overview shows: one page of cities, the counts per period of the cities filtered, and the values the
/// filters offer (drawn from the whole network).
/// </summary>
public sealed record NetworkView(
    Page<NetworkRow> Cities,
    IReadOnlyList<PeriodCounts> Counts,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Periods,
    IReadOnlyList<string> RubricVersions);

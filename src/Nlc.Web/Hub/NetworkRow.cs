using Nlc.Storage.Network;

namespace Nlc.Web.Hub;

/// <summary>
/// One city in the network overview: its latest assessment (null when it has none matching the filters) with the share of
/// indicators answered (0–1), and its latest validated overall index (0–100), that index's period and the change since
/// the city's previous validated period.
/// </summary>
public sealed record NetworkRow(NetworkCity City, NetworkAssessment? Latest, double? Completeness, double? Index, string? IndexPeriod, double? Change);

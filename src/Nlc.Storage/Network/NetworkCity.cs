using Nlc.Core.Cities;

namespace Nlc.Storage.Network;

/// <summary>One city of the network with every one of its assessments (in no particular order).</summary>
public sealed record NetworkCity(
    string Id, string Name, string Country, string? Region, long? Population, IReadOnlyList<string> Tags, IReadOnlyList<NetworkAssessment> Assessments);

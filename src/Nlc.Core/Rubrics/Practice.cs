namespace Nlc.Core.Rubrics;

/// <summary>A good practice (GP01…GP13), linked with weights to one or more pillars and measured by its indicators.</summary>
public sealed record Practice(
    string Id,
    LocalizedText Title,
    LocalizedText Summary,
    IReadOnlyList<PillarLink> Pillars,
    IReadOnlyList<Indicator> Indicators);

/// <summary>A weighted link from a practice to a pillar.</summary>
public sealed record PillarLink(string PillarId, double Weight);

namespace Nlc.Core.Rubrics;

/// <summary>One of the toolkit's pillars (Communication, Inclusivity, ...); its score is a weighted mean of the practices linked to it.</summary>
public sealed record Pillar(string Id, LocalizedText Title, LocalizedText Summary);

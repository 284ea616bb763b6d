namespace Nlc.Core.Rubrics;

/// <summary>A question answered on the level scale, with a descriptor of what is observable at each level.</summary>
public sealed record Indicator(
    string Id,
    string PracticeId,
    double Weight,
    LocalizedText Question,
    LocalizedText Guidance,
    IReadOnlyList<LocalizedText> Evidence,
    IReadOnlyList<LevelDescriptor> Levels)
{
    /// <summary>The descriptor of <paramref name="level"/>; levels are stored in order, so this is an index.</summary>
    public LocalizedText Descriptor(int level) => Levels[level].Descriptor;
}

/// <summary>What is observable for one indicator at one level.</summary>
public sealed record LevelDescriptor(int Level, LocalizedText Descriptor);

namespace Nlc.Core.Rubrics;

/// <summary>The maturity levels every indicator is answered on (0 to <see cref="MaxLevel"/>), plus the two answers that are not levels.</summary>
public sealed record LevelScale(IReadOnlyList<LevelDefinition> Levels, AnswerOption NotApplicable, AnswerOption DontKnow)
{
    /// <summary>The top level; an indicator's score is its level divided by this.</summary>
    public int MaxLevel => Levels.Count - 1;
}

/// <summary>One level of the scale, e.g. 3 "Established".</summary>
public sealed record LevelDefinition(int Level, LocalizedText Name, LocalizedText Description);

/// <summary>An answer that is not a level: Not applicable or Don't know.</summary>
public sealed record AnswerOption(LocalizedText Name, LocalizedText Description);

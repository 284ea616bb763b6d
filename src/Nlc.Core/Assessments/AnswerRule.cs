namespace Nlc.Core.Assessments;

/// <summary>Which answer rule an answer breaks (see <see cref="AnswerRules"/>).</summary>
public enum AnswerRule
{
    /// <summary>A level answer has no level.</summary>
    LevelRequired,

    /// <summary>The level is not on the rubric's scale.</summary>
    LevelOffScale,

    /// <summary>A Not applicable or Don't know answer also has a level.</summary>
    LevelNotAllowed,

    /// <summary>A Not applicable answer has no reason.</summary>
    ReasonRequired,

    /// <summary>A reason is given with an answer that is not Not applicable.</summary>
    ReasonNotAllowed,

    /// <summary>The reason or the note is longer than <see cref="AnswerRules.MaxTextLength"/>.</summary>
    TextTooLong,

    /// <summary>More than <see cref="AnswerRules.MaxEvidence"/> evidence entries.</summary>
    TooManyEvidence,

    /// <summary>An evidence entry is blank or longer than <see cref="AnswerRules.MaxEvidenceLength"/>.</summary>
    EvidenceEntryLength,
}

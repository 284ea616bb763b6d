namespace Nlc.Core.Assessments;

/// <summary>
/// One rule an answer breaks: the indicator it was given for, the part that is wrong (with the evidence entry's index when
/// one entry is), the rule, and a message in plain words that a door may use or word in its own terms.
/// </summary>
public sealed record AnswerViolation(string IndicatorId, AnswerPart Part, AnswerRule Rule, string Message, int? EvidenceIndex = null);

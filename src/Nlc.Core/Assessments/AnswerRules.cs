using System.Globalization;
using Nlc.Core.Scoring;

namespace Nlc.Core.Assessments;

/// <summary>
/// What makes one answer well formed, whichever door it comes through: a level answer has a level on the scale and no
/// reason; Not applicable has a reason and no level; Don't know has neither; the reason and the note have at most
/// <see cref="MaxTextLength"/> characters; at most <see cref="MaxEvidence"/> evidence entries of 1 to
/// <see cref="MaxEvidenceLength"/> characters. Whether the indicator exists and is answered once is the rubric's
/// business (<see cref="ScoringEngine.Validate"/>).
/// </summary>
public static class AnswerRules
{
    /// <summary>The longest note or reason.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The most evidence entries per answer.</summary>
    public const int MaxEvidence = 20;

    /// <summary>The longest evidence entry.</summary>
    public const int MaxEvidenceLength = 2000;

    /// <summary>Every rule <paramref name="input"/> breaks on a scale from 0 to <paramref name="maxLevel"/>; empty when it is well formed.</summary>
    public static IReadOnlyList<AnswerViolation> Check(AnswerInput input, int maxLevel)
    {
        ArgumentNullException.ThrowIfNull(input);
        var violations = new List<AnswerViolation>();
        if (ShapeViolation(input.Answer, maxLevel) is { } shape)
        {
            violations.Add(shape);
        }

        var answer = input.Answer;
        var id = answer.IndicatorId ?? "";
        if (answer.Reason is { Length: > MaxTextLength })
        {
            violations.Add(new AnswerViolation(id, AnswerPart.Reason, AnswerRule.TextTooLong, $"the reason may have at most {MaxTextLength} characters"));
        }

        if (answer.Note is { Length: > MaxTextLength })
        {
            violations.Add(new AnswerViolation(id, AnswerPart.Note, AnswerRule.TextTooLong, $"the note may have at most {MaxTextLength} characters"));
        }

        if (input.Evidence.Count > MaxEvidence)
        {
            violations.Add(new AnswerViolation(id, AnswerPart.Evidence, AnswerRule.TooManyEvidence, $"at most {MaxEvidence} evidence entries"));
        }

        for (var e = 0; e < input.Evidence.Count; e++)
        {
            if (string.IsNullOrWhiteSpace(input.Evidence[e]) || input.Evidence[e].Length > MaxEvidenceLength)
            {
                violations.Add(new AnswerViolation(
                    id, AnswerPart.Evidence, AnswerRule.EvidenceEntryLength, $"an evidence entry must have 1 to {MaxEvidenceLength} characters", e));
            }
        }

        return violations;
    }

    /// <summary>The first rule of kind, level and reason that <paramref name="answer"/> breaks on a scale from 0 to <paramref name="maxLevel"/>, or null.</summary>
    public static AnswerViolation? ShapeViolation(Answer answer, int maxLevel)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var (part, rule, message) = answer.Kind switch
        {
            AnswerKind.Level when answer.Level is null => (AnswerPart.Level, AnswerRule.LevelRequired, $"a level answer needs a level from 0 to {maxLevel}"),
            AnswerKind.Level when answer.Level < 0 || answer.Level > maxLevel => (AnswerPart.Level, AnswerRule.LevelOffScale,
                $"level {answer.Level.Value.ToString(CultureInfo.InvariantCulture)} is out of range; expected 0 to {maxLevel}"),
            AnswerKind.Level when answer.Reason is not null => (AnswerPart.Reason, AnswerRule.ReasonNotAllowed, "a reason is given only with a Not applicable answer"),
            AnswerKind.Level => default,
            AnswerKind.NotApplicable when answer.Level is not null => (AnswerPart.Level, AnswerRule.LevelNotAllowed, "a Not applicable answer cannot also have a level"),
            AnswerKind.NotApplicable when string.IsNullOrWhiteSpace(answer.Reason) => (AnswerPart.Reason, AnswerRule.ReasonRequired, "a Not applicable answer needs a reason"),
            AnswerKind.NotApplicable => default,
            AnswerKind.DontKnow when answer.Level is not null => (AnswerPart.Level, AnswerRule.LevelNotAllowed, "a Don't know answer cannot also have a level"),
            AnswerKind.DontKnow when answer.Reason is not null => (AnswerPart.Reason, AnswerRule.ReasonNotAllowed, "a reason is given only with a Not applicable answer"),
            AnswerKind.DontKnow => default,
            _ => (AnswerPart.Level, AnswerRule.LevelRequired, $"'{answer.Kind}' is not an answer; expected a level, Not applicable or Don't know"),
        };
        return message is null ? null : new AnswerViolation(answer.IndicatorId ?? "", part, rule, message);
    }
}

using System.Globalization;
using Nlc.Api.Http;
using Nlc.Core.Assessments;
using Nlc.Core.Scoring;
using Nlc.Storage;

namespace Nlc.Api.Assessments;

/// <summary>
/// Turns answer requests into answers, reporting every problem by its place in the request and its indicator. What makes
/// an answer well formed is <see cref="AnswerRules"/>'s; this reads the JSON shape and names the fields.
/// </summary>
public static class AnswerValidation
{
    /// <summary>The most answers in one batch.</summary>
    public const int MaxAnswersPerBatch = 500;

    /// <summary>The answers, or every problem found; <paramref name="fieldOf"/> names the request field of the i-th answer.</summary>
    public static (IReadOnlyList<AnswerInput> Answers, List<ProblemError> Errors) Read(
        IReadOnlyList<AnswerRequest> requests, ScoringEngine engine, Func<int, string> fieldOf)
    {
        var errors = new List<ProblemError>();
        var inputs = new List<AnswerInput>();
        var positions = new List<int>();
        for (var i = 0; i < requests.Count; i++)
        {
            var field = fieldOf(i);
            var (input, problems) = ReadOne(requests[i], field, engine.Rubric.Scale.MaxLevel);
            errors.AddRange(problems);
            if (input is not null)
            {
                inputs.Add(input);
                positions.Add(i);
            }
        }

        foreach (var problem in engine.Validate(inputs.Select(a => a.Answer).ToArray()))
        {
            // The shapes were checked above, so what the engine finds is an indicator it does not know or one answered twice.
            var code = engine.Rubric.Indicators.Any(i => i.Id == problem.IndicatorId) ? ProblemCodes.Duplicate : ProblemCodes.Unknown;
            var text = code == ProblemCodes.Duplicate
                ? ApiMessage.Of("AnswerDuplicate")
                : ApiMessage.Of("AnswerIndicatorUnknown", problem.IndicatorId, engine.Rubric.Key);
            errors.Add(new ProblemError(fieldOf(positions[problem.Position]), code, text, problem.IndicatorId));
        }

        return (inputs, errors.OrderBy(e => FieldOrder(e.Field)).ToList());
    }

    private static int FieldOrder(string field)
    {
        var open = field.IndexOf('[');
        var close = field.IndexOf(']');
        return open >= 0 && close > open && int.TryParse(field[(open + 1)..close], out var index) ? index : -1;
    }

    private static (AnswerInput? Input, List<ProblemError> Errors) ReadOne(AnswerRequest request, string field, int maxLevel)
    {
        var errors = new List<ProblemError>();
        var id = request.IndicatorId;
        void Add(string subfield, string code, ApiMessage message) => errors.Add(new ProblemError(Join(field, subfield), code, message, id));

        if (string.IsNullOrWhiteSpace(id))
        {
            Add("indicatorId", ProblemCodes.Required, ApiMessage.Of("AnswerIndicatorRequired", "indicatorId"));
        }

        var given = (request.Level is not null ? 1 : 0) + (request.NotApplicable == true ? 1 : 0) + (request.DontKnow == true ? 1 : 0);
        if (given != 1)
        {
            Add("", given == 0 ? ProblemCodes.Required : ProblemCodes.NotAllowed, ApiMessage.Of("AnswerKindRequired", "level (0-4)", "notApplicable: true", "reason", "dontKnow: true"));
        }

        var evidence = request.Evidence ?? [];
        var kind = request.Level is not null ? AnswerKind.Level : request.NotApplicable == true ? AnswerKind.NotApplicable : AnswerKind.DontKnow;
        var candidate = new AnswerInput(new Answer(id ?? "", kind, request.Level, request.Reason, request.Note), evidence);
        foreach (var violation in AnswerRules.Check(candidate, maxLevel))
        {
            // With no single kind chosen, only the rules that do not depend on the kind are worth reporting.
            if (given == 1 || violation.Rule is AnswerRule.TextTooLong or AnswerRule.TooManyEvidence or AnswerRule.EvidenceEntryLength)
            {
                Add(FieldOf(violation), CodeOf(violation.Rule), TextOf(violation, candidate.Answer, maxLevel));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var trimmed = candidate with { Evidence = evidence.Select(e => e.Trim()).ToArray() };
        return (trimmed, errors);
    }

    /// <summary>The message of a broken rule, in the API's words (the request's field names, e.g. notApplicable).</summary>
    private static ApiMessage TextOf(AnswerViolation violation, Answer answer, int maxLevel) => (violation.Rule, violation.Part) switch
    {
        (AnswerRule.LevelRequired, _) => ApiMessage.Of("AnswerLevelRequired", maxLevel),
        (AnswerRule.LevelOffScale, _) => ApiMessage.Of("AnswerLevelOffScale", answer.Level, maxLevel),
        (AnswerRule.LevelNotAllowed, _) when answer.Kind == AnswerKind.NotApplicable => ApiMessage.Of("AnswerLevelNotAllowedNotApplicable"),
        (AnswerRule.LevelNotAllowed, _) => ApiMessage.Of("AnswerLevelNotAllowedDontKnow"),
        (AnswerRule.ReasonRequired, _) => ApiMessage.Of("AnswerReasonRequired"),
        (AnswerRule.ReasonNotAllowed, _) => ApiMessage.Of("AnswerReasonNotAllowed", "reason", "notApplicable: true"),
        (AnswerRule.TextTooLong, AnswerPart.Reason) => ApiMessage.Of("AnswerReasonTooLong", AnswerRules.MaxTextLength),
        (AnswerRule.TextTooLong, _) => ApiMessage.Of("AnswerNoteTooLong", AnswerRules.MaxTextLength),
        (AnswerRule.TooManyEvidence, _) => ApiMessage.Of("AnswerTooManyEvidence", AnswerRules.MaxEvidence),
        (AnswerRule.EvidenceEntryLength, _) => ApiMessage.Of("AnswerEvidenceLength", AnswerRules.MaxEvidenceLength),
        _ => ApiMessage.Untranslated(violation.Message),
    };

    /// <summary>The request field of a broken rule; the level and a missing reason are about the answer as a whole.</summary>
    private static string FieldOf(AnswerViolation violation) => (violation.Part, violation.Rule) switch
    {
        (AnswerPart.Reason, AnswerRule.ReasonNotAllowed) => "reason",
        (AnswerPart.Reason, AnswerRule.TextTooLong) => "reason",
        (AnswerPart.Note, _) => "note",
        (AnswerPart.Evidence, _) when violation.EvidenceIndex is { } index => $"evidence[{index.ToString(CultureInfo.InvariantCulture)}]",
        (AnswerPart.Evidence, _) => "evidence",
        _ => "",
    };

    private static string CodeOf(AnswerRule rule) => rule switch
    {
        AnswerRule.LevelRequired or AnswerRule.ReasonRequired => ProblemCodes.Required,
        AnswerRule.LevelOffScale => ProblemCodes.OutOfRange,
        AnswerRule.LevelNotAllowed or AnswerRule.ReasonNotAllowed => ProblemCodes.NotAllowed,
        _ => ProblemCodes.Length,
    };

    private static string Join(string field, string subfield) =>
        subfield.Length == 0 ? (field.Length == 0 ? "$" : field) : field.Length == 0 ? subfield : $"{field}.{subfield}";
}

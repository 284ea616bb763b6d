using System.Text.RegularExpressions;
using Nlc.Api.Infrastructure;
using Nlc.Core.Scoring;
using Nlc.Core.Storage;

namespace Nlc.Api.Assessments;

/// <summary>Turns answer requests into answers, reporting every problem by its place in the request and its indicator.</summary>
public static partial class AnswerValidation
{
    /// <summary>The most answers in one batch.</summary>
    public const int MaxAnswersPerBatch = 500;

    /// <summary>The longest note or reason.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The most evidence entries per answer, and the longest one.</summary>
    public const int MaxEvidence = 20;

    /// <summary>The longest evidence entry.</summary>
    public const int MaxEvidenceLength = 2000;

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
            var (input, problems) = ReadOne(requests[i], field);
            errors.AddRange(problems);
            if (input is not null)
            {
                inputs.Add(input);
                positions.Add(i);
            }
        }

        foreach (var problem in engine.Validate(inputs.Select(a => a.Answer).ToArray()))
        {
            errors.Add(new ProblemError(fieldOf(positions[problem.Position]), problem.Message, problem.IndicatorId));
        }

        return (inputs, errors.OrderBy(e => FieldOrder(e.Field)).ToList());
    }

    private static int FieldOrder(string field)
    {
        var open = field.IndexOf('[');
        var close = field.IndexOf(']');
        return open >= 0 && close > open && int.TryParse(field[(open + 1)..close], out var index) ? index : -1;
    }

    /// <summary>Checks a period label: a year, optionally with a half, quarter or month ("2025", "2025-H1", "2025-Q3", "2025-06").</summary>
    public static bool IsPeriod(string? period) => period is not null && Period().IsMatch(period);

    private static (AnswerInput? Input, List<ProblemError> Errors) ReadOne(AnswerRequest request, string field)
    {
        var errors = new List<ProblemError>();
        var id = request.IndicatorId;
        void Add(string subfield, string message) => errors.Add(new ProblemError(Join(field, subfield), message, id));

        if (string.IsNullOrWhiteSpace(id))
        {
            Add("indicatorId", "an indicatorId is required");
        }

        var given = (request.Level is not null ? 1 : 0) + (request.NotApplicable == true ? 1 : 0) + (request.DontKnow == true ? 1 : 0);
        if (given != 1)
        {
            Add("", "give exactly one of: level (0-4), notApplicable: true with a reason, or dontKnow: true");
        }

        if (request.Reason is not null && request.NotApplicable != true)
        {
            Add("reason", "a reason is given only with notApplicable: true");
        }

        if (request.Reason is { Length: > MaxTextLength })
        {
            Add("reason", $"the reason may have at most {MaxTextLength} characters");
        }

        if (request.Note is { Length: > MaxTextLength })
        {
            Add("note", $"the note may have at most {MaxTextLength} characters");
        }

        var evidence = request.Evidence ?? [];
        if (evidence.Count > MaxEvidence)
        {
            Add("evidence", $"at most {MaxEvidence} evidence entries");
        }

        for (var e = 0; e < evidence.Count; e++)
        {
            if (string.IsNullOrWhiteSpace(evidence[e]) || evidence[e].Length > MaxEvidenceLength)
            {
                Add($"evidence[{e}]", $"an evidence entry must have 1 to {MaxEvidenceLength} characters");
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var answer = request.Level is { } level ? Answer.AtLevel(id!, level, request.Note)
            : request.NotApplicable == true ? Answer.NotApplicable(id!, request.Reason ?? "", request.Note)
            : Answer.DontKnow(id!, request.Note);
        return (new AnswerInput(answer, evidence.Select(e => e.Trim()).ToArray()), errors);
    }

    private static string Join(string field, string subfield) =>
        subfield.Length == 0 ? (field.Length == 0 ? "$" : field) : field.Length == 0 ? subfield : $"{field}.{subfield}";

    [GeneratedRegex(@"^[0-9]{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$")]
    private static partial Regex Period();
}

using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Core.ActionPlans;

namespace Nlc.Api.Http;

/// <summary>The answer to action-plan and case-note input problems: 422 with one error per problem, coded by its kind.</summary>
internal static class ActionProblems
{
    /// <summary>422 listing <paramref name="problems"/>, or null when there are none.</summary>
    public static ProblemHttpResult? Invalid(IReadOnlyList<ActionProblem> problems) =>
        problems.Count == 0 ? null : ProblemResponses.Invalid(problems.Select(p => new ProblemError(p.Field, CodeOf(p.Kind), p.Message)).ToArray());

    /// <summary>The API's code for a problem of <paramref name="kind"/>.</summary>
    public static string CodeOf(ActionProblemKind kind) => kind switch
    {
        ActionProblemKind.Required => ProblemCodes.Required,
        ActionProblemKind.TooLong or ActionProblemKind.TooMany => ProblemCodes.Length,
        ActionProblemKind.Unknown => ProblemCodes.Unknown,
        ActionProblemKind.OutOfRange => ProblemCodes.OutOfRange,
        ActionProblemKind.Duplicate => ProblemCodes.Duplicate,
        ActionProblemKind.Conflict => ProblemCodes.Conflict,
        _ => ProblemCodes.NotAllowed,
    };
}

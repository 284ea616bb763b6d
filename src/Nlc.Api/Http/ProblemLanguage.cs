using Microsoft.AspNetCore.Mvc;
using Nlc.Core.Languages;

namespace Nlc.Api.Http;

/// <summary>
/// Writes every problem in the requested language (<see cref="RequestLanguage.Resolve"/>: <c>?lang=</c>, else
/// <c>Accept-Language</c>): the <c>detail</c> and each error's <c>message</c>, where all of them are translated; otherwise the
/// whole problem stays English. <c>Content-Language</c> says which. The <c>title</c> stays English and <c>code</c> names the kind.
/// </summary>
public static class ProblemLanguage
{
    /// <summary>Adds the problem's <c>code</c>, translates it if it can, and sets <c>Content-Language</c>.</summary>
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.TryAdd("code", ProblemKinds.Of(problem.Status));
        var request = context.HttpContext.Request;
        var language = RequestLanguage.Resolve(request, request.Query["lang"]);
        var served = language != SupportedLanguages.English && TryTranslate(problem, language) ? language : SupportedLanguages.English;
        RequestLanguage.SetContentLanguage(context.HttpContext.Response, served);
    }

    /// <summary>Translates the detail and every error message of <paramref name="problem"/>, or nothing if any of them has no translation.</summary>
    private static bool TryTranslate(ProblemDetails problem, string language)
    {
        if (problem is not TranslatableProblemDetails { DetailText: { IsTranslatable: true } detail })
        {
            return false;
        }

        var errors = problem.Extensions.TryGetValue("errors", out var value) ? value as IReadOnlyList<ProblemError> : null;
        if (errors is not null && !errors.All(e => e.Text is { IsTranslatable: true }))
        {
            return false;
        }

        problem.Detail = detail.In(language);
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors.Select(e => e with { Message = e.Text!.In(language) }).ToArray();
        }

        return true;
    }
}

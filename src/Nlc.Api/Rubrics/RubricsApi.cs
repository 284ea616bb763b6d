using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nlc.Api.Http;
using Nlc.Core.Rubrics;

namespace Nlc.Api.Rubrics;

/// <summary>Read-only access to the loaded rubrics, in the caller's language.</summary>
public static class RubricsApi
{
    /// <summary>Maps <c>/api/v1/rubrics</c>.</summary>
    public static RouteGroupBuilder MapRubricsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/rubrics").WithTags("Rubrics").Problems(ProblemMetadata.EveryKeyedRoute);

        group.MapGet("/", ListRubrics)
            .WithName("listRubrics")
            .WithSummary("List rubrics")
            .WithDescription("Every rubric with its published versions, newest last.");

        group.MapGet("/{rubricId}", GetLatestRubric)
            .WithName("getRubric")
            .WithSummary("Get the latest version of a rubric")
            .WithDescription("The whole rubric in the language asked for by `lang` (which wins) or `Accept-Language`, falling back to English text by text. "
                + "`Content-Language` and `language` say the language served (`en` for a language not served); `translation` says its revision and review status.")
            .Problems([StatusCodes.Status404NotFound]);

        group.MapGet("/{rubricId}/versions/{version}", GetRubricVersion)
            .WithName("getRubricVersion")
            .WithSummary("Get one version of a rubric")
            .WithDescription("The whole rubric version (MAJOR.MINOR.PATCH) in the language asked for, as `getRubric` serves it.")
            .Problems([StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound]);

        return group;
    }

    private static Ok<RubricListResponse> ListRubrics(RubricCatalog catalog, HttpContext context, [FromQuery] string? lang)
    {
        var locale = RequestLanguage.Resolve(context.Request, lang);
        var items = catalog.Latest
            .Select(latest => new RubricSummaryResponse(
                latest.Id,
                latest.Title.Get(locale),
                latest.Version.ToString(),
                catalog.Versions(latest.Id).Select(v => v.Version.ToString()).ToArray(),
                latest.Locales))
            .ToArray();
        return TypedResults.Ok(new RubricListResponse(items));
    }

    private static Results<Ok<RubricResponse>, ProblemHttpResult> GetLatestRubric(
        string rubricId, RubricCatalog catalog, HttpContext context, [FromQuery] string? lang)
    {
        var rubric = catalog.FindLatest(rubricId);
        return rubric is null ? UnknownRubric(rubricId) : Localized(rubric, context, lang);
    }

    private static Results<Ok<RubricResponse>, ProblemHttpResult> GetRubricVersion(
        string rubricId, string version, RubricCatalog catalog, HttpContext context, [FromQuery] string? lang)
    {
        if (!RubricVersion.TryParse(version, out var parsed))
        {
            return TypedResults.Problem(
                title: "Malformed version",
                detail: $"'{version}' is not a version of the form MAJOR.MINOR.PATCH, e.g. 1.0.0.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var rubric = catalog.Find(rubricId, parsed);
        if (rubric is null)
        {
            return catalog.FindLatest(rubricId) is null
                ? UnknownRubric(rubricId)
                : TypedResults.Problem(
                    title: "Unknown rubric version",
                    detail: $"Rubric '{rubricId}' has no version {version}; it has {string.Join(", ", catalog.Versions(rubricId).Select(r => r.Version))}.",
                    statusCode: StatusCodes.Status404NotFound);
        }

        return Localized(rubric, context, lang);
    }

    private static Ok<RubricResponse> Localized(Rubric rubric, HttpContext context, string? lang)
    {
        var locale = RequestLanguage.ServedLocale(rubric, RequestLanguage.Resolve(context.Request, lang));
        RequestLanguage.SetContentLanguage(context.Response, locale);
        return TypedResults.Ok(RubricResponse.From(rubric, locale));
    }

    private static ProblemHttpResult UnknownRubric(string rubricId) =>
        TypedResults.Problem(title: "Unknown rubric", detail: $"There is no rubric '{rubricId}'.", statusCode: StatusCodes.Status404NotFound);
}

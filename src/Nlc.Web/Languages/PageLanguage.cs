using Microsoft.AspNetCore.Http;
using Nlc.Core.Languages;
using Nlc.Core.Rubrics;

namespace Nlc.Web.Languages;

/// <summary>
/// The language of the pages for one request: the person's choice (a cookie, set by the language switch and at sign-in
/// from their account), else the first served language of the browser's Accept-Language, else English.
/// </summary>
public static class PageLanguage
{
    /// <summary>The cookie that remembers the chosen language in this browser.</summary>
    public const string CookieName = "nlc_language";

    /// <summary>Each served language by its own name, in <see cref="SupportedLanguages.All"/> order, as the switch lists them.</summary>
    // Not in the resources on purpose: a language is offered in its own name whatever the page's language is.
    public static IReadOnlyList<(string Language, string OwnName)> OwnNames { get; } =
    [
        (SupportedLanguages.English, "English"),
        ("sq", "Shqip"),
        ("mk", "Македонски"),
        (SupportedLanguages.SerbianLatin, "Srpski (latinica)"),
        (SupportedLanguages.SerbianCyrillic, "Српски (ћирилица)"),
        ("bs", "Bosanski"),
        ("hr", "Hrvatski"),
    ];

    /// <summary>The served language of <paramref name="request"/>: cookie, else Accept-Language (<see cref="SupportedLanguages.Negotiate"/>).</summary>
    public static string Of(HttpRequest request)
    {
        if (SupportedLanguages.Match(request.Cookies[CookieName]) is { } chosen)
        {
            return chosen;
        }

        var preferences = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Value.HasValue && (l.Quality ?? 1.0) > 0)
            .OrderByDescending(l => l.Quality ?? 1.0)
            .Select(l => l.Value.Value);
        return SupportedLanguages.Negotiate(preferences);
    }

    /// <summary>Remembers <paramref name="language"/> in this browser for a year.</summary>
    public static void Remember(HttpResponse response, string language) =>
        response.Cookies.Append(CookieName, language, new CookieOptions
        {
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
        });

    /// <summary>
    /// Whether the pages in <paramref name="language"/> are a draft translation: any language but English whose rubric
    /// translation (the one review status a language has) is not marked reviewed in every current rubric.
    /// </summary>
    public static bool IsDraft(RubricCatalog rubrics, string language) =>
        language != SupportedLanguages.English
        && !(rubrics.Latest.Count > 0 && rubrics.Latest.All(r => r.Translation(language)?.Review == ReviewStatus.Reviewed));
}

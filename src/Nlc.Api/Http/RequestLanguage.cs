using Microsoft.Net.Http.Headers;
using Nlc.Core.Languages;
using Nlc.Core.Rubrics;

namespace Nlc.Api.Http;

/// <summary>The language a response's texts are written in: <c>?lang=</c>, else the best <c>Accept-Language</c>, else English.</summary>
public static class RequestLanguage
{
    /// <summary>
    /// The served language asked for (<see cref="SupportedLanguages.Match"/>): by <c>?lang=</c> when given, which wins, else
    /// by the first served language of <c>Accept-Language</c> in order of preference; English when neither asks for one served.
    /// </summary>
    public static string Resolve(HttpRequest request, string? lang)
    {
        if (!string.IsNullOrWhiteSpace(lang))
        {
            return SupportedLanguages.Match(lang) ?? SupportedLanguages.English;
        }

        var preferences = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Value.HasValue && (l.Quality ?? 1.0) > 0)
            .OrderByDescending(l => l.Quality ?? 1.0)
            .Select(l => l.Value.Value);
        return SupportedLanguages.Negotiate(preferences);
    }

    /// <summary>The language actually used for <paramref name="rubric"/>: the requested one if the rubric is written or translated in it, else English.</summary>
    public static string ServedLocale(Rubric rubric, string requested) =>
        rubric.Locales.FirstOrDefault(l => string.Equals(l, requested, StringComparison.OrdinalIgnoreCase)) ?? LocalizedText.DefaultLocale;

    /// <summary>Marks the response with the language its texts are in.</summary>
    public static void SetContentLanguage(HttpResponse response, string locale) => response.Headers[HeaderNames.ContentLanguage] = locale;
}

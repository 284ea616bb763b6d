using Microsoft.Net.Http.Headers;
using Nlc.Core.Rubrics;

namespace Nlc.Api.Http;

/// <summary>The language a response's texts are written in: <c>?lang=</c>, else the best <c>Accept-Language</c>, else English.</summary>
public static class RequestLanguage
{
    /// <summary>The requested locale, or <see cref="LocalizedText.DefaultLocale"/> when none is asked for.</summary>
    public static string Resolve(HttpRequest request, string? lang)
    {
        if (!string.IsNullOrWhiteSpace(lang))
        {
            return lang.Trim();
        }

        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Value.HasValue && l.Value.Value != "*")
            .OrderByDescending(l => l.Quality ?? 1.0)
            .Select(l => l.Value.Value)
            .FirstOrDefault();
        return preferred ?? LocalizedText.DefaultLocale;
    }

    /// <summary>The locale actually used for <paramref name="rubric"/>: the requested one if written, else a parent, else English.</summary>
    public static string ServedLocale(Rubric rubric, string requested)
    {
        for (var candidate = requested; !string.IsNullOrEmpty(candidate);)
        {
            var match = rubric.Locales.FirstOrDefault(l => string.Equals(l, candidate, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }

            var cut = candidate.LastIndexOf('-');
            candidate = cut > 0 ? candidate[..cut] : null;
        }

        return LocalizedText.DefaultLocale;
    }

    /// <summary>Marks the response with the language its texts are in.</summary>
    public static void SetContentLanguage(HttpResponse response, string locale) => response.Headers[HeaderNames.ContentLanguage] = locale;
}

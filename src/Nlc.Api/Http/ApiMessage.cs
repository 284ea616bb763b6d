using System.Resources;
using Nlc.Core.Languages;

namespace Nlc.Api.Http;

/// <summary>
/// A text of the API for people (a problem's detail or an error's message), kept as its key in Resources/ApiText.resx and
/// its arguments until the response is written, so it can be written in the requested language. Arguments that are
/// messages themselves are written in the same language. A message without a key is English only. Code (field names,
/// header values, JSON words such as null) is always an argument, never part of a template, so neither a translation nor
/// the Serbian Cyrillic transliteration can change it.
/// </summary>
public sealed class ApiMessage
{
    /// <summary>The API's interface texts, in English and every translated language.</summary>
    public static readonly TextCatalog Catalog = new(new ResourceManager("Nlc.Api.Resources.ApiText", typeof(ApiMessage).Assembly));

    private readonly string? _key;
    private readonly object?[] _arguments;
    private readonly string? _english;

    private ApiMessage(string? key, object?[] arguments, string? english) => (_key, _arguments, _english) = (key, arguments, english);

    /// <summary>The text of <paramref name="key"/> in ApiText.resx with its placeholders filled by <paramref name="arguments"/>.</summary>
    public static ApiMessage Of(string key, params object?[] arguments) => new(key, arguments, null);

    /// <summary>A text that has no translation (e.g. written by a library): English whatever language is asked for.</summary>
    public static ApiMessage Untranslated(string english) => new(null, [], english);

    /// <summary>
    /// A text whose English is <paramref name="english"/> (more precise than the resources can say, e.g. the store's reason
    /// with version numbers) and whose translations are <paramref name="key"/>'s text.
    /// </summary>
    public static ApiMessage WithEnglish(string english, string key, params object?[] arguments) => new(key, arguments, english);

    /// <summary>Whether this text (and every message among its arguments) can be written in a translated language.</summary>
    public bool IsTranslatable => _key is not null && _arguments.OfType<ApiMessage>().All(m => m.IsTranslatable);

    /// <summary>The text in English.</summary>
    public string English => In(SupportedLanguages.English);

    /// <summary>The text in <paramref name="language"/> (a served language); English when it has no translation.</summary>
    public string In(string language)
    {
        if (_key is null || (_english is not null && language == SupportedLanguages.English))
        {
            return _english!;
        }

        var arguments = _arguments.Select(a => a is ApiMessage message ? message.In(language) : a).ToArray();
        return arguments.Length == 0 ? Catalog.Get(_key, language) : Catalog.Format(_key, language, arguments);
    }

    /// <inheritdoc />
    public override string ToString() => English;
}

using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using Nlc.Core.Languages;

namespace Nlc.Web.Languages;

/// <summary>
/// The pages' strings (Resources/SharedResource*.resx) in the current UI culture's language, through one
/// <see cref="TextCatalog"/>: Serbian Cyrillic is the Serbian Latin text transliterated, never a file of its own.
/// A key missing from the English file is reported as not found, with the key as its text, as ASP.NET Core's localizer does.
/// </summary>
internal sealed class SharedTextLocalizer : IStringLocalizer<SharedResource>
{
    /// <summary>The catalog of the pages' strings.</summary>
    public static readonly TextCatalog Catalog = new(new ResourceManager("Nlc.Web.Resources.SharedResource", typeof(SharedResource).Assembly));

    private static readonly HashSet<string> Keys = Catalog.EnglishKeys().ToHashSet(StringComparer.Ordinal);

    /// <summary>The served language of the current UI culture (English for one not served).</summary>
    public static string CurrentLanguage => SupportedLanguages.Match(CultureInfo.CurrentUICulture.Name) ?? SupportedLanguages.English;

    /// <inheritdoc />
    public LocalizedString this[string name] =>
        Keys.Contains(name) ? new LocalizedString(name, Catalog.Get(name, CurrentLanguage)) : new LocalizedString(name, name, resourceNotFound: true);

    /// <inheritdoc />
    public LocalizedString this[string name, params object[] arguments] =>
        Keys.Contains(name)
            ? new LocalizedString(name, Catalog.Format(name, CurrentLanguage, arguments))
            : new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, name, arguments), resourceNotFound: true);

    /// <inheritdoc />
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => Keys.Order(StringComparer.Ordinal).Select(key => this[key]);
}

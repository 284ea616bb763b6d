using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nlc.Core.PeerLearning;
using Nlc.Core.Rubrics;
using Nlc.Storage;
using Nlc.Web.Assessments;

namespace Nlc.Web.Pages.Hub;

/// <summary>
/// Suggested exchange pairs for the hub: two cities where each is strong on a practice the other is weak on, the pairs
/// where both gain most first (as <see cref="Nlc.Core.PeerLearning.ExchangePairs"/> orders them), filtered by country and
/// by a language both cities' people can exchange in.
/// </summary>
[Authorize(Roles = "admin,hub")]
public sealed class ExchangePairsModel(PeerLearningStore peers, RubricCatalog rubrics) : PageModel
{
    /// <summary>The country both cities are in (ISO code), or empty for any.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    /// <summary>A language both cities' people can exchange in, or empty for any.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    /// <summary>The pairs matching the filters, in the order to suggest them.</summary>
    public IReadOnlyList<ExchangePair> Pairs { get; private set; } = [];

    /// <summary>The countries of every city in any pair, for the filter.</summary>
    public IReadOnlyList<string> Countries { get; private set; } = [];

    /// <summary>The practices' titles in the page's language, by id.</summary>
    public IReadOnlyDictionary<string, string> PracticeTitles { get; private set; } = new Dictionary<string, string>();

    /// <summary>Reads the pairs.</summary>
    public async Task OnGetAsync()
    {
        var rubric = rubrics.FindLatest(Pages.CityModel.RubricId) ?? rubrics.Latest[0];
        var locale = AssessmentPage.Locale;
        PracticeTitles = rubric.Practices.ToDictionary(p => p.Id, p => p.Title.Get(locale), StringComparer.Ordinal);
        var all = await peers.ExchangePairsAsync(rubric.Id, rubric.Scale.MaxLevel, null, null, HttpContext.RequestAborted);
        Countries = all.SelectMany(p => new[] { p.First.Country, p.Second.Country }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim();
        var language = string.IsNullOrWhiteSpace(Language) ? null : Language.Trim();
        Pairs = ExchangePairs.Within(all, country, language);
    }
}

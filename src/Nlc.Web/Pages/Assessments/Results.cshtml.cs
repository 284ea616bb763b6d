using Microsoft.AspNetCore.Mvc;
using Nlc.Core.Assessments;
using Nlc.Core.PeerLearning;
using Nlc.Core.Periods;
using Nlc.Core.Progress;
using Nlc.Core.Scoring;
using Nlc.Storage;
using Nlc.Web.Assessments;

namespace Nlc.Web.Pages.Assessments;

/// <summary>
/// An assessment's results as the library scores them: the overall index with status and completeness, the pillars,
/// practices with maturity levels, next steps, the place among peers the disclosure rules allow, progress over the
/// periods the person may see, and progress toward the city's targets.
/// </summary>
public sealed class ResultsModel(ScoreCache scores, CityProgress progress, PeerPlaces peers, PeerLearningStore peerLearning, CityStore cities) : AssessmentPage
{
    /// <summary>How many next steps are shown.</summary>
    public const int NextStepCount = 5;

    /// <summary>The assessment's scores.</summary>
    public ScoreResult Score { get; private set; } = null!;

    /// <summary>The city's place among peers, or why it is not shown.</summary>
    public PeerPlace Peers { get; private set; } = null!;

    /// <summary>The city's assessments of this rubric the person may see, oldest period first, with their scores.</summary>
    public IReadOnlyList<(Assessment Assessment, ScoreResult Score)> Series { get; private set; } = [];

    /// <summary>Progress toward the city's targets, from the first period shown to this one; null when there are none (or the person may not see them).</summary>
    public TargetProgress? Targets { get; private set; }

    /// <summary>The period the city's targets are to be reached by.</summary>
    public string? TargetPeriod { get; private set; }

    /// <summary>
    /// For the city's weakest practices: published case notes of other cities and the cities that agreed to be contacted
    /// about the practice; null when this person does not see peer learning (partners).
    /// </summary>
    public IReadOnlyList<PracticeSuggestion>? Suggestions { get; private set; }

    /// <summary>The names of the cities whose published case notes are suggested, by id.</summary>
    public IReadOnlyDictionary<string, string> NoteCityNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>Whether this person may start actions in the city's plan from the next steps.</summary>
    public bool MayStartActions => Open.Rights.MayAnswer;

    /// <summary>Whether the page links to the city's action plan (a partner may read only a published one, so is not offered the link).</summary>
    public bool LinksToPlan => Open.Rights.Role != Nlc.Core.Access.ApiRole.Partner;

    /// <summary>Whether the page follows a successful submit.</summary>
    [FromQuery(Name = "submitted")]
    public bool JustSubmitted { get; set; }

    /// <summary>Shows the results.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await OpenAsync())
        {
            return NotFound();
        }

        var cancel = HttpContext.RequestAborted;
        Score = await scores.ScoreAsync(Open.Assessment, cancel);
        Peers = await peers.PlaceAsync(Open, Score, cancel);
        Series = (await progress.SeriesAsync(Open.Assessment.CityId, Open.Assessment.RubricId, Open.Rights, cancel))
            .Select(s => s.Assessment.Id == Open.Assessment.Id ? (s.Assessment, Score) : s)
            .ToArray();
        if (await progress.TargetsAsync(Series, Score, Open.Rights, cancel) is { } targets)
        {
            (Targets, TargetPeriod) = targets;
        }

        if (Open.Rights.SeesPeerLearning)
        {
            Suggestions = await peerLearning.SuggestionsAsync(Open.Assessment.CityId, Open.Assessment.RubricId, Score, Rubric.Scale.MaxLevel, cancellationToken: cancel);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var cityId in Suggestions.SelectMany(s => s.CaseNotes).Select(n => n.CityId).Distinct())
            {
                names[cityId] = (await cities.FindAsync(cityId, cancel))?.Name ?? cityId;
            }

            NoteCityNames = names;
        }

        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Nlc.Core.Assessments;
using Nlc.Core.Rubrics;
using Nlc.Storage;
using Nlc.Web.Assessments;

namespace Nlc.Web.Pages.Assessments;

/// <summary>An assessment's task list: completion by pillar and practice, a link to each practice, and what is left before submitting.</summary>
public sealed class OverviewModel(AssessmentStore assessments) : AssessmentPage
{
    /// <summary>The ids of the indicators answered so far.</summary>
    public IReadOnlySet<string> Answered { get; private set; } = new HashSet<string>();

    /// <summary>The indicators still to answer before the assessment can be submitted, in rubric order.</summary>
    public IReadOnlyList<Indicator> Unanswered { get; private set; } = [];

    /// <summary>Why the hub sent this draft back, when it did and it has not been submitted since; shown above the task list.</summary>
    public Reopening? Reopened { get; private set; }

    /// <summary>Shows the task list.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await OpenAsync())
        {
            return NotFound();
        }

        var answers = await assessments.AnswersAsync(AssessmentId, HttpContext.RequestAborted);
        Answered = answers.Select(a => a.Answer.IndicatorId).ToHashSet(StringComparer.Ordinal);
        var missing = AssessmentWorkflow.Unanswered(AssessmentAction.Submit, Rubric, Answered).ToHashSet(StringComparer.Ordinal);
        Unanswered = Rubric.Indicators.Where(i => missing.Contains(i.Id)).ToArray();
        if (Open.Assessment.Status == AssessmentStatus.Draft)
        {
            Reopened = await assessments.OpenReopeningAsync(AssessmentId, HttpContext.RequestAborted);
        }

        return Page();
    }

    /// <summary>How many of <paramref name="indicators"/> are answered.</summary>
    public int AnsweredOf(IEnumerable<Indicator> indicators) => indicators.Count(i => Answered.Contains(i.Id));

    /// <summary>The indicators of the practices linked to <paramref name="pillar"/>.</summary>
    public IEnumerable<Indicator> IndicatorsOf(Pillar pillar) =>
        Rubric.Practices.Where(p => p.Pillars.Any(l => l.PillarId == pillar.Id)).SelectMany(p => p.Indicators);
}

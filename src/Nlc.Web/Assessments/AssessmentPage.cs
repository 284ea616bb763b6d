using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Nlc.Core.Rubrics;
using Nlc.Web.Accounts;

namespace Nlc.Web.Assessments;

/// <summary>
/// What every page about one assessment shares: the assessment from the route, if the signed-in person may see it (else
/// a 404, as the API answers for another city's assessment), and the language rubric texts are shown in.
/// </summary>
[Authorize]
public abstract class AssessmentPage : PageModel
{
    /// <summary>The assessment id from the route.</summary>
    [FromRoute]
    public string AssessmentId { get; set; } = "";

    /// <summary>The assessment the page is about, once <see cref="OpenAsync"/> found it.</summary>
    public OpenAssessment Open { get; private set; } = null!;

    /// <summary>The rubric of the assessment's own version.</summary>
    public Rubric Rubric => Open.Engine.Rubric;

    /// <summary>What is wrong with what was posted, in page order; nothing was written when there is any.</summary>
    public IReadOnlyList<PageError> Errors { get; private set; } = [];

    /// <summary>Shows <paramref name="errors"/>: in the layout's error summary (through the model state, each linking to its field) and beside their fields.</summary>
    protected void ShowErrors(IEnumerable<PageError> errors)
    {
        Errors = errors.ToArray();
        foreach (var error in Errors)
        {
            ModelState.AddModelError(error.FieldId, error.Message);
        }
    }

    /// <summary>The locale rubric texts are shown in (the request's language; English where a text has no translation).</summary>
    public static string Locale => CultureInfo.CurrentUICulture.Name is { Length: > 0 } name ? name : LocalizedText.DefaultLocale;

    /// <summary>Finds the assessment; false when the person may not see it (the page then answers 404).</summary>
    protected async Task<bool> OpenAsync()
    {
        var finder = HttpContext.RequestServices.GetRequiredService<AssessmentFinder>();
        var found = await finder.FindAsync(AssessmentId, AccountPrincipal.Rights(User), HttpContext.RequestAborted);
        if (found is null)
        {
            return false;
        }

        Open = found;
        return true;
    }
}

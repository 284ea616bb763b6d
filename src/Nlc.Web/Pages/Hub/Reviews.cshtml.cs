using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nlc.Storage.Network;
using Nlc.Web.Hub;

namespace Nlc.Web.Pages.Hub;

/// <summary>The review queue: every submitted assessment waiting for validation, oldest submission first.</summary>
[Authorize(Roles = "admin,hub")]
public sealed class ReviewsModel(NetworkOverview overview) : PageModel
{
    /// <summary>The submitted assessments with their cities.</summary>
    public IReadOnlyList<(NetworkCity City, NetworkAssessment Assessment)> Waiting { get; private set; } = [];

    /// <summary>What was just done, after the redirect from a review.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Reads the queue.</summary>
    public async Task OnGetAsync() => Waiting = await overview.SubmittedAsync(HttpContext.RequestAborted);
}

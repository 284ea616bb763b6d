using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nlc.Web.Pages;

/// <summary>The page shown for an error status of a page (404, 403, ...), with the status kept.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>The status code shown.</summary>
    public int Status { get; private set; }

    /// <summary>Shows the page for <paramref name="status"/>.</summary>
    public void OnGet(int status) => Status = status;

    /// <summary>A re-executed POST that ended in an error shows the same page.</summary>
    public void OnPost(int status) => Status = status;
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Nlc.Web.Pages;

/// <summary>Signs out (a POST from the header's button); a GET just shows the sign-in page.</summary>
[AllowAnonymous]
public sealed class SignOutModel(IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>A message for the sign-in page.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Nothing to show: to the sign-in page.</summary>
    public IActionResult OnGet() => RedirectToPage("/SignIn");

    /// <summary>Ends the sign-in and goes to the sign-in page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(WebAuthentication.CookieScheme);
        Notice = text["SignedOut"];
        return RedirectToPage("/SignIn");
    }
}

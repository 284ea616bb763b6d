using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nlc.Core.Languages;
using Nlc.Web.Accounts;
using Nlc.Web.Languages;

namespace Nlc.Web.Pages;

/// <summary>Sign in with an email address and password; too many failures lock the address for a while.</summary>
[AllowAnonymous]
public sealed class SignInModel(PasswordSignIn signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The email address typed.</summary>
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>The password typed; never shown again.</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Where to go after signing in: a local path only.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>A message carried over from the page before (e.g. "your password is set").</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the email and password; signs in and goes on, or shows what went wrong.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), text["SignInEmailRequired"]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), text["SignInPasswordRequired"]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var (outcome, account) = await signIn.CheckAsync(Email!, Password!, HttpContext.RequestAborted);
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                await HttpContext.SignInAsync(WebAuthentication.CookieScheme, AccountPrincipal.For(account!), new AuthenticationProperties { IsPersistent = false });
                if (SupportedLanguages.Match(account!.Language) is { } language)
                {
                    PageLanguage.Remember(Response, language);
                }

                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.LockedOut:
                ModelState.AddModelError(nameof(Email), text["SignInLockedOut", signIn.Rule.MaxFailedSignIns, (int)signIn.Rule.LockFor.TotalMinutes]);
                return Page();
            default:
                ModelState.AddModelError(nameof(Email), text["SignInFailed"]);
                return Page();
        }
    }
}

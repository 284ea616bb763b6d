using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nlc.Core.Languages;
using Nlc.Storage;
using Nlc.Web.Accounts;
using Nlc.Web.Languages;

namespace Nlc.Web.Pages;

/// <summary>The language switch of every page: remembers the chosen language in this browser and, for a signed-in person, in their account.</summary>
[AllowAnonymous]
public sealed class LanguageModel(AccountStore accounts) : PageModel
{
    /// <summary>The chosen language: a served language tag.</summary>
    [BindProperty]
    public string? Language { get; set; }

    /// <summary>The page to go back to: a local path only.</summary>
    [BindProperty]
    public string? ReturnUrl { get; set; }

    /// <summary>Nothing to show: to the home page.</summary>
    public IActionResult OnGet() => LocalRedirect("/");

    /// <summary>Switches to the chosen language and goes back to the page; a language not served is a 400.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (SupportedLanguages.Match(Language) is not { } language)
        {
            return BadRequest();
        }

        PageLanguage.Remember(Response, language);
        if (User.Identity?.IsAuthenticated == true && User.Identity.AuthenticationType == WebAuthentication.CookieScheme)
        {
            await accounts.SetLanguageAsync(AccountPrincipal.AccountId(User), language, HttpContext.RequestAborted);
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}

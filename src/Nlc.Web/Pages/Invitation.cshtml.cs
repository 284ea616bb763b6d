using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nlc.Storage;
using Nlc.Web.Accounts;

namespace Nlc.Web.Pages;

/// <summary>The page an invitation link opens: the invited person chooses their password, and the link is used up.</summary>
[AllowAnonymous]
public sealed class InvitationModel(AccountStore accounts, IPasswordHasher<Account> hasher, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The account the link is for, when the link works.</summary>
    public Account? Account { get; private set; }

    /// <summary>The new password.</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The new password again.</summary>
    [BindProperty]
    public string? ConfirmPassword { get; set; }

    /// <summary>A message for the sign-in page.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shows the form, or that the link does not work (404).</summary>
    public async Task<IActionResult> OnGetAsync(string token)
    {
        Account = await accounts.FindInvitedAsync(token, HttpContext.RequestAborted);
        return Account is null ? LinkNotWorking() : Page();
    }

    /// <summary>Sets the password and goes to the sign-in page.</summary>
    public async Task<IActionResult> OnPostAsync(string token)
    {
        Account = await accounts.FindInvitedAsync(token, HttpContext.RequestAborted);
        if (Account is null)
        {
            return LinkNotWorking();
        }

        if (!PasswordRules.IsAcceptable(Password))
        {
            ModelState.AddModelError(nameof(Password), text["PasswordLength", PasswordRules.MinLength, PasswordRules.MaxLength]);
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), text["PasswordsDiffer"]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var result = await accounts.AcceptInvitationAsync(token, hasher.HashPassword(Account, Password!), HttpContext.RequestAborted);
        if (result.Outcome != WriteOutcome.Done)
        {
            return LinkNotWorking();
        }

        Notice = text["PasswordSetNotice"];
        return RedirectToPage("/SignIn");
    }

    private PageResult LinkNotWorking()
    {
        Account = null;
        HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

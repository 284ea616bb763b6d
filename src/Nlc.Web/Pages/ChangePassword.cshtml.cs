using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nlc.Storage;
using Nlc.Web.Accounts;

namespace Nlc.Web.Pages;

/// <summary>A signed-in person changes their password; their other sign-ins end, this one goes on.</summary>
public sealed class ChangePasswordModel(AccountStore accounts, IPasswordHasher<Account> hasher, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The password now.</summary>
    [BindProperty]
    public string? CurrentPassword { get; set; }

    /// <summary>The new password.</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The new password again.</summary>
    [BindProperty]
    public string? ConfirmPassword { get; set; }

    /// <summary>Says the password was changed, after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the current password and sets the new one.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var account = await accounts.FindAsync(AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        if (account?.PasswordHash is null)
        {
            return Forbid();
        }

        if (string.IsNullOrEmpty(CurrentPassword)
            || hasher.VerifyHashedPassword(account, account.PasswordHash, CurrentPassword) == PasswordVerificationResult.Failed)
        {
            ModelState.AddModelError(nameof(CurrentPassword), text["CurrentPasswordWrong"]);
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

        var changed = await accounts.ChangePasswordAsync(account.Id, hasher.HashPassword(account, Password!), HttpContext.RequestAborted);
        await HttpContext.SignInAsync(WebAuthentication.CookieScheme, AccountPrincipal.For(changed.Value!));
        Notice = text["PasswordChangedNotice"];
        return RedirectToPage();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nlc.Core.Access;
using Nlc.Core.Cities;
using Nlc.Storage;
using Nlc.Web.Accounts;

namespace Nlc.Web.Pages.Admin;

/// <summary>
/// The people who sign in, for admin and hub users: invite someone (the one-time link is shown once, after the
/// redirect), disable or enable an account, reset one with a new invitation.
/// </summary>
[Authorize(Roles = "admin,hub")]
public sealed class UsersModel(AccountStore accounts, CityStore cities, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Accounts shown per page.</summary>
    public const int PageSize = 50;

    /// <summary>The most cities offered in the invitation form.</summary>
    public const int MaxCitiesOffered = 500;

    /// <summary>The page of accounts shown.</summary>
    public Page<Account> Accounts { get; private set; } = new([], 0, PageSize, 0);

    /// <summary>The cities a city user can be given.</summary>
    public IReadOnlyList<City> Cities { get; private set; } = [];

    /// <summary>What the signed-in person may do.</summary>
    public AccessRights Rights { get; private set; } = null!;

    /// <summary>The page number, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The new person's email address.</summary>
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>The new person's name as shown.</summary>
    [BindProperty]
    public string? DisplayName { get; set; }

    /// <summary>The new person's role: admin, hub, city or partner.</summary>
    [BindProperty]
    public string? Role { get; set; }

    /// <summary>The new city user's cities.</summary>
    [BindProperty]
    public List<string> CityIds { get; set; } = [];

    /// <summary>The invitation link just made, shown once.</summary>
    [TempData]
    public string? InvitationLink { get; set; }

    /// <summary>Whom the link just made is for.</summary>
    [TempData]
    public string? InvitationFor { get; set; }

    /// <summary>What was just done.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>The roles the signed-in person may give.</summary>
    public IEnumerable<ApiRole> GrantableRoles => Enum.GetValues<ApiRole>().Where(Rights.CanManageAccountWith);

    /// <summary>Shows the accounts and the invitation form.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Invites someone; shows the link once after the redirect, or the problems with the form.</summary>
    public async Task<IActionResult> OnPostInviteAsync()
    {
        Rights = AccountPrincipal.Rights(User);
        var role = Enum.TryParse<ApiRole>(Role, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (ApiRole?)null;
        if (role is null || !Rights.CanManageAccountWith(role.Value))
        {
            ModelState.AddModelError(nameof(Role), text["InviteRoleRequired"]);
        }

        var person = new NewAccount(Email ?? "", DisplayName ?? "", role ?? ApiRole.Partner, CityIds.Distinct().ToArray());
        foreach (var problem in AccountInput.Check(person))
        {
            if (role is not null || problem.Field != "cityIds")
            {
                ModelState.AddModelError(FieldOf(problem.Field), text["Invite" + problem.Code]);
            }
        }

        foreach (var cityId in person.CityIds)
        {
            if (await cities.FindAsync(cityId, HttpContext.RequestAborted) is null)
            {
                ModelState.AddModelError(nameof(CityIds), text["InviteCityUnknown", cityId]);
            }
        }

        if (ModelState.ErrorCount == 0)
        {
            var invited = await accounts.InviteAsync(person, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
            if (invited.Value is { } invitation)
            {
                ShowOnce(invitation);
                return RedirectToPage();
            }

            ModelState.AddModelError(nameof(Email), text["InviteEmailTaken"]);
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>Disables or enables account <paramref name="id"/>.</summary>
    public async Task<IActionResult> OnPostDisableAsync(string id, bool disable)
    {
        var account = await ManageableAsync(id);
        if (account is null)
        {
            return NotFound();
        }

        await accounts.SetDisabledAsync(id, disable, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        Notice = text[disable ? "UserDisabledNotice" : "UserEnabledNotice", account.Email];
        return RedirectToPage(new { p = PageNumber });
    }

    /// <summary>Resets account <paramref name="id"/>: its password goes, its sign-ins end, and a new link is shown once.</summary>
    public async Task<IActionResult> OnPostResetAsync(string id)
    {
        if (await ManageableAsync(id) is null)
        {
            return NotFound();
        }

        var reset = await accounts.ReinviteAsync(id, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        ShowOnce(reset.Value!);
        return RedirectToPage(new { p = PageNumber });
    }

    /// <summary>The state of <paramref name="account"/> in words.</summary>
    public string StateOf(Account account) =>
        account.DisabledAt is not null ? text["UserStateDisabled"]
        : account.PasswordHash is null ? text["UserStateInvited"]
        : account.IsLockedAt(DateTimeOffset.UtcNow) ? text["UserStateLocked"]
        : text["UserStateActive"];

    private void ShowOnce(Invitation invitation)
    {
        InvitationLink = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{InvitationLinks.PathOf(invitation.Token)}";
        InvitationFor = invitation.Account.Email;
    }

    /// <summary>Account <paramref name="id"/> when the signed-in person may manage it (never themselves), else null.</summary>
    private async Task<Account?> ManageableAsync(string id)
    {
        Rights = AccountPrincipal.Rights(User);
        var account = await accounts.FindAsync(id, HttpContext.RequestAborted);
        return account is not null && account.Id != AccountPrincipal.AccountId(User) && Rights.CanManageAccountWith(account.Role) ? account : null;
    }

    private async Task LoadAsync()
    {
        Rights = AccountPrincipal.Rights(User);
        PageNumber = Math.Max(1, PageNumber);
        Accounts = await accounts.ListAsync(PageSize, (PageNumber - 1) * PageSize, HttpContext.RequestAborted);
        Cities = (await cities.ListAsync(new CityFilter(), MaxCitiesOffered, 0, HttpContext.RequestAborted)).Items;
    }

    private static string FieldOf(string field) => field switch
    {
        "email" => nameof(Email),
        "displayName" => nameof(DisplayName),
        "role" => nameof(Role),
        _ => nameof(CityIds),
    };
}

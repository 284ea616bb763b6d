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
/// Changes one person's role and cities, by the invitation's rules (<see cref="AccountInput"/>) and the same limits on who
/// may manage whom; audited by the store. Nobody changes their own access.
/// </summary>
[Authorize(Roles = "admin,hub")]
public sealed class AccessModel(AccountStore accounts, CityStore cities, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The person whose access changes.</summary>
    public Account Person { get; private set; } = null!;

    /// <summary>The cities a city user can be given.</summary>
    public IReadOnlyList<City> Cities { get; private set; } = [];

    /// <summary>The roles the signed-in person may give.</summary>
    public IReadOnlyList<ApiRole> GrantableRoles { get; private set; } = [];

    /// <summary>The role chosen.</summary>
    [BindProperty]
    public string? Role { get; set; }

    /// <summary>The cities chosen.</summary>
    [BindProperty]
    public List<string> CityIds { get; set; } = [];

    /// <summary>Shows the form with the person's access now.</summary>
    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Role = ApiKeyStore.RoleText(Person.Role);
        CityIds = Person.CityIds.ToList();
        return Page();
    }

    /// <summary>Saves the new access, or shows what is wrong.</summary>
    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var role = Enum.TryParse<ApiRole>(Role, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && GrantableRoles.Contains(parsed) ? parsed : (ApiRole?)null;
        if (role is null)
        {
            ModelState.AddModelError(nameof(Role), text["InviteRoleRequired"]);
        }

        var cityIds = CityIds.Distinct().ToArray();
        foreach (var problem in AccountInput.Check(new NewAccount(Person.Email, Person.DisplayName, role ?? ApiRole.Partner, cityIds)).Where(p => p.Field == "cityIds" && role is not null))
        {
            ModelState.AddModelError(nameof(CityIds), text["Invite" + problem.Code]);
        }

        foreach (var cityId in cityIds)
        {
            if (await cities.FindAsync(cityId, HttpContext.RequestAborted) is null)
            {
                ModelState.AddModelError(nameof(CityIds), text["InviteCityUnknown", cityId]);
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        await accounts.ChangeAccessAsync(id, role!.Value, cityIds, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        TempData["Notice"] = text["AccessChangedNotice", Person.Email].Value;
        return Redirect("/admin/users");
    }

    private async Task<bool> LoadAsync(string id)
    {
        var rights = AccountPrincipal.Rights(User);
        var person = await accounts.FindAsync(id, HttpContext.RequestAborted);
        if (person is null || person.Id == AccountPrincipal.AccountId(User) || !rights.CanManageAccountWith(person.Role))
        {
            return false;
        }

        Person = person;
        GrantableRoles = Enum.GetValues<ApiRole>().Where(rights.CanManageAccountWith).ToArray();
        Cities = (await cities.ListAsync(new CityFilter(), UsersModel.MaxCitiesOffered, 0, HttpContext.RequestAborted)).Items;
        return true;
    }
}

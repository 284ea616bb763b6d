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
/// API keys, for admins only (as the API's keys routes are): create one (its secret is shown once, after the redirect),
/// list them, revoke one. The rules are the API's (<see cref="KeyInput"/>) and the store audits each change.
/// </summary>
[Authorize(Roles = "admin")]
public sealed class KeysModel(ApiKeyStore keys, CityStore cities, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Keys shown per page.</summary>
    public const int PageSize = 50;

    /// <summary>The page of keys shown.</summary>
    public Page<ApiKey> Keys { get; private set; } = new([], 0, PageSize, 0);

    /// <summary>The cities a city key can cover.</summary>
    public IReadOnlyList<City> Cities { get; private set; } = [];

    /// <summary>The page number, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Whom the new key is for.</summary>
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The new key's role.</summary>
    [BindProperty]
    public string? Role { get; set; }

    /// <summary>The new city key's cities.</summary>
    [BindProperty]
    public List<string> CityIds { get; set; } = [];

    /// <summary>The secret of the key just created, shown once.</summary>
    [TempData]
    public string? NewSecret { get; set; }

    /// <summary>The name of the key just created.</summary>
    [TempData]
    public string? NewKeyName { get; set; }

    /// <summary>What was just done.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shows the keys and the form.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Creates a key; shows its secret once after the redirect, or the problems with the form.</summary>
    public async Task<IActionResult> OnPostCreateAsync()
    {
        var role = Enum.TryParse<ApiRole>(Role, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (ApiRole?)null;
        var cityIds = CityIds.Distinct().ToArray();
        foreach (var problem in KeyInput.Check(Name, role, cityIds))
        {
            ModelState.AddModelError(problem.Field switch { "name" => nameof(Name), "role" => nameof(Role), _ => nameof(CityIds) }, text["Key" + problem.Code, KeyInput.MaxNameLength]);
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
            await LoadAsync();
            return Page();
        }

        var (key, secret) = await keys.CreateAsync(Name!.Trim(), role!.Value, cityIds, AccountPrincipal.AccountId(User), cancellationToken: HttpContext.RequestAborted);
        NewSecret = secret;
        NewKeyName = key.Name;
        return RedirectToPage();
    }

    /// <summary>Revokes key <paramref name="id"/>: it stops working at once.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(string id)
    {
        var revoked = await keys.RevokeAsync(id, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        if (revoked.Outcome == WriteOutcome.NotFound)
        {
            return NotFound();
        }

        Notice = text["KeyRevokedNotice", revoked.Value?.Name ?? id];
        return RedirectToPage(new { p = PageNumber });
    }

    private async Task LoadAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        Keys = await keys.ListAsync(PageSize, (PageNumber - 1) * PageSize, HttpContext.RequestAborted);
        Cities = (await cities.ListAsync(new CityFilter(), UsersModel.MaxCitiesOffered, 0, HttpContext.RequestAborted)).Items;
    }
}

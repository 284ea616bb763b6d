using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nlc.Web.Pages;

/// <summary>The home page: where a person who opens the server's address lands.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel;

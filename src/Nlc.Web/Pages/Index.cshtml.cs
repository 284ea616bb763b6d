using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nlc.Web.Pages;

/// <summary>The home page of a signed-in person.</summary>
public sealed class IndexModel : PageModel;

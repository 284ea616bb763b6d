namespace Nlc.Web.Accounts;

/// <summary>Where an invitation link points: the page that sets the password.</summary>
public static class InvitationLinks
{
    /// <summary>The path of the page for invitation <paramref name="token"/>.</summary>
    public static string PathOf(string token) => "/invitations/" + Uri.EscapeDataString(token);
}

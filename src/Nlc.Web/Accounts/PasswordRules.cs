namespace Nlc.Web.Accounts;

/// <summary>What a new password must be: long enough to resist guessing, short enough to hash quickly (NIST SP 800-63B).</summary>
public static class PasswordRules
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinLength = 12;

    /// <summary>The longest password accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>Whether <paramref name="password"/> has an acceptable length.</summary>
    public static bool IsAcceptable(string? password) => password is { Length: >= MinLength and <= MaxLength };
}

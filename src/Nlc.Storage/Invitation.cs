namespace Nlc.Storage;

/// <summary>A new invitation: the account it is for and its token, which is not kept (only its hash is): this is the only time it is seen.</summary>
public sealed record Invitation(Account Account, string Token, DateTimeOffset ExpiresAt);

namespace Nlc.Storage;

/// <summary>How many failed sign-ins in a row lock an account, and for how long.</summary>
public sealed record LockoutRule(int MaxFailedSignIns, TimeSpan LockFor)
{
    /// <summary>Five failures lock an account for fifteen minutes.</summary>
    public static LockoutRule Default { get; } = new(5, TimeSpan.FromMinutes(15));
}

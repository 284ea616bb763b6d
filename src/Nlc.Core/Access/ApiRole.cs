namespace Nlc.Core.Access;

/// <summary>What an API key may do.</summary>
public enum ApiRole
{
    /// <summary>Everything, including managing keys.</summary>
    Admin,

    /// <summary>Reads every city, manages the city register, validates and reopens assessments, sees benchmarks.</summary>
    Hub,

    /// <summary>Reads and edits only the cities the key is scoped to; cannot validate.</summary>
    City,

    /// <summary>Read-only: validated assessments and aggregates.</summary>
    Partner,
}

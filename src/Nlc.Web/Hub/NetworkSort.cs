namespace Nlc.Web.Hub;

/// <summary>The columns the network overview can be sorted by.</summary>
public enum NetworkSort
{
    /// <summary>The city's name.</summary>
    City,

    /// <summary>The country code.</summary>
    Country,

    /// <summary>The region.</summary>
    Region,

    /// <summary>The population.</summary>
    Population,

    /// <summary>The latest period.</summary>
    Period,

    /// <summary>The latest assessment's status.</summary>
    Status,

    /// <summary>The share answered.</summary>
    Completeness,

    /// <summary>The latest validated overall index.</summary>
    Index,

    /// <summary>The change since the previous validated period.</summary>
    Change,
}

namespace Nlc.Core.Rubrics;

/// <summary>Whether a native speaker has reviewed a translation.</summary>
public enum ReviewStatus
{
    /// <summary>Written by the toolkit's maintainers (or a machine) and not yet reviewed by a native speaker.</summary>
    Draft,

    /// <summary>Reviewed by a native speaker.</summary>
    Reviewed,
}

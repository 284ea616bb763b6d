namespace Nlc.Api.Http;

/// <summary>The steps of the one order of checks that <see cref="RequestChecks"/> runs, first to last (see <see cref="RequestChecks"/> for the whole order).</summary>
public enum CheckOrder
{
    /// <summary>The resource the path names, as this caller may see it (404).</summary>
    VisibleResource = 1,

    /// <summary>The If-Match header: present where required, and one ETag (428).</summary>
    IfMatch = 2,

    /// <summary>The body: its media type, size and shape (415, 413, 400).</summary>
    Body = 3,
}

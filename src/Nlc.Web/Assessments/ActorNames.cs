using Nlc.Storage;

namespace Nlc.Web.Assessments;

/// <summary>Who an audit actor id is, in words people know: an account's display name, or an API key's name, else the id itself.</summary>
public sealed class ActorNames(AccountStore accounts, ApiKeyStore keys)
{
    /// <summary>The name of <paramref name="actor"/>, as recorded with an answer (answered by).</summary>
    public async Task<string> NameAsync(string actor, CancellationToken cancellationToken) =>
        (await accounts.FindAsync(actor, cancellationToken))?.DisplayName
        ?? await keys.NameAsync(actor, cancellationToken)
        ?? actor;
}

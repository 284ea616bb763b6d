namespace Nlc.Api.Http;

/// <summary>
/// Enforces the one order of checks, written down in docs/ARCHITECTURE.md ("The order of checks"). Middleware comes first:
/// the key is identified, the rate limit answers 429 (an address sending unknown keys too: 429), authorization answers 401
/// without a valid key and 403 when a <see cref="Security.RoleRule"/> refuses the caller. Then this filter checks the
/// handler's <see cref="ICheckedRequestPart"/> parameters in <see cref="CheckOrder"/>: the resource visible to the caller
/// (404), If-Match (428), the body (415, 413, 400). Then the handler checks the values (422) and the store the version
/// (412) and the state (409). The first check a request fails is the one it is answered with.
/// </summary>
public static class RequestChecks
{
    /// <summary>Runs the checks before every handler mapped under <paramref name="builder"/> that takes a checked part.</summary>
    public static TBuilder WithRequestChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var parts = factory.MethodInfo.GetParameters()
                .Where(parameter => parameter.ParameterType.IsAssignableTo(typeof(ICheckedRequestPart)))
                .Select(parameter => parameter.Position)
                .ToArray();
            if (parts.Length == 0)
            {
                return next;
            }

            return async invocation =>
            {
                foreach (var part in parts.Select(i => (ICheckedRequestPart)invocation.Arguments[i]!).OrderBy(p => p.Order))
                {
                    if (await part.CheckAsync(invocation.HttpContext) is { } problem)
                    {
                        return problem;
                    }
                }

                return await next(invocation);
            };
        });
}

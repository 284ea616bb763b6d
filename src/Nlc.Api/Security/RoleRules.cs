using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Nlc.Api.Http;
using Nlc.Core.Access;

namespace Nlc.Api.Security;

/// <summary>Declares and enforces <see cref="RoleRule"/>s: an authorization requirement each, refused as 403 Problem Details with the rule's reason.</summary>
public static class RoleRules
{
    /// <summary>Lets only callers <paramref name="allows"/> accepts reach the endpoint(s); others get 403 with <paramref name="refusal"/>.</summary>
    public static TBuilder AllowOnly<TBuilder>(this TBuilder builder, Func<Caller, bool> allows, string refusal)
        where TBuilder : IEndpointConventionBuilder => builder.AllowOnly(allows, ApiMessage.Untranslated(refusal));

    /// <summary>Lets only callers <paramref name="allows"/> accepts reach the endpoint(s); others get 403 with <paramref name="refusal"/>, in the requested language where translated.</summary>
    public static TBuilder AllowOnly<TBuilder>(this TBuilder builder, Func<Caller, bool> allows, ApiMessage refusal)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .AddRequirements(new RoleRule(allows, refusal)));

    /// <summary>Lets only admin keys reach the endpoint(s); others get 403 with the detail ASP.NET Core's role check gave these routes before.</summary>
    public static TBuilder AllowOnlyAdmin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AllowOnly(c => c.Role == ApiRole.Admin, ApiMessage.Of("RefusedRole"));

    /// <summary>Registers the rule's handler and the 403 answer.</summary>
    public static IServiceCollection AddRoleRules(this IServiceCollection services) => services
        .AddSingleton<IAuthorizationHandler, Handler>()
        .AddSingleton<IAuthorizationMiddlewareResultHandler, Refusals>();

    private sealed class Handler : AuthorizationHandler<RoleRule>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRule requirement)
        {
            if (context.User.Identity?.IsAuthenticated == true && requirement.Allows(Caller.From(context.User)))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Answers a caller refused by a <see cref="RoleRule"/> with its reason; every other outcome as ASP.NET Core does.</summary>
    private sealed class Refusals : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
            authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<RoleRule>().FirstOrDefault() is { } rule
                ? ProblemResponses.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", rule.Refusal)
                : _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

using Microsoft.AspNetCore.Authorization;
using Nlc.Api.Http;

namespace Nlc.Api.Security;

/// <summary>
/// Who may call an endpoint, declared on its route group or on the endpoint with <c>RoleRules.AllowOnly</c>; a caller it
/// does not allow gets 403 with <see cref="Refusal"/> as the detail, before anything of the request is read.
/// </summary>
/// <param name="Allows">Whether the caller may call the endpoint (from its role alone: which cities it may know is checked later, as a 404).</param>
/// <param name="Refusal">The 403 detail: who may, and what.</param>
public sealed record RoleRule(Func<Caller, bool> Allows, ApiMessage Refusal) : IAuthorizationRequirement;

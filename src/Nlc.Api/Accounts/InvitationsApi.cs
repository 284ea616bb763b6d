using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Infrastructure;
using Nlc.Core.Access;
using Nlc.Storage;
using Nlc.Web.Accounts;

namespace Nlc.Api.Accounts;

/// <summary>A person to invite to the web pages: their email (their sign-in name), the name shown, role and, for city users, cities.</summary>
public sealed record CreateInvitationRequest(string? Email, string? DisplayName, ApiRole? Role, IReadOnlyList<string>? CityIds = null);

/// <summary>
/// A new account and its one-time invitation link in <see cref="Url"/>: shown this once (only its hash is stored), it
/// works until <see cref="ExpiresAt"/> and lets the person choose their password.
/// </summary>
public sealed record InvitationResponse(
    string AccountId, string Email, string DisplayName, ApiRole Role, IReadOnlyList<string> CityIds, string Url, DateTimeOffset ExpiresAt);

/// <summary>Invitations of people to the web pages, for admin keys only.</summary>
public static class InvitationsApi
{
    /// <summary>Maps <c>POST /api/v1/invitations</c>.</summary>
    public static RouteGroupBuilder MapInvitationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/invitations").WithTags("Invitations").RequireAuthorization(policy => policy.RequireRole("admin"))
            .Problems(ProblemMetadata.Keyed, [StatusCodes.Status403Forbidden]);

        group.MapPost("/", CreateInvitation)
            .WithName("createInvitation")
            .WithSummary("Invite a person to the web pages")
            .WithDescription(
                "Admin only. Creates an account without a password and answers, once only, the invitation link in `url`, where the person "
                + "chooses their password; it works once, for 7 days. 409 when the email already has an account (reset it on the Users page).")
            .Accepts<CreateInvitationRequest>("application/json")
            .Problems(ProblemMetadata.JsonBody, [StatusCodes.Status409Conflict]);
        return group;
    }

    private static async Task<Results<Created<InvitationResponse>, ProblemHttpResult>> CreateInvitation(
        HttpContext context, AccountStore accounts, CityStore cities)
    {
        var (request, problem) = await JsonBody.ReadAsync<CreateInvitationRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new List<ProblemError>();
        if (request!.Role is null)
        {
            errors.Add(new ProblemError("role", ProblemCodes.Required, "a role is required: admin, hub, city or partner"));
        }

        var cityIds = (request.CityIds ?? []).Distinct().ToArray();
        var person = new NewAccount(request.Email ?? "", request.DisplayName ?? "", request.Role ?? ApiRole.Partner, cityIds);
        errors.AddRange(AccountInput.Check(person)
            .Where(p => request.Role is not null || p.Field != "cityIds")
            .Select(p => p.Code switch
            {
                "EmailInvalid" => new ProblemError("email", ProblemCodes.Malformed, $"an email address of at most {AccountInput.MaxEmailLength} characters is required, like name@example.org"),
                "DisplayNameLength" => new ProblemError("displayName", ProblemCodes.Length, $"a name of 1 to {AccountInput.MaxDisplayNameLength} characters is required"),
                "CitiesRequired" => new ProblemError("cityIds", ProblemCodes.Required, "a city user needs at least one city id"),
                _ => new ProblemError("cityIds", ProblemCodes.NotAllowed, "only city users are limited to cities"),
            }));
        for (var i = 0; i < cityIds.Length; i++)
        {
            if (await cities.FindAsync(cityIds[i], context.RequestAborted) is null)
            {
                errors.Add(new ProblemError($"cityIds[{i}]", ProblemCodes.Unknown, $"there is no city '{cityIds[i]}'"));
            }
        }

        if (errors.Count > 0)
        {
            return ProblemResponses.Invalid(errors);
        }

        var result = await accounts.InviteAsync(person, Caller.From(context.User).KeyId, context.RequestAborted);
        if (result.Value is not { } invitation)
        {
            return ProblemResponses.Refused(result);
        }

        var account = invitation.Account;
        var url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{InvitationLinks.PathOf(invitation.Token)}";
        return TypedResults.Created(
            (string?)null,
            new InvitationResponse(account.Id, account.Email, account.DisplayName, account.Role, account.CityIds, url, invitation.ExpiresAt));
    }
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Nlc.Api.Http;
using Nlc.Core.Access;
using Nlc.Storage;

namespace Nlc.Api.Security;

/// <summary>Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the stored key hashes; answers 401 and 403 as Problem Details.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys, FailedAuthentications failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    // The failures' English texts, which the 401 answer finds again to write them in the requested language.
    private const string MalformedHeader = "The Authorization header must be 'Bearer <key>'.";
    private const string UnknownKey = "The API key is unknown or revoked.";

    private TimeSpan? _refusedFor;

    /// <summary>The scheme name.</summary>
    public const string SchemeName = "Bearer";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length > 512)
        {
            return AuthenticateResult.Fail(MalformedHeader);
        }

        var secret = header["Bearer ".Length..].Trim();
        var keyHash = ApiKeySecret.Hash(secret);
        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "";
        _refusedFor = failures.Refusal(address, keyHash);
        if (_refusedFor is not null)
        {
            return AuthenticateResult.Fail("Too many unknown or revoked keys were sent from this address.");
        }

        var key = await keys.FindLiveAsync(secret, Context.RequestAborted);
        if (key is null)
        {
            failures.RecordFailure(address, keyHash);
            return AuthenticateResult.Fail(UnknownKey);
        }

        failures.RecordSuccess(keyHash);

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id),
            new(ClaimTypes.Name, key.Name),
            new(ClaimTypes.Role, ApiKeyStore.RoleText(key.Role)),
        };
        claims.AddRange(key.CityIds.Select(id => new Claim(Caller.CityClaim, id)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (_refusedFor is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ProblemResponses.WriteAsync(
                Context,
                StatusCodes.Status429TooManyRequests,
                "Too many failed authentications",
                $"Too many unknown or revoked keys were sent from this address; keys from it are not checked for {seconds} s. Try again then with a valid key.");
            return;
        }

        Response.Headers.WWWAuthenticate = "Bearer";
        await ProblemResponses.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            "Authentication required",
            result.Failure is null ? ApiMessage.Of("AuthKeyMissing", "Authorization: Bearer <key>") : FailureText(result.Failure));
    }

    private static ApiMessage FailureText(Exception failure) => failure.Message switch
    {
        MalformedHeader => ApiMessage.Of("AuthHeaderMalformed", "Authorization", "Bearer <key>"),
        UnknownKey => ApiMessage.Of("AuthKeyUnknown"),
        var other => ApiMessage.Untranslated(other),
    };

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", ApiMessage.Of("RefusedRole"));
}

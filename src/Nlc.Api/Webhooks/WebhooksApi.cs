using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Hosting;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Storage;

namespace Nlc.Api.Webhooks;

/// <summary>Webhook endpoints for partner platforms, registered and watched by admin keys.</summary>
public static class WebhooksApi
{
    private const int MaxUrlLength = 2000;

    /// <summary>Maps <c>/api/v1/webhooks</c>.</summary>
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/webhooks").WithTags("Webhooks").AllowOnlyAdmin()
            .Problems(ProblemMetadata.EveryKeyedRoute, [StatusCodes.Status403Forbidden]);

        group.MapPost("/", CreateWebhook)
            .WithName("createWebhook")
            .WithSummary("Register a webhook endpoint for an API key")
            .WithDescription(
                "Admin only. Deliveries tell the endpoint of `events` about what `keyId` may read: the event, the resource's id, version and link, "
                + "signed as Standard Webhooks say (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The secret is in `secret`, shown once. "
                + "Only https URLs whose host resolves to public addresses are accepted (422 otherwise).")
            .Problems(ProblemMetadata.JsonBody);
        group.MapGet("/", ListWebhooks)
            .WithName("listWebhooks")
            .WithSummary("List webhook endpoints")
            .WithDescription("Admin only. Every endpoint, without secrets, with whether it is failing or disabled.")
            .Problems([StatusCodes.Status400BadRequest]);
        group.MapGet("/{webhookId}/deliveries", ListWebhookDeliveries)
            .WithName("listWebhookDeliveries")
            .WithSummary("An endpoint's delivery log")
            .WithDescription("Admin only. Every delivery attempt, newest first: the delivery's id (its webhook-id), event, resource, the answer's status or the error.")
            .Problems([StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound]);
        return group;
    }

    private static async Task<Results<Created<CreatedWebhookResponse>, ProblemHttpResult>> CreateWebhook(
        JsonBody<CreateWebhookRequest> body, Caller caller, HttpContext context, WebhookStore webhooks, NlcOptions options)
    {
        var request = body.Value;
        var errors = new List<ProblemError>();
        if (string.IsNullOrWhiteSpace(request.KeyId))
        {
            errors.Add(new ProblemError("keyId", ProblemCodes.Required, "the id of the API key the endpoint receives events for is required"));
        }

        if (string.IsNullOrWhiteSpace(request.Url))
        {
            errors.Add(new ProblemError("url", ProblemCodes.Required, "an https URL is required"));
        }
        else if (request.Url.Length > MaxUrlLength)
        {
            errors.Add(new ProblemError("url", ProblemCodes.Length, $"the URL may have at most {MaxUrlLength} characters"));
        }
        else if (await WebhookAddresses.RefusalAsync(request.Url, options.WebhooksAllowLoopback, context.RequestAborted) is { } refusal)
        {
            errors.Add(new ProblemError("url", ProblemCodes.NotAllowed, $"the URL {refusal}"));
        }

        var events = request.Events ?? [];
        if (events.Count == 0)
        {
            errors.Add(new ProblemError("events", ProblemCodes.Required, $"name at least one event: {string.Join(", ", WebhookEvents.All)}"));
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (!WebhookEvents.All.Contains(events[i], StringComparer.Ordinal))
            {
                errors.Add(new ProblemError($"events[{i}]", ProblemCodes.Unknown, $"'{events[i]}' is not an event; expected one of {string.Join(", ", WebhookEvents.All)}"));
            }
            else if (events.Take(i).Contains(events[i], StringComparer.Ordinal))
            {
                errors.Add(new ProblemError($"events[{i}]", ProblemCodes.Duplicate, $"'{events[i]}' is named twice"));
            }
        }

        if (errors.Count > 0)
        {
            return ProblemResponses.Invalid(errors);
        }

        var result = await webhooks.RegisterAsync(request.KeyId!, request.Url!, events, caller.KeyId, context.RequestAborted);
        if (result.Outcome == WriteOutcome.NotFound)
        {
            return ProblemResponses.Invalid([new ProblemError("keyId", ProblemCodes.Unknown, $"there is no live API key '{request.KeyId}'")]);
        }

        var (endpoint, secret) = (result.Value!.Endpoint, result.Value.Secret);
        return TypedResults.Created(
            $"/api/v1/webhooks/{endpoint.Id}",
            new CreatedWebhookResponse(endpoint.Id, endpoint.KeyId, endpoint.Url, endpoint.Events, endpoint.CreatedAt, secret));
    }

    private static async Task<Results<Ok<PageResponse<WebhookResponse>>, ProblemHttpResult>> ListWebhooks(
        HttpContext context, WebhookStore webhooks, int? limit, int? offset)
    {
        var (pageLimit, pageOffset, problem) = Paging.Read(limit, offset);
        if (problem is not null)
        {
            return problem;
        }

        var page = await webhooks.ListAsync(pageLimit, pageOffset, context.RequestAborted);
        return TypedResults.Ok(Paging.Respond(context.Request, page, WebhookResponse.From));
    }

    private static async Task<Results<Ok<PageResponse<WebhookDeliveryAttemptResponse>>, ProblemHttpResult>> ListWebhookDeliveries(
        string webhookId, HttpContext context, WebhookStore webhooks, int? limit, int? offset)
    {
        // The one order of checks: the endpoint in the path (404) before the query's values (400).
        if (await webhooks.FindAsync(webhookId, context.RequestAborted) is null)
        {
            return ProblemResponses.NotFound($"There is no webhook endpoint '{webhookId}'.");
        }

        var (pageLimit, pageOffset, problem) = Paging.Read(limit, offset);
        if (problem is not null)
        {
            return problem;
        }

        var page = await webhooks.AttemptsAsync(webhookId, pageLimit, pageOffset, context.RequestAborted);
        return TypedResults.Ok(Paging.Respond(context.Request, page, WebhookDeliveryAttemptResponse.From));
    }
}

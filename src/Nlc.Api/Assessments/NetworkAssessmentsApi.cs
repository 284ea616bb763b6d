using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Cities;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Core.Assessments;
using Nlc.Core.Periods;
using Nlc.Storage;

namespace Nlc.Api.Assessments;

/// <summary>
/// One assessment in the network-wide list. <c>withdrawn: true</c> means it no longer matches the status asked for (for
/// partners: it was reopened and is no longer validated): drop it from a mirror; its status, version and dates are then null.
/// </summary>
public sealed record AssessmentChangeResponse(
    string Id, string CityId, string RubricId, string RubricVersion, string Period, AssessmentStatus? Status,
    DateTimeOffset? UpdatedAt, DateTimeOffset? ValidatedAt, long? Version, bool Withdrawn)
{
    /// <summary>Shows <paramref name="change"/>.</summary>
    public static AssessmentChangeResponse From(AssessmentChange change)
    {
        var a = change.Assessment;
        return change.Withdrawn
            ? new(a.Id, a.CityId, a.RubricId, a.RubricVersion.ToString(), a.Period, null, null, null, null, true)
            : new(a.Id, a.CityId, a.RubricId, a.RubricVersion.ToString(), a.Period, a.Status, a.UpdatedAt, a.ValidatedAt, a.RowVersion, false);
    }
}

/// <summary>
/// A page of the network-wide list, in the order assessments last changed. <c>next</c> links the following page (null on
/// the last); <c>cursor</c> is where to resume later, as <c>updatedSince</c>: every change after it will be listed.
/// </summary>
public sealed record AssessmentChangesResponse(IReadOnlyList<AssessmentChangeResponse> Items, int Limit, string Cursor, string? Next);

/// <summary>The network-wide list of assessments that partner platforms keep a mirror with.</summary>
public static class NetworkAssessmentsApi
{
    /// <summary>Maps <c>GET /api/v1/assessments</c>.</summary>
    public static IEndpointRouteBuilder MapNetworkAssessmentsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/assessments", ListNetworkAssessments)
            .WithTags("Assessments")
            .WithName("listNetworkAssessments")
            .WithSummary("List assessments across the network, in the order they changed")
            .WithDescription(
                "Every assessment this key may see, oldest change first, filtered by `status`, `period`, `rubricId`, `country`, `region` and `tag`. "
                + "Follow `next` to the end, keep `cursor`, and later pass it as `updatedSince` to get only what changed since: changes made during a walk "
                + "come later in the same walk, so none is missed. `updatedSince` also takes an ISO 8601 timestamp with `Z` or an offset. "
                + "Partner keys see validated assessments only; when resuming, one that was reopened is listed with `withdrawn: true`.")
            .Problems(ProblemMetadata.EveryKeyedRoute, [StatusCodes.Status400BadRequest]);
        return routes;
    }

    private static async Task<Results<Ok<AssessmentChangesResponse>, ProblemHttpResult>> ListNetworkAssessments(
        Caller caller, HttpContext context, AssessmentStore assessments, string? status, string? period, string? rubricId, string? country,
        string? region, string? tag, string? updatedSince, int? limit)
    {
        var errors = new List<ProblemError>();
        var (pageLimit, _, pagingProblem) = Paging.Read(limit, 0);
        if (pagingProblem is not null)
        {
            return pagingProblem;
        }

        AssessmentStatus? wanted = null;
        if (status is not null)
        {
            if (ExactEnum.TryParse<AssessmentStatus>(status, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add(new ProblemError("status", ProblemCodes.Malformed, $"status must be exactly {ExactEnum.Expected<AssessmentStatus>()}; found '{status}'"));
            }
        }

        Period? wantedPeriod = null;
        if (period is not null)
        {
            if (Period.TryParse(period, out var parsed))
            {
                wantedPeriod = parsed;
            }
            else
            {
                errors.Add(new ProblemError("period", ProblemCodes.Malformed, $"period must be a period such as {Period.Examples}; found '{period}'"));
            }
        }

        long after = 0;
        DateTimeOffset? since = null;
        if (updatedSince is not null && !ChangeCursor.TryRead(updatedSince, out after, out since))
        {
            errors.Add(new ProblemError(
                "updatedSince", ProblemCodes.Malformed, "updatedSince must be a cursor this list gave, or a timestamp such as 2025-06-01T00:00:00Z"));
        }

        if (errors.Count > 0)
        {
            return ProblemResponses.BadRequest(string.Join("; ", errors.Select(e => e.Message)), errors);
        }

        if (caller.SeesOnlyValidated)
        {
            if (wanted is not null and not AssessmentStatus.Validated)
            {
                return TypedResults.Ok(new AssessmentChangesResponse([], pageLimit, ChangeCursor.Of(after), null));
            }

            wanted = AssessmentStatus.Validated;
        }

        var filter = new NetworkAssessmentFilter(
            wanted, wantedPeriod, rubricId, CityValidation.Normalize(country), region, tag, since, caller.SeesAllCities ? null : caller.CityIds.ToArray());
        var page = await assessments.ListChangesAsync(filter, after, listWithdrawn: updatedSince is not null, pageLimit, context.RequestAborted);
        var cursor = ChangeCursor.Of(page.Cursor);
        return TypedResults.Ok(new AssessmentChangesResponse(
            page.Items.Select(AssessmentChangeResponse.From).ToArray(), pageLimit, cursor, page.HasMore ? NextLink(context.Request, cursor, pageLimit) : null));
    }

    private static string NextLink(HttpRequest request, string cursor, int limit)
    {
        var query = new QueryBuilder(request.Query
            .Where(q => q.Key is not ("updatedSince" or "limit"))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))))
        {
            { "updatedSince", cursor },
            { "limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return request.PathBase + request.Path + query.ToQueryString();
    }
}

using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Storage;

namespace Nlc.Api.Http;

/// <summary>One page of a list, with a link to the next page (null on the last).</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset, string? Next);

/// <summary>Checks <c>limit</c> (1–200, default 50) and <c>offset</c> (0 or more), and builds the next-page link.</summary>
public static class Paging
{
    /// <summary>The default page size.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 200;

    /// <summary>The page asked for, or the problem with it.</summary>
    public static (int Limit, int Offset, ProblemHttpResult? Problem) Read(int? limit, int? offset)
    {
        var errors = new List<ProblemError>();
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add(new ProblemError("limit", ProblemCodes.OutOfRange, $"limit must be from 1 to {MaxLimit}, found {limit}"));
        }

        if (offset is < 0)
        {
            errors.Add(new ProblemError("offset", ProblemCodes.OutOfRange, $"offset must be 0 or more, found {offset}"));
        }

        return errors.Count > 0
            ? (0, 0, ProblemResponses.BadRequest(string.Join("; ", errors.Select(e => e.Message)), errors))
            : (limit ?? DefaultLimit, offset ?? 0, null);
    }

    /// <summary>The response for <paramref name="page"/>, its items mapped by <paramref name="map"/>.</summary>
    public static PageResponse<TOut> Respond<TIn, TOut>(HttpRequest request, Page<TIn> page, Func<TIn, TOut> map)
    {
        string? next = null;
        if (page.Offset + page.Items.Count < page.Total)
        {
            var query = new QueryBuilder(request.Query.Where(q => q.Key is not ("offset" or "limit")).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))))
            {
                { "limit", page.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                { "offset", (page.Offset + page.Limit).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
            next = request.PathBase + request.Path + query.ToQueryString();
        }

        return new PageResponse<TOut>(page.Items.Select(map).ToArray(), page.Total, page.Limit, page.Offset, next);
    }
}

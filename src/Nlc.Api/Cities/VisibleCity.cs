using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Core.Cities;
using Nlc.Storage;

namespace Nlc.Api.Cities;

/// <summary>
/// The city the route's <c>{cityId}</c> names, as a handler parameter: <see cref="RequestChecks"/> finds it in its turn and
/// answers 404 when it does not exist or the caller may not know it does (<see cref="CityAccess"/>).
/// </summary>
public sealed class VisibleCity : ICheckedRequestPart
{
    private City? _value;

    private VisibleCity(string id) => Id = id;

    /// <summary>The id in the path.</summary>
    public string Id { get; }

    /// <summary>The city, found and visible to the caller.</summary>
    public City Value => _value ?? throw new InvalidOperationException("The city is found by RequestChecks before the handler runs.");

    /// <inheritdoc />
    public CheckOrder Order => CheckOrder.VisibleResource;

    /// <summary>Binds the id in the path; the city is found when its check comes.</summary>
    public static ValueTask<VisibleCity?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<VisibleCity?>(new VisibleCity((string)context.Request.RouteValues["cityId"]!));

    /// <inheritdoc />
    public async ValueTask<ProblemHttpResult?> CheckAsync(HttpContext context)
    {
        var cities = context.RequestServices.GetRequiredService<CityStore>();
        _value = await CityAccess.FindVisibleAsync(Id, Caller.From(context.User), cities, context.RequestAborted);
        return _value is null ? ProblemResponses.NotFound(ApiMessage.Of("CityNotFound", Id)) : null;
    }
}

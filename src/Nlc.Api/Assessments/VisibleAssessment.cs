using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Core.Assessments;
using Nlc.Storage;

namespace Nlc.Api.Assessments;

/// <summary>
/// The assessment the route's <c>{assessmentId}</c> names, as a handler parameter: <see cref="RequestChecks"/> finds it in its
/// turn and answers 404 when it does not exist or the caller may not know it does (<see cref="AssessmentAccess"/>).
/// </summary>
public sealed class VisibleAssessment : ICheckedRequestPart
{
    private Assessment? _value;

    private VisibleAssessment(string id) => Id = id;

    /// <summary>The id in the path.</summary>
    public string Id { get; }

    /// <summary>The assessment, found and visible to the caller.</summary>
    public Assessment Value => _value ?? throw new InvalidOperationException("The assessment is found by RequestChecks before the handler runs.");

    /// <inheritdoc />
    public CheckOrder Order => CheckOrder.VisibleResource;

    /// <summary>Binds the id in the path; the assessment is found when its check comes.</summary>
    public static ValueTask<VisibleAssessment?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<VisibleAssessment?>(new VisibleAssessment((string)context.Request.RouteValues["assessmentId"]!));

    /// <inheritdoc />
    public async ValueTask<ProblemHttpResult?> CheckAsync(HttpContext context)
    {
        var assessments = context.RequestServices.GetRequiredService<AssessmentStore>();
        _value = await AssessmentAccess.FindVisibleAsync(Id, Caller.From(context.User), assessments, context.RequestAborted);
        return _value is null ? ProblemResponses.NotFound(ApiMessage.Of("AssessmentNotFound", Id)) : null;
    }
}

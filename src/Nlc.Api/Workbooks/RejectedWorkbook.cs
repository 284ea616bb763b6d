using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Http;
using Nlc.Excel.Import;

namespace Nlc.Api.Workbooks;

/// <summary>The answer to an uploaded workbook that cannot be read: 422 with one error per problem, each at its sheet and cell.</summary>
internal static class RejectedWorkbook
{
    public static ProblemHttpResult Problem(WorkbookRejectedException rejected)
    {
        var errors = rejected.Problems.Select(p => new ProblemError(string.IsNullOrEmpty(p.Location) ? "workbook" : p.Location, ProblemCodes.Workbook, p.Message, p.IndicatorId)).ToArray();
        return ProblemResponses.Problem(
            StatusCodes.Status422UnprocessableEntity,
            "The workbook cannot be imported",
            errors.Length == 1 ? rejected.Problems[0].ToString() : $"{errors.Length} problems; see errors. Nothing was written.",
            errors);
    }
}

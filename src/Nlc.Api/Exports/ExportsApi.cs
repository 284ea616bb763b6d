using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Core.Periods;
using Nlc.Storage;

namespace Nlc.Api.Exports;

/// <summary>Bulk exports of validated scores for analysis, bounded by what the caller's key may read.</summary>
public static class ExportsApi
{
    /// <summary>Maps <c>/api/v1/exports</c>.</summary>
    public static RouteGroupBuilder MapExportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/exports").WithTags("Exports").Problems(ProblemMetadata.EveryKeyedRoute);
        group.MapGet("/scores", ExportScores)
            .WithName("exportScores")
            .WithSummary("Export a period's validated scores")
            .WithDescription(
                "Every validated assessment of `rubricId` in `period` this key may read (admin, hub and partner keys: the whole network; city keys: their own cities), "
                + "as `format=csv` (one row per assessment, a column per pillar and practice) or `format=jsonl` (JSON Lines): city, period, rubric version, "
                + "overall, pillars, practices and completeness. Text that begins like a formula (=, +, -, @ …) carries a leading apostrophe, so a spreadsheet runs nothing.")
            .Produces(StatusCodes.Status200OK, typeof(Stream), ScoreExport.CsvContentType, ScoreExport.JsonLinesContentType)
            .Problems([StatusCodes.Status400BadRequest]);
        return group;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportScores(
        Caller caller, HttpContext context, AssessmentStore assessments, ScoreCache scores, ScoringEngines engines, string? rubricId, string? period, string? format)
    {
        var errors = new List<ProblemError>();
        if (string.IsNullOrWhiteSpace(rubricId))
        {
            errors.Add(new ProblemError("rubricId", ProblemCodes.Required, "rubricId is required, e.g. nlc"));
        }

        if (!Period.TryParse(period, out var wantedPeriod))
        {
            errors.Add(new ProblemError(
                "period", period is null ? ProblemCodes.Required : ProblemCodes.Malformed, $"period must be a period such as {Period.Examples}; found '{period}'"));
        }

        if (format is not ("csv" or "jsonl"))
        {
            errors.Add(new ProblemError("format", format is null ? ProblemCodes.Required : ProblemCodes.Malformed, $"format must be exactly csv or jsonl; found '{format}'"));
        }

        if (errors.Count > 0)
        {
            return ProblemResponses.BadRequest(string.Join("; ", errors.Select(e => e.Message)), errors);
        }

        var exported = await assessments.ValidatedInPeriodAsync(rubricId!, wantedPeriod, caller.SeesAllCities ? null : caller.CityIds.ToArray(), context.RequestAborted);
        var rows = new List<ScoreExportRow>(exported.Count);
        foreach (var item in exported.Where(e => caller.Rights.CanSeeAssessment(e.Assessment)))
        {
            rows.Add(new ScoreExportRow(item, await scores.ScoreAsync(item.Assessment, context.RequestAborted)));
        }

        var name = $"scores-{rubricId}-{wantedPeriod}";
        if (format == "jsonl")
        {
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ScoreExport.ToJsonLines(rows)), ScoreExport.JsonLinesContentType, name + ".jsonl");
        }

        // One column per pillar and practice of every rubric version in the export, in the rubric's own order.
        var rubrics = rows.Select(r => (r.Exported.Assessment.RubricId, r.Exported.Assessment.RubricVersion)).Distinct()
            .Select(v => engines.For(v.RubricId, v.RubricVersion)!.Rubric).ToArray();
        var pillarIds = rubrics.SelectMany(r => r.Pillars.Select(p => p.Id)).Distinct(StringComparer.Ordinal).ToArray();
        var practiceIds = rubrics.SelectMany(r => r.Practices.Select(p => p.Id)).Distinct(StringComparer.Ordinal).ToArray();
        return TypedResults.File(
            System.Text.Encoding.UTF8.GetBytes(ScoreExport.ToCsv(rows, pillarIds, practiceIds)), ScoreExport.CsvContentType + "; charset=utf-8", name + ".csv");
    }
}

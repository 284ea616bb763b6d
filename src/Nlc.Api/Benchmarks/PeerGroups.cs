using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Cities;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Core.Benchmarking;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;

namespace Nlc.Api.Benchmarks;

/// <summary>Reads the query that names a peer group (benchmarks and the hub comparison report share it) and says who may ask for it.</summary>
public sealed class PeerGroups(RubricCatalog catalog)
{
    /// <summary>
    /// The group the query names, or the problem with it: 400 with every malformed or unknown parameter, then 403 when a
    /// caller who may not see single cities asks for a group <see cref="RestrictedRelease"/> does not allow.
    /// </summary>
    public (PeerGroupRequest? Request, ProblemHttpResult? Problem) Read(
        Caller caller, string? rubricId, string? period, int? rubricMajor,
        string? country, string? region, string? tag, string? populationBand, string? cityIds)
    {
        var errors = new List<ProblemError>();
        var versions = rubricId is null ? [] : catalog.Versions(rubricId);
        if (versions.Count == 0)
        {
            errors.Add(new ProblemError("rubricId", rubricId is null ? ProblemCodes.Required : ProblemCodes.Unknown, rubricId is null ? "rubricId is required, e.g. nlc" : $"there is no rubric '{rubricId}'"));
        }

        var major = rubricMajor ?? (versions.Count > 0 ? versions[^1].Version.Major : 0);
        var rubric = versions.LastOrDefault(v => v.Version.Major == major);
        if (versions.Count > 0 && rubric is null)
        {
            errors.Add(new ProblemError("rubricMajor", ProblemCodes.Unknown, $"rubric '{rubricId}' has no major version {major}"));
        }

        if (!Period.IsValid(period))
        {
            errors.Add(new ProblemError("period", period is null ? ProblemCodes.Required : ProblemCodes.Malformed, $"period is required, such as 2025 or 2025-H1; found '{period}'"));
        }

        if (populationBand is not null && !PopulationBand.Ids.Contains(populationBand))
        {
            errors.Add(new ProblemError("populationBand", ProblemCodes.Unknown, $"populationBand must be one of {string.Join(", ", PopulationBand.Ids)}"));
        }

        var ids = cityIds?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var filter = new PeerGroupFilter(CityValidation.Normalize(country), region, populationBand, tag, ids);
        if (errors.Count > 0)
        {
            return (null, ProblemResponses.BadRequest(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), errors));
        }

        // Which groups may be asked for depends on what was asked, so this refusal comes after the query is read.
        if (!caller.CanReview && RestrictedRelease.FilterRefusal(filter) is { } refusal)
        {
            return (null, ProblemResponses.Forbidden(refusal));
        }

        return (new PeerGroupRequest(rubric!, major, period!, filter), null);
    }
}

using System.Globalization;
using Nlc.Core.Access;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Rubrics;
using Nlc.Storage;

namespace Nlc.Web.Cities;

/// <summary>Reads what the home and city pages show of cities, through the same stores and score path as the API.</summary>
public sealed class CityOverviews(CityStore cities, AssessmentStore assessments, ScoreCache scores, RubricCatalog rubrics)
{
    /// <summary>
    /// One page of the cities <paramref name="rights"/> may see, by name: a city user's own cities, everyone else's
    /// every city. <paramref name="pageNumber"/> counts from 1.
    /// </summary>
    public async Task<Page<CityOverview>> PageAsync(AccessRights rights, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        var filter = rights.SeesAllCities ? new CityFilter() : new CityFilter(OnlyIds: rights.CityIds.ToArray());
        var page = await cities.ListAsync(filter, pageSize, (pageNumber - 1) * pageSize, cancellationToken);
        var overviews = new List<CityOverview>();
        foreach (var city in page.Items)
        {
            overviews.Add(await OverviewAsync(city, rights, cancellationToken));
        }

        return new Page<CityOverview>(overviews, page.Total, page.Limit, page.Offset);
    }

    /// <summary>City <paramref name="cityId"/> when <paramref name="rights"/> may see it, else null (shown as not found).</summary>
    public async Task<CityOverview?> FindAsync(string cityId, AccessRights rights, CancellationToken cancellationToken) =>
        rights.CanSeeCity(cityId) && await cities.FindAsync(cityId, cancellationToken) is { } city
            ? await OverviewAsync(city, rights, cancellationToken)
            : null;

    private async Task<CityOverview> OverviewAsync(City city, AccessRights rights, CancellationToken cancellationToken)
    {
        var filter = new AssessmentFilter(Status: rights.SeesOnlyValidated ? AssessmentStatus.Validated : null);
        var summaries = new List<AssessmentSummary>();
        foreach (var assessment in await assessments.ListAllAsync(city.Id, filter, cancellationToken))
        {
            var score = await scores.ScoreAsync(assessment, cancellationToken);
            var title = rubrics.Find(assessment.RubricId, assessment.RubricVersion)?.Title.Get(CultureInfo.CurrentUICulture.Name) ?? assessment.RubricId;
            summaries.Add(new AssessmentSummary(assessment.Id, assessment.Period, title, assessment.Status, score.Completeness.Ratio, score.Overall));
        }

        return new CityOverview(city, summaries, rights.MayAnswer && rights.CanSeeCity(city.Id));
    }
}

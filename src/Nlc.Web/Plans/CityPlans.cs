using Nlc.Core.Access;
using Nlc.Core.Rubrics;
using Nlc.Storage;

namespace Nlc.Web.Plans;

/// <summary>
/// Finds the action plan a page is about, by the API's rules: a person who may not see the city, or a partner when the
/// plan is not published, finds nothing (the page answers 404); a city's own officials (and admins) may change it.
/// </summary>
public sealed class CityPlans(CityStore cities, ActionPlanStore plans, RubricCatalog rubrics)
{
    /// <summary>The city's plan, or null when <paramref name="rights"/> may not read it.</summary>
    public async Task<CityPlan?> FindAsync(string cityId, AccessRights? rights, CancellationToken cancellationToken)
    {
        if (rights is null || !rights.CanSeeCity(cityId))
        {
            return null;
        }

        var city = await cities.FindAsync(cityId, cancellationToken);
        if (city is null)
        {
            return null;
        }

        var plan = await plans.GetAsync(cityId, cancellationToken: cancellationToken);
        var rubric = rubrics.FindLatest(plan.RubricId);
        return rubric is null || !rights.CanReadActionPlan(cityId, plan.Published) ? null : new CityPlan(city, plan, rubric, rights.MayAnswer);
    }
}

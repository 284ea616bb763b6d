using Nlc.Core.ActionPlans;
using Nlc.Core.Cities;
using Nlc.Core.Rubrics;

namespace Nlc.Web.Plans;

/// <summary>A city's action plan as a signed-in person may see it: the city, the plan, its rubric, and whether this person may change it.</summary>
public sealed record CityPlan(City City, ActionPlan Plan, Rubric Rubric, bool MayEdit);

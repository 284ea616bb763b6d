using Nlc.Core.Assessments;

namespace Nlc.Core.Access;

/// <summary>
/// What someone may see and do, whether they come with an API key or a signed-in account: their role and, for city
/// users, the cities they cover. The one home of "who may do what"; the API and the web pages ask it.
/// </summary>
public sealed record AccessRights(ApiRole Role, IReadOnlySet<string> CityIds)
{
    /// <summary>Admin, hub and partner users know of every city (partners read only its validated assessments); city users only their own.</summary>
    public bool SeesAllCities => Role is ApiRole.Admin or ApiRole.Hub or ApiRole.Partner;

    /// <summary>May see that the city exists and read what this role may read of it.</summary>
    public bool CanSeeCity(string cityId) => SeesAllCities || CityIds.Contains(cityId);

    /// <summary>Partners see validated assessments only.</summary>
    public bool SeesOnlyValidated => Role == ApiRole.Partner;

    /// <summary>May see this assessment: one of a city it sees, and for partners only a validated one.</summary>
    public bool CanSeeAssessment(Assessment assessment) =>
        CanSeeCity(assessment.CityId) && (!SeesOnlyValidated || assessment.Status == AssessmentStatus.Validated);

    /// <summary>May start and answer assessments at all: admin and city users (city users for their own cities only).</summary>
    public bool MayAnswer => Role is ApiRole.Admin or ApiRole.City;

    /// <summary>May validate and reopen assessments.</summary>
    public bool CanReview => Role is ApiRole.Admin or ApiRole.Hub;

    /// <summary>May add and change cities in the register.</summary>
    public bool CanManageCities => Role is ApiRole.Admin or ApiRole.Hub;

    /// <summary>May see the people who sign in to the web pages, invite them, disable and reset them: admin and hub users.</summary>
    public bool CanManageAccounts => Role is ApiRole.Admin or ApiRole.Hub;

    /// <summary>May invite, disable or reset someone with <paramref name="role"/>: admins anyone, hub users anyone but admins.</summary>
    public bool CanManageAccountWith(ApiRole role) => Role == ApiRole.Admin || (Role == ApiRole.Hub && role != ApiRole.Admin);

    /// <summary>May read a city's action plan: a city it sees, and for partners only a plan the city has published.</summary>
    public bool CanReadActionPlan(string cityId, bool published) => CanSeeCity(cityId) && (Role != ApiRole.Partner || published);

    /// <summary>May read case notes, consents and peer suggestions: everyone in the network but partners.</summary>
    public bool SeesPeerLearning => Role is ApiRole.Admin or ApiRole.Hub or ApiRole.City;
}

using Nlc.Core.Access;
using Nlc.Core.Assessments;
using Nlc.Core.Rubrics;

namespace Nlc.Core.Tests.Access;

/// <summary>Who may see and do what: the one rule the API and the web pages share.</summary>
[TestClass]
public sealed class AccessRightsTests
{
    private static readonly IReadOnlySet<string> Budva = new HashSet<string> { "city_budva" };

    [TestMethod]
    public void CityUser_SeesOnlyTheirOwnCities()
    {
        var rights = new AccessRights(ApiRole.City, Budva);

        Assert.IsTrue(rights.CanSeeCity("city_budva"));
        Assert.IsFalse(rights.CanSeeCity("city_kotor"));
        Assert.IsFalse(rights.SeesAllCities);
        Assert.IsTrue(rights.CanSeeAssessment(Of("city_budva", AssessmentStatus.Draft)));
        Assert.IsFalse(rights.CanSeeAssessment(Of("city_kotor", AssessmentStatus.Validated)));
    }

    [TestMethod]
    public void Partner_SeesEveryCityButOnlyValidatedAssessments()
    {
        var rights = new AccessRights(ApiRole.Partner, new HashSet<string>());

        Assert.IsTrue(rights.CanSeeCity("city_kotor"));
        Assert.IsTrue(rights.CanSeeAssessment(Of("city_kotor", AssessmentStatus.Validated)));
        Assert.IsFalse(rights.CanSeeAssessment(Of("city_kotor", AssessmentStatus.Submitted)));
        Assert.IsFalse(rights.MayAnswer);
        Assert.IsFalse(rights.CanReview);
    }

    [TestMethod]
    [DataRow(ApiRole.Admin, true, true, true)]
    [DataRow(ApiRole.Hub, false, true, true)]
    [DataRow(ApiRole.City, true, false, false)]
    [DataRow(ApiRole.Partner, false, false, false)]
    public void EachRole_MayDoWhatItsRoleAllows(ApiRole role, bool mayAnswer, bool canReview, bool canManageCities)
    {
        var rights = new AccessRights(role, Budva);

        Assert.AreEqual((mayAnswer, canReview, canManageCities), (rights.MayAnswer, rights.CanReview, rights.CanManageCities));
    }

    private static Assessment Of(string cityId, AssessmentStatus status) => new(
        "asm_1", cityId, "nlc", RubricVersion.Parse("1.0.0"), "2025", status,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null, 1);
}

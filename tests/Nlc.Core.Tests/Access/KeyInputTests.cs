using Nlc.Core.Access;

namespace Nlc.Core.Tests.Access;

/// <summary>The rules of a new API key, shared by the API and the keys page.</summary>
[TestClass]
public sealed class KeyInputTests
{
    [TestMethod]
    public void AValidKey_HasNoProblems() =>
        Assert.AreEqual(0, KeyInput.Check("Statistics office", ApiRole.City, ["city_1"]).Count);

    [TestMethod]
    public void EveryProblem_IsNamedAtOnce_ByFieldAndCode()
    {
        CollectionAssert.AreEqual(
            new[] { new KeyInputProblem("name", "NameLength"), new KeyInputProblem("role", "RoleRequired") },
            KeyInput.Check(" ", null, []).ToArray());
        CollectionAssert.AreEqual(new[] { new KeyInputProblem("name", "NameLength") }, KeyInput.Check(new string('k', 201), ApiRole.Hub, []).ToArray());
        CollectionAssert.AreEqual(new[] { new KeyInputProblem("cityIds", "CitiesRequired") }, KeyInput.Check("Kotor", ApiRole.City, []).ToArray());
        CollectionAssert.AreEqual(new[] { new KeyInputProblem("cityIds", "CitiesNotAllowed") }, KeyInput.Check("Hub", ApiRole.Hub, ["city_1"]).ToArray());
    }
}

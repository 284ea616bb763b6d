using Nlc.Core.Benchmarking;

namespace Nlc.Core.Tests.Benchmarking;

[TestClass]
public sealed class DisclosureControlTests
{
    private static HashSet<string> Cities(int count, int from = 0) => Enumerable.Range(from, count).Select(i => $"c{i}").ToHashSet();

    [TestMethod]
    public void AGroupBelowK_IsWithheld()
    {
        StringAssert.Contains(DisclosureControl.WithholdingReason(Cities(4), [], minimumSize: 5, k: 5), "has 4 cities");
    }

    [TestMethod]
    public void TheDifferenceAttack_GroupMinusOneCity_WithholdsTheLargerGroup()
    {
        var groupA = Cities(6);
        var groupAMinusOne = Cities(5);

        var reason = DisclosureControl.WithholdingReason(groupA, [groupAMinusOne], minimumSize: 5, k: 5);

        StringAssert.Contains(reason, "differs from another group that can be asked for by 1 cities");
    }

    [TestMethod]
    public void AGroupDifferingByAtLeastK_IsShown()
    {
        Assert.IsNull(DisclosureControl.WithholdingReason(Cities(10), [Cities(5), Cities(10), Cities(3, from: 20)], minimumSize: 5, k: 5));
    }

    [TestMethod]
    public void AnOverlappingButNotNestedGroup_DoesNotWithhold()
    {
        Assert.IsNull(DisclosureControl.WithholdingReason(Cities(6), [Cities(6, from: 1)], minimumSize: 5, k: 5));
    }
}

using Nlc.Core.Scoring;

namespace Nlc.Core.Tests.Scoring;

[TestClass]
public sealed class MaturityLevelTests
{
    [TestMethod]
    public void OfScore_IsTheWholeLevelTheMeanReaches()
    {
        Assert.AreEqual(2, MaturityLevel.OfScore(67.5, 4));   // mean 2.7
        Assert.AreEqual(3, MaturityLevel.OfScore(75.0, 4));   // exactly 3
        Assert.AreEqual(0, MaturityLevel.OfScore(0, 4));
    }

    [TestMethod]
    public void OfScore_GivesTheLevelScoringGaveForEveryStoredScore()
    {
        // A stored practice score is 100 × mean / max; reading it back must give the level scoring gave.
        for (var max = 2; max <= 5; max++)
        {
            for (var numerator = 0; numerator <= 60 * max; numerator++)
            {
                var mean = numerator / 60.0;
                var score = 100.0 * mean / max;
                Assert.AreEqual(MaturityLevel.OfMeanLevel(mean), MaturityLevel.OfScore(score, max), $"mean {mean} on a scale to {max}");
            }
        }
    }
}

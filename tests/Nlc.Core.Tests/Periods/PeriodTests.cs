using Nlc.Core.Periods;

namespace Nlc.Core.Tests.Periods;

/// <summary>Periods: read as written, written back the same, ordered by when they start (a whole before its first part).</summary>
[TestClass]
public sealed class PeriodTests
{
    [TestMethod]
    [DataRow("2025", PeriodKind.Year, 0)]
    [DataRow("2025-H1", PeriodKind.Half, 1)]
    [DataRow("2025-H2", PeriodKind.Half, 2)]
    [DataRow("2025-Q3", PeriodKind.Quarter, 3)]
    [DataRow("2025-06", PeriodKind.Month, 6)]
    [DataRow("2025-12", PeriodKind.Month, 12)]
    [DataRow("0000", PeriodKind.Year, 0)]
    public void Parse_ReadsEachForm_AndFormatsItBackTheSame(string text, PeriodKind kind, int number)
    {
        var period = Period.Parse(text);

        Assert.AreEqual((kind, number), (period.Kind, period.Number));
        Assert.AreEqual(text, period.ToString());
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("25")]
    [DataRow("2025-H3")]
    [DataRow("2025-Q0")]
    [DataRow("2025-Q5")]
    [DataRow("2025-00")]
    [DataRow("2025-13")]
    [DataRow("2025-6")]
    [DataRow("2025-h1")]
    [DataRow(" 2025")]
    [DataRow("2025 ")]
    [DataRow("2025/06")]
    [DataRow("２０２５")]
    [DataRow("2025-W01")]
    public void TryParse_RefusesWhatIsNotAPeriod(string? text)
    {
        Assert.IsFalse(Period.TryParse(text, out _));
        Assert.IsFalse(Period.IsValid(text));
    }

    [TestMethod]
    public void Parse_OfNoPeriod_SaysWhatAPeriodLooksLike()
    {
        var error = Assert.ThrowsExactly<FormatException>(() => Period.Parse("2025-H3"));

        StringAssert.Contains(error.Message, "'2025-H3' is not a period such as 2025, 2025-H1, 2025-Q3 or 2025-06");
    }

    [TestMethod]
    public void TheSecondHalf_ComesAfterTheFirstQuarter_ThoughItsTextSortsBefore()
    {
        Assert.IsTrue(Period.Parse("2025-Q1") < Period.Parse("2025-H2"));
        Assert.IsTrue(string.CompareOrdinal("2025-H2", "2025-Q1") < 0, "the text alone sorts the other way");
    }

    [TestMethod]
    public void Periods_OrderByStart_ThenTheLongerFirst()
    {
        string[] chronological =
        [
            "2024-12", "2025", "2025-H1", "2025-Q1", "2025-01", "2025-02", "2025-03", "2025-Q2", "2025-04", "2025-05", "2025-06",
            "2025-H2", "2025-Q3", "2025-07", "2025-08", "2025-09", "2025-Q4", "2025-10", "2025-11", "2025-12", "2026",
        ];

        var shuffled = chronological.OrderBy(p => p.GetHashCode()).Reverse().ToArray();
        var sorted = shuffled.Select(Period.Parse).Order().Select(p => p.ToString()).ToArray();

        CollectionAssert.AreEqual(chronological, sorted);
        CollectionAssert.AreEqual(chronological, shuffled.Order(Period.TextComparer).ToArray());
    }

    [TestMethod]
    public void TheTextComparer_PutsTextThatIsNoPeriodLast()
    {
        var sorted = new[] { "not given", "2025-H2", "2025-Q1" }.Order(Period.TextComparer).ToArray();

        CollectionAssert.AreEqual(new[] { "2025-Q1", "2025-H2", "not given" }, sorted);
    }

    [TestMethod]
    public void EqualPeriods_AreEqual_AndDifferentOnesAreNot()
    {
        Assert.AreEqual(Period.Parse("2025-H1"), Period.Parse("2025-H1"));
        Assert.AreEqual(Period.Parse("2025-H1").GetHashCode(), Period.Parse("2025-H1").GetHashCode());
        Assert.AreNotEqual(Period.Parse("2025-H1"), Period.Parse("2025-Q1"));
        Assert.AreEqual(0, Period.Parse("2025").CompareTo(Period.Parse("2025")));
        Assert.IsTrue(Period.Parse("2025-Q1") != Period.Parse("2025-01"));
    }
}

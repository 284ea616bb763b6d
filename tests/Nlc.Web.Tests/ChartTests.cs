using System.Globalization;
using System.Xml.Linq;
using Nlc.Web.Charts;

namespace Nlc.Web.Tests;

/// <summary>The server-drawn SVG charts: well-formed, titled and described, values where they belong, lines told apart by more than colour.</summary>
[TestClass]
public sealed class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly ChartValue[] Pillars =
    [
        new("Communication", 40), new("Inclusivity", 60), new("Coordination", null),
        new("Trust", 100), new("Capacity building", 0), new("Sustainability", 80),
    ];

    [TestMethod]
    public void RadarChart_IsAnImageWithATitleAndATextAlternative()
    {
        var svg = XElement.Parse(RadarChart.Draw("radar", "Pillar scores", "Communication 40; Inclusivity 60", Pillars));

        Assert.AreEqual("img", (string?)svg.Attribute("role"));
        Assert.AreEqual("radar-title radar-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.AreEqual("Pillar scores", svg.Element(Svg + "title")?.Value);
        Assert.AreEqual("radar-title", (string?)svg.Element(Svg + "title")?.Attribute("id"));
        Assert.AreEqual("Communication 40; Inclusivity 60", svg.Element(Svg + "desc")?.Value);
        CollectionAssert.IsSubsetOf(Pillars.Select(p => p.Label).ToArray(), svg.Elements(Svg + "text").Select(t => t.Value).ToArray(), "every axis is labelled");
    }

    [TestMethod]
    public void RadarChart_MarksEachScoredValueOnItsAxis_AndNoneForAMissingScore()
    {
        var svg = XElement.Parse(RadarChart.Draw("radar", "t", "d", Pillars));

        var markers = svg.Elements(Svg + "circle").Select(c => ((double)c.Attribute("cx")!, (double)c.Attribute("cy")!)).ToArray();
        Assert.HasCount(5, markers, "Coordination has no score, so no marker");
        var (topX, topY) = RadarChart.At(0, 6, 100);
        var (centerX, centerY) = RadarChart.At(0, 6, 0);
        Assert.AreEqual(centerX, topX, 1e-9, "the first axis points straight up");
        var (x40, y40) = RadarChart.At(0, 6, 40);
        Assert.AreEqual(centerY + (topY - centerY) * 0.4, y40, 1e-9, "40 lies 40% of the way out");
        Assert.IsTrue(markers.Any(m => Math.Abs(m.Item1 - Math.Round(x40, 1)) < 0.06 && Math.Abs(m.Item2 - Math.Round(y40, 1)) < 0.06), "Communication's 40 is marked on its axis");
        var (x100, y100) = RadarChart.At(3, 6, 100);
        Assert.IsTrue(markers.Any(m => Math.Abs(m.Item1 - Math.Round(x100, 1)) < 0.06 && Math.Abs(m.Item2 - Math.Round(y100, 1)) < 0.06), "Trust's 100 is on the outer ring");
    }

    [TestMethod]
    public void RadarChart_EscapesTextItDoesNotControl()
    {
        var markup = RadarChart.Draw("radar", "A & B <script>", "x < y", [new("<b>one</b>", 10), new("two & three", 20), new("\"four\"", 30)]);

        var svg = XElement.Parse(markup);
        Assert.AreEqual("A & B <script>", svg.Element(Svg + "title")!.Value);
        Assert.IsFalse(svg.Descendants().Any(e => e.Name.LocalName is "b" or "script"), "no element comes from text");
        Assert.IsTrue(svg.Elements(Svg + "text").Any(t => t.Value == "<b>one</b>"));
    }

    [TestMethod]
    public void LineChart_BreaksTheLineWhereAPeriodHasNoScore()
    {
        var svg = XElement.Parse(LineChart.Draw("progress", "t", "d", ["2022", "2023", "2024", "2025"], [new LineSeries("Overall", [10, null, 30, 40])]));

        var lines = svg.Elements(Svg + "polyline").ToArray();
        Assert.HasCount(1, lines, "a lone value before the gap draws no line, only its marker");
        var points = ((string)lines[0].Attribute("points")!).Split(' ');
        Assert.HasCount(2, points);
        Assert.AreEqual(string.Create(CultureInfo.InvariantCulture, $"{LineChart.X(2, 4):0.#},{LineChart.Y(30):0.#}"), points[0], "the line starts at 2024's 30");
        Assert.HasCount(3 + 1, svg.Elements(Svg + "circle"), "three markers and the legend's");
    }

    [TestMethod]
    public void LineChart_TellsSeriesApartByDashAndMarkerShape_AndNamesThemInALegend()
    {
        var svg = XElement.Parse(LineChart.Draw("progress", "Scores by period", "d", ["2024", "2025"],
            [new LineSeries("Overall index", [40, 50]), new LineSeries("Trust", [20, 60])]));

        var lines = svg.Elements(Svg + "polyline").ToArray();
        Assert.HasCount(2, lines);
        Assert.IsNull(lines[0].Attribute("stroke-dasharray"), "the first series is solid");
        Assert.IsNotNull(lines[1].Attribute("stroke-dasharray"), "the second is dashed");
        Assert.HasCount(2 + 1, svg.Elements(Svg + "circle"), "the first series' markers are circles");
        Assert.HasCount(2 + 1, svg.Elements(Svg + "rect"), "the second series' markers are squares");
        CollectionAssert.IsSubsetOf(new[] { "Overall index", "Trust", "2024", "2025" }, svg.Elements(Svg + "text").Select(t => t.Value).ToArray());
        Assert.AreEqual("Scores by period", svg.Element(Svg + "title")!.Value);
    }

    [TestMethod]
    public void LineChart_DrawsHigherScoresHigher_AndKeepsThemInsideThePlot()
    {
        Assert.IsLessThan(LineChart.Y(0), LineChart.Y(100));
        Assert.AreEqual(LineChart.Y(100), LineChart.Y(140), "scores above 100 are drawn at 100");
        Assert.AreEqual(LineChart.Y(0), LineChart.Y(-5), "scores below 0 are drawn at 0");
        Assert.IsLessThan(LineChart.X(1, 3), LineChart.X(0, 3), "later periods lie further right");
    }
}

using System.Globalization;
using DocumentFormat.OpenXml;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Nlc.Excel.Xlsx;

/// <summary>A chart's category labels and the cells they come from.</summary>
internal sealed record ChartCategories(string Reference, IReadOnlyList<string> Labels);

/// <summary>One series: its name, the cells of its values and the values themselves (null is a gap), cached in the chart.</summary>
internal sealed record ChartSeries(string Name, string ValuesReference, IReadOnlyList<double?> Values)
{
    /// <summary>How the series is drawn; null for the look of its position (<see cref="ChartLook.Of"/>).</summary>
    public ChartLook? Look { get; init; }
}

/// <summary>
/// How one series is drawn: colour, marker, dash and line width (EMU). Series are told apart by all of them, so they
/// stay distinct for readers who cannot tell colours apart and in grey print.
/// </summary>
internal sealed record ChartLook(string Color, C.MarkerStyleValues Marker, A.PresetLineDashValues Dash, int Width = 28575)
{
    private static readonly ChartLook[] Distinct =
    [
        new("1F4E79", C.MarkerStyleValues.Circle, A.PresetLineDashValues.Solid),
        new("C55A11", C.MarkerStyleValues.Square, A.PresetLineDashValues.Solid),
        new("548235", C.MarkerStyleValues.Triangle, A.PresetLineDashValues.Dash),
        new("7030A0", C.MarkerStyleValues.Diamond, A.PresetLineDashValues.SystemDot),
        new("BF9000", C.MarkerStyleValues.X, A.PresetLineDashValues.LargeDash),
        new("A50021", C.MarkerStyleValues.Star, A.PresetLineDashValues.DashDot),
        new("00B0F0", C.MarkerStyleValues.Plus, A.PresetLineDashValues.Solid),
        new("7F7F7F", C.MarkerStyleValues.Circle, A.PresetLineDashValues.SystemDash),
    ];

    /// <summary>The thin grey dashed line of a peer quartile, behind the series that matter.</summary>
    public static ChartLook PeerBand { get; } = new("A6A6A6", C.MarkerStyleValues.None, A.PresetLineDashValues.Dash, 15875);

    /// <summary>The overall index: black, thick, solid.</summary>
    public static ChartLook Overall { get; } = new("000000", C.MarkerStyleValues.Circle, A.PresetLineDashValues.Solid, 44450);

    /// <summary>A target: a large red marker with no line, at the target period.</summary>
    public static ChartLook Target { get; } = new("FF0000", C.MarkerStyleValues.Star, A.PresetLineDashValues.Solid, 0);

    /// <summary>The look of the series at <paramref name="index"/>; the first eight differ in colour, marker and dash.</summary>
    public static ChartLook Of(int index) => Distinct[index % Distinct.Length];
}

/// <summary>
/// DrawingML charts (radar, line) over cells of the workbook, with every label and value cached in the chart part so
/// Excel, LibreOffice and viewers draw them without recalculating anything. Scores run on a fixed 0–100 axis.
/// </summary>
internal static class Charts
{
    public static C.ChartSpace Radar(string title, ChartCategories categories, IReadOnlyList<ChartSeries> series)
    {
        var chart = new C.RadarChart(new C.RadarStyle { Val = C.RadarStyleValues.Marker }, new C.VaryColors { Val = false });
        for (var i = 0; i < series.Count; i++)
        {
            chart.Append(new C.RadarChartSeries(
                new C.Index { Val = (uint)i },
                new C.Order { Val = (uint)i },
                SeriesText(series[i].Name),
                LineShape(series[i].Look ?? ChartLook.Of(i)),
                Marker(series[i].Look ?? ChartLook.Of(i)),
                CategoryData(categories),
                Values(series[i])));
        }

        chart.Append(new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
        return Space(title, chart, CategoryAxis(C.AxisPositionValues.Bottom), ValueAxis(C.AxisPositionValues.Left, C.TickMarkValues.Cross));
    }

    public static C.ChartSpace Line(string title, ChartCategories categories, IReadOnlyList<ChartSeries> series)
    {
        var chart = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
        for (var i = 0; i < series.Count; i++)
        {
            chart.Append(new C.LineChartSeries(
                new C.Index { Val = (uint)i },
                new C.Order { Val = (uint)i },
                SeriesText(series[i].Name),
                LineShape(series[i].Look ?? ChartLook.Of(i)),
                Marker(series[i].Look ?? ChartLook.Of(i)),
                CategoryData(categories),
                Values(series[i]),
                new C.Smooth { Val = false }));
        }

        chart.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
        return Space(title, chart, CategoryAxis(C.AxisPositionValues.Bottom), ValueAxis(C.AxisPositionValues.Left, C.TickMarkValues.Outside));
    }

    private static C.ChartSpace Space(string title, OpenXmlElement chart, C.CategoryAxis categoryAxis, C.ValueAxis valueAxis)
    {
        var space = new C.ChartSpace(
            new C.EditingLanguage { Val = "en-US" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.Title(
                    new C.ChartText(new C.RichText(
                        new A.BodyProperties(),
                        new A.ListStyle(),
                        new A.Paragraph(
                            new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 1400, Bold = true }),
                            new A.Run(new A.RunProperties { Language = "en-US", FontSize = 1400, Bold = true }, new A.Text(XmlText.Clean(title)))))),
                    new C.Overlay { Val = false }),
                new C.AutoTitleDeleted { Val = false },
                new C.PlotArea(new C.Layout(), chart, categoryAxis, valueAxis),
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));
        space.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return space;
    }

    private static C.SeriesText SeriesText(string name) => new(new C.NumericValue(XmlText.Clean(name)));

    private static C.ChartShapeProperties LineShape(ChartLook look) =>
        new(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = look.Color }), new A.PresetDash { Val = look.Dash }) { Width = look.Width });

    private static C.Marker Marker(ChartLook look) => look.Marker == C.MarkerStyleValues.None
        ? new(new C.Symbol { Val = C.MarkerStyleValues.None })
        : new(
            new C.Symbol { Val = look.Marker },
            new C.Size { Val = look.Width == 0 ? (byte)12 : (byte)7 },
            new C.ChartShapeProperties(
                new A.SolidFill(new A.RgbColorModelHex { Val = look.Color }),
                new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = look.Color }))));

    private static C.CategoryAxisData CategoryData(ChartCategories categories)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)categories.Labels.Count });
        for (var i = 0; i < categories.Labels.Count; i++)
        {
            cache.Append(new C.StringPoint(new C.NumericValue(XmlText.Clean(categories.Labels[i]))) { Index = (uint)i });
        }

        return new C.CategoryAxisData(new C.StringReference(new C.Formula(categories.Reference), cache));
    }

    private static C.Values Values(ChartSeries series)
    {
        var cache = new C.NumberingCache(new C.FormatCode("0.0"), new C.PointCount { Val = (uint)series.Values.Count });
        for (var i = 0; i < series.Values.Count; i++)
        {
            if (series.Values[i] is { } value)
            {
                cache.Append(new C.NumericPoint(new C.NumericValue(value.ToString("R", CultureInfo.InvariantCulture))) { Index = (uint)i });
            }
        }

        return new C.Values(new C.NumberReference(new C.Formula(series.ValuesReference), cache));
    }

    private static C.MajorGridlines Gridlines() =>
        new(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "BFBFBF" })) { Width = 9525 }));

    private static C.CategoryAxis CategoryAxis(C.AxisPositionValues position) =>
        new(
            new C.AxisId { Val = 1 },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = position },
            Gridlines(),
            new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
            new C.MajorTickMark { Val = C.TickMarkValues.None },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 2 },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
            new C.LabelOffset { Val = 100 },
            new C.NoMultiLevelLabels { Val = false });

    private static C.ValueAxis ValueAxis(C.AxisPositionValues position, C.TickMarkValues tickMarks) =>
        new(
            new C.AxisId { Val = 2 },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }, new C.MaxAxisValue { Val = 100 }, new C.MinAxisValue { Val = 0 }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = position },
            Gridlines(),
            new C.NumberingFormat { FormatCode = "0", SourceLinked = false },
            new C.MajorTickMark { Val = tickMarks },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 1 },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between },
            new C.MajorUnit { Val = 25 });
}

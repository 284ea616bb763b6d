using System.Text;

namespace Nlc.Web.Charts;

/// <summary>
/// A radar chart of scores on 0–100, drawn as SVG on the server: one axis per value, rings every 20 points, the values
/// joined as a polygon with a marked point on each axis. It carries a title and a text alternative naming each value, so
/// it says the same without its shapes; the page puts the numbers in a table beside it as well.
/// </summary>
public static class RadarChart
{
    private const double Width = 560;
    private const double Height = 400;
    private const double CenterX = Width / 2;
    private const double CenterY = Height / 2;
    private const double Radius = 120;

    /// <summary>The SVG markup for <paramref name="values"/> (at least three), titled <paramref name="title"/> and described by <paramref name="description"/>; <paramref name="id"/> makes its element ids unique on the page.</summary>
    public static string Draw(string id, string title, string description, IReadOnlyList<ChartValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 3)
        {
            throw new ArgumentException("A radar chart needs at least three axes.", nameof(values));
        }

        var svg = new StringBuilder();
        svg.Append($"""<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-radar" viewBox="0 0 {Svg.N(Width)} {Svg.N(Height)}" role="img" aria-labelledby="{id}-title {id}-desc">""");
        svg.Append($"""<title id="{id}-title">{Svg.Text(title)}</title><desc id="{id}-desc">{Svg.Text(description)}</desc>""");
        for (var ring = 20; ring <= 100; ring += 20)
        {
            var points = string.Join(' ', Enumerable.Range(0, values.Count).Select(i => Point(i, values.Count, ring)));
            svg.Append($"""<polygon points="{points}" fill="none" stroke="#b1b4b6" stroke-width="1"/>""");
            var (_, labelY) = At(0, values.Count, ring);
            svg.Append($"""<text x="{Svg.N(CenterX + 4)}" y="{Svg.N(labelY + 12)}" font-size="13" fill="#505a5f">{ring}</text>""");
        }

        for (var i = 0; i < values.Count; i++)
        {
            var (x, y) = At(i, values.Count, 100);
            svg.Append($"""<line x1="{Svg.N(CenterX)}" y1="{Svg.N(CenterY)}" x2="{Svg.N(x)}" y2="{Svg.N(y)}" stroke="#b1b4b6" stroke-width="1"/>""");
            var (lx, ly) = At(i, values.Count, 110);
            var anchor = Math.Abs(lx - CenterX) < 1 ? "middle" : lx < CenterX ? "end" : "start";
            var dy = ly < CenterY - 1 ? -6 : ly > CenterY + 1 ? 18 : 6;
            svg.Append($"""<text x="{Svg.N(lx)}" y="{Svg.N(ly + dy)}" text-anchor="{anchor}" font-size="18" fill="#0b0c0c">{Svg.Text(values[i].Label)}</text>""");
        }

        var shape = string.Join(' ', values.Select((v, i) => Point(i, values.Count, v.Value ?? 0)));
        svg.Append($"""<polygon points="{shape}" fill="#1d70b8" fill-opacity="0.25" stroke="#1d70b8" stroke-width="3"/>""");
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Value is { } value)
            {
                var (x, y) = At(i, values.Count, value);
                svg.Append($"""<circle cx="{Svg.N(x)}" cy="{Svg.N(y)}" r="5" fill="#0b0c0c"/>""");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Where value <paramref name="value"/> (0–100) lies on axis <paramref name="index"/> of <paramref name="count"/>, the first axis pointing up.</summary>
    public static (double X, double Y) At(int index, int count, double value)
    {
        var angle = 2 * Math.PI * index / count - Math.PI / 2;
        var r = Radius * Math.Clamp(value, 0, 100) / 100;
        return (CenterX + r * Math.Cos(angle), CenterY + r * Math.Sin(angle));
    }

    private static string Point(int index, int count, double value)
    {
        var (x, y) = At(index, count, value);
        return $"{Svg.N(x)},{Svg.N(y)}";
    }
}

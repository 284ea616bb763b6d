using System.Text;

namespace Nlc.Web.Charts;

/// <summary>
/// A line chart of scores on 0–100 over categories (periods), drawn as SVG on the server. Lines are told apart by dash
/// pattern and marker shape as well as colour, and named in a legend, so no information rests on colour alone; a title
/// and a text alternative come with it, and the page shows the numbers in a table. The first series (the overall index)
/// is drawn thicker.
/// </summary>
public static class LineChart
{
    private const double Width = 560;
    private const double Left = 44;
    private const double Right = 20;
    private const double Top = 16;
    private const double PlotHeight = 240;
    private const double LegendRow = 22;

    private static readonly string[] Colours = ["#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#5694ca", "#912b88"];
    private static readonly string[] Dashes = ["", "8 4", "2 4", "12 4 2 4", "4 4", "16 6", "2 2"];

    /// <summary>The SVG markup for <paramref name="series"/> over <paramref name="categories"/>, titled and described; <paramref name="id"/> makes its element ids unique on the page.</summary>
    public static string Draw(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<LineSeries> series)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        var height = Top + PlotHeight + 36 + LegendRow * series.Count;
        var svg = new StringBuilder();
        svg.Append($"""<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-line" viewBox="0 0 {Svg.N(Width)} {Svg.N(height)}" role="img" aria-labelledby="{id}-title {id}-desc">""");
        svg.Append($"""<title id="{id}-title">{Svg.Text(title)}</title><desc id="{id}-desc">{Svg.Text(description)}</desc>""");
        for (var tick = 0; tick <= 100; tick += 20)
        {
            var y = Y(tick);
            svg.Append($"""<line x1="{Svg.N(Left)}" y1="{Svg.N(y)}" x2="{Svg.N(Width - Right)}" y2="{Svg.N(y)}" stroke="#b1b4b6" stroke-width="1"/>""");
            svg.Append($"""<text x="{Svg.N(Left - 6)}" y="{Svg.N(y + 4)}" text-anchor="end" font-size="12" fill="#0b0c0c">{tick}</text>""");
        }

        for (var c = 0; c < categories.Count; c++)
        {
            svg.Append($"""<text x="{Svg.N(X(c, categories.Count))}" y="{Svg.N(Top + PlotHeight + 20)}" text-anchor="middle" font-size="12" fill="#0b0c0c">{Svg.Text(categories[c])}</text>""");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var (colour, dash) = (Colours[s % Colours.Length], Dashes[s % Dashes.Length]);
            var dashAttribute = dash.Length == 0 ? "" : $""" stroke-dasharray="{dash}" """.TrimEnd();
            foreach (var run in Runs(series[s].Values))
            {
                var points = string.Join(' ', run.Select(c => $"{Svg.N(X(c, categories.Count))},{Svg.N(Y(series[s].Values[c]!.Value))}"));
                svg.Append($"""<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="{(s == 0 ? 5 : 3)}"{dashAttribute}/>""");
            }

            for (var c = 0; c < series[s].Values.Count && c < categories.Count; c++)
            {
                if (series[s].Values[c] is { } value)
                {
                    svg.Append(Marker(s, X(c, categories.Count), Y(value), colour));
                }
            }

            var legendY = Top + PlotHeight + 36 + LegendRow * s + 8;
            svg.Append($"""<line x1="{Svg.N(Left)}" y1="{Svg.N(legendY)}" x2="{Svg.N(Left + 36)}" y2="{Svg.N(legendY)}" stroke="{colour}" stroke-width="3"{dashAttribute}/>""");
            svg.Append(Marker(s, Left + 18, legendY, colour));
            svg.Append($"""<text x="{Svg.N(Left + 46)}" y="{Svg.N(legendY + 5)}" font-size="13" fill="#0b0c0c">{Svg.Text(series[s].Name)}</text>""");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The x of category <paramref name="index"/> of <paramref name="count"/>; a single category sits in the middle.</summary>
    public static double X(int index, int count) =>
        count <= 1 ? (Left + Width - Right) / 2 : Left + 20 + (Width - Right - Left - 40) * index / (count - 1);

    /// <summary>The y of score <paramref name="value"/> (0 at the bottom of the plot, 100 at its top).</summary>
    public static double Y(double value) => Top + PlotHeight * (1 - Math.Clamp(value, 0, 100) / 100);

    /// <summary>Runs of consecutive categories that have a value; a missing value breaks the line.</summary>
    private static IEnumerable<int[]> Runs(IReadOnlyList<double?> values)
    {
        var run = new List<int>();
        for (var c = 0; c <= values.Count; c++)
        {
            if (c < values.Count && values[c] is not null)
            {
                run.Add(c);
                continue;
            }

            if (run.Count > 1)
            {
                yield return run.ToArray();
            }

            run.Clear();
        }
    }

    /// <summary>A marker whose shape depends on the series (circle, square, triangle, diamond), so lines differ in more than colour.</summary>
    private static string Marker(int series, double x, double y, string colour) => (series % 4) switch
    {
        0 => $"""<circle cx="{Svg.N(x)}" cy="{Svg.N(y)}" r="5" fill="{colour}"/>""",
        1 => $"""<rect x="{Svg.N(x - 5)}" y="{Svg.N(y - 5)}" width="10" height="10" fill="{colour}"/>""",
        2 => $"""<polygon points="{Svg.N(x)},{Svg.N(y - 6)} {Svg.N(x + 6)},{Svg.N(y + 5)} {Svg.N(x - 6)},{Svg.N(y + 5)}" fill="{colour}"/>""",
        _ => $"""<polygon points="{Svg.N(x)},{Svg.N(y - 6)} {Svg.N(x + 6)},{Svg.N(y)} {Svg.N(x)},{Svg.N(y + 6)} {Svg.N(x - 6)},{Svg.N(y)}" fill="{colour}"/>""",
    };
}

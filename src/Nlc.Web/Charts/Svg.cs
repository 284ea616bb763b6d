using System.Globalization;
using System.Net;

namespace Nlc.Web.Charts;

/// <summary>Small helpers for writing SVG text: numbers in invariant culture, text escaped.</summary>
internal static class Svg
{
    /// <summary>A coordinate with one decimal, invariant culture.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Text escaped for an element or attribute.</summary>
    public static string Text(string text) => WebUtility.HtmlEncode(text);
}

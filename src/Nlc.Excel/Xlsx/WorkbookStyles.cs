using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Nlc.Excel.Xlsx;

/// <summary>The one stylesheet every workbook here uses; the constants are indices into its cell formats.</summary>
internal static class WorkbookStyles
{
    public const uint Default = 0;
    public const uint Title = 1;
    public const uint Heading = 2;
    public const uint Body = 3;
    public const uint Header = 4;
    public const uint Cell = 5;
    public const uint CellBand = 6;
    public const uint Answer = 7;
    public const uint Score = 8;
    public const uint Percent = 9;
    public const uint Integer = 10;
    public const uint Label = 11;
    public const uint Small = 12;
    public const uint BigScore = 13;
    public const uint CellBold = 14;
    public const uint CellBoldBand = 15;
    public const uint Change = 16;
    public const uint Gain = 17;

    /// <summary>Bold on yellow: a warning the reader must see, e.g. that results are a draft.</summary>
    public const uint Notice = 18;

    /// <summary>Bold, wrapped: a plain statement, e.g. the status of validated results.</summary>
    public const uint Statement = 19;

    /// <summary>The smallest font size any style uses, in points; with the print scale it gives the smallest printed text.</summary>
    public const double SmallestFontSize = 10;

    private const uint ScoreFormat = 164;
    private const uint ChangeFormat = 165;

    /// <summary>Whether text in a cell of this style wraps (and so makes its row taller).</summary>
    public static bool Wraps(uint style) => style is Body or Header or Cell or CellBand or Answer or CellBold or CellBoldBand or Notice or Statement;

    /// <summary>The font size of body text, in points.</summary>
    public const double DefaultFontSize = 11;

    /// <summary>The font size of a style, in points.</summary>
    public static double FontSize(uint style) => style switch
    {
        Title => 16,
        BigScore => 14,
        Heading => 12,
        Small => SmallestFontSize,
        _ => DefaultFontSize,
    };

    /// <summary>The height a row needs for a larger font of this style; 0 for the default.</summary>
    public static double MinHeight(uint style) => style switch
    {
        Title => 24,
        BigScore => 21,
        Heading => 18,
        _ => 0,
    };

    public static Stylesheet Create()
    {
        var fonts = new Fonts(
            Font(DefaultFontSize, bold: false),
            Font(DefaultFontSize, bold: true),
            Font(16, bold: true),
            Font(12, bold: true),
            Font(SmallestFontSize, bold: false, italic: true, color: "FF595959"),
            Font(14, bold: true));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9E1F2"),
            Solid("FFF2F2F2"),
            Solid("FFFFF2CC"));
        var thin = "FFBFBFBF";
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Side<LeftBorder>(thin), Side<RightBorder>(thin), Side<TopBorder>(thin), Side<BottomBorder>(thin), new DiagonalBorder()));

        // Index order must match the constants above.
        var formats = new CellFormats(
            Format(font: 0),
            Format(font: 2),
            Format(font: 3),
            Format(font: 0, wrap: true),
            Format(font: 1, fill: 2, border: 1, wrap: true),
            Format(font: 0, border: 1, wrap: true),
            Format(font: 0, fill: 3, border: 1, wrap: true),
            Format(font: 0, fill: 4, border: 1, wrap: true, numberFormat: 49, locked: false),
            Format(font: 0, border: 1, numberFormat: ScoreFormat),
            Format(font: 0, border: 1, numberFormat: 9),
            Format(font: 0, border: 1, numberFormat: 1),
            Format(font: 1),
            Format(font: 4),
            Format(font: 5, numberFormat: ScoreFormat),
            Format(font: 1, border: 1, wrap: true),
            Format(font: 1, fill: 3, border: 1, wrap: true),
            Format(font: 0, border: 1, numberFormat: ChangeFormat),
            Format(font: 0, border: 1, numberFormat: 2),
            Format(font: 1, fill: 4, border: 1, wrap: true),
            Format(font: 1, wrap: true));

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = ScoreFormat, FormatCode = "0.0" },
                new NumberingFormat { NumberFormatId = ChangeFormat, FormatCode = "+0.0;-0.0;0.0" })
            { Count = 2 },
            fonts.WithCount(),
            fills.WithCount(),
            borders.WithCount(),
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            formats.WithCount(),
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 },
            new DifferentialFormats { Count = 0 });
    }

    private static Font Font(double size, bool bold, bool italic = false, string color = "FF000000")
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        if (italic)
        {
            font.Append(new Italic());
        }

        font.Append(new FontSize { Val = size }, new Color { Rgb = color }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static T Side<T>(string argb)
        where T : BorderPropertiesType, new() =>
        new() { Style = BorderStyleValues.Thin, Color = new Color { Rgb = argb } };

    private static CellFormat Format(uint font, uint fill = 0, uint border = 0, bool wrap = false, uint numberFormat = 0, bool locked = true)
    {
        var format = new CellFormat
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = fill,
            BorderId = border,
            FormatId = 0,
            ApplyFont = font != 0 ? true : null,
            ApplyFill = fill != 0 ? true : null,
            ApplyBorder = border != 0 ? true : null,
            ApplyNumberFormat = numberFormat != 0 ? true : null,
            ApplyAlignment = true,
        };
        format.Append(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = wrap ? true : null });
        if (!locked)
        {
            format.ApplyProtection = true;
            format.Append(new Protection { Locked = false });
        }

        return format;
    }

    private static T WithCount<T>(this T list)
        where T : OpenXmlCompositeElement
    {
        list.SetAttribute(new OpenXmlAttribute("count", "", list.ChildElements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return list;
    }
}

using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Core.Text;

namespace Nlc.Excel.Xlsx;

/// <summary>
/// Collects one sheet's cells and settings, then builds its worksheet XML in schema order. Every text becomes an inline
/// string cell and every number a value: nothing written here is ever a formula, and every text goes through
/// <see cref="FormulaGuard.Protect"/>, so none is taken for one when the workbook is saved as CSV either.
/// </summary>
internal sealed class SheetBuilder(string name)
{
    private const double DefaultWidth = 8.43;
    private const double LineHeight = 14.4;
    private const double MarginInches = 0.5;

    // A column's width in pixels at 96 dpi per character of width: Excel gives 7 plus 5 of padding for 11 pt Calibri;
    // LibreOffice (with Carlito for Calibri) lays columns out up to 7.6 a character, so the larger is assumed.
    private const double PixelsPerCharacter = 7.6;

    private readonly SortedDictionary<int, SortedDictionary<int, Cell>> _rows = [];
    private readonly SortedDictionary<int, double> _widths = [];
    private readonly List<OpenXmlElement> _afterAutoFilter = [];
    private readonly Dictionary<int, int> _linesOfRow = [];
    private readonly Dictionary<int, double> _minHeightOfRow = [];
    private readonly List<string> _merges = [];
    private readonly HashSet<int> _hiddenRows = [];

    public string Name { get; } = name;

    /// <summary>Rows 1..FrozenRows and columns before FrozenColumns stay in view when scrolling.</summary>
    public int FrozenRows { get; set; }

    public int FrozenColumns { get; set; }

    /// <summary>Makes a protected (no password) sheet: only cells with an unlocked style can be edited.</summary>
    public bool Protected { get; set; }

    /// <summary>The header row repeated at the top of every printed page; 0 for none. Every sheet prints fitted to the page width.</summary>
    public int PrintTitleRow { get; set; }

    /// <summary>The smallest text size on paper, in points: below it, a sheet is not fitted to the page width.</summary>
    public const double MinimumPrintedFontSize = 9;

    /// <summary>The last column a chart covers, so the print width includes it; -1 for none.</summary>
    public int LastChartColumn { get; set; } = -1;

    /// <summary>A manual page break before this row (e.g. so a chart starts on a page of its own); 0 for none.</summary>
    public int PageBreakBeforeRow { get; set; }

    public bool Landscape { get; set; } = true;

    /// <summary>Hidden from the tab bar.</summary>
    public bool Hidden { get; set; }

    /// <summary>The range of an autofilter, e.g. "A4:T30"; null for none.</summary>
    public string? AutoFilter { get; set; }

    /// <summary>The relationship id of the drawing holding this sheet's charts, once added.</summary>
    public string? DrawingId { get; set; }

    public void Width(int column, double width) => _widths[column] = width;

    /// <summary>Hides <paramref name="row"/>, e.g. a row of keys a reader finds columns by.</summary>
    public void HideRow(int row) => _hiddenRows.Add(row);

    /// <summary>The page footer's right part, with Excel's codes for the page number (&amp;P) and count (&amp;N).</summary>
    public string PageFooter { get; set; } = "Page &P of &N";

    public void Text(int column, int row, string? text, uint style = WorkbookStyles.Default) =>
        WriteText(column, row, text, style, _widths.GetValueOrDefault(column, DefaultWidth), 1.1);

    private void WriteText(int column, int row, string? text, uint style, double width, double charactersPerWidth)
    {
        var cell = NewCell(column, row, style);
        if (!string.IsNullOrEmpty(text))
        {
            var value = FormulaGuard.Protect(text);
            value = value.Length > XmlText.MaxCellCharacters ? value[..XmlText.MaxCellCharacters] : value;
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new Text(XmlText.Escape(value)) { Space = SpaceProcessingModeValues.Preserve });
            if (WorkbookStyles.Wraps(style))
            {
                var lines = Lines(value, width, charactersPerWidth);
                _linesOfRow[row] = Math.Max(lines, _linesOfRow.GetValueOrDefault(row, 1));
            }
        }
    }

    /// <summary>
    /// A text spread over the cells from <paramref name="column"/> to <paramref name="lastColumn"/> (merged), wrapping within
    /// them, so a long sentence stays inside its block instead of running over a chart beside it.
    /// </summary>
    public void TextAcross(int column, int lastColumn, int row, string? text, uint style = WorkbookStyles.Body)
    {
        // Across several columns the generous estimate of one column would leave lines of space; 1.2 letters a unit is still safe for Calibri.
        WriteText(column, row, text, style, Enumerable.Range(column, lastColumn - column + 1).Sum(c => _widths.GetValueOrDefault(c, DefaultWidth)), 1.2);
        for (var c = column + 1; c <= lastColumn; c++)
        {
            NewCell(c, row, style);
        }

        if (lastColumn > column)
        {
            _merges.Add($"{CellReference.Of(column, row)}:{CellReference.Of(lastColumn, row)}");
        }
    }

    /// <summary>A number cell; null leaves the cell empty (styled), because an absent score is not zero.</summary>
    public void Number(int column, int row, double? value, uint style)
    {
        var cell = NewCell(column, row, style);
        if (value is { } number && double.IsFinite(number))
        {
            cell.CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Conditional formats and data validations, in the order the schema wants them after the autofilter.</summary>
    public void Add(OpenXmlElement element) => _afterAutoFilter.Add(element);

    public Worksheet Build()
    {
        var worksheet = new Worksheet();
        worksheet.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        var fitted = PrintsFittedToWidth();
        worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = fitted }));

        worksheet.Append(new SheetViews(BuildView()));
        if (_widths.Count > 0)
        {
            worksheet.Append(new Columns(_widths.Select(w => new Column
            {
                Min = (uint)(w.Key + 1),
                Max = (uint)(w.Key + 1),
                Width = w.Value,
                CustomWidth = true,
            })));
        }

        var sheetData = new SheetData();
        foreach (var (row, cells) in _rows)
        {
            var element = new Row(cells.Values) { RowIndex = (uint)row, Hidden = _hiddenRows.Contains(row) ? true : null };
            var height = Math.Max(
                _linesOfRow.TryGetValue(row, out var lines) && lines > 1 ? (lines * LineHeight) + 3 : 0,
                _minHeightOfRow.GetValueOrDefault(row));
            if (height > 0)
            {
                element.Height = Math.Min(409, height);
            }

            sheetData.Append(element);
        }

        worksheet.Append(sheetData);
        if (Protected)
        {
            worksheet.Append(new SheetProtection
            {
                Sheet = true,
                Objects = true,
                Scenarios = true,
                FormatColumns = false,
                FormatRows = false,
                SelectLockedCells = false,
                SelectUnlockedCells = false,
            });
        }

        if (AutoFilter is not null)
        {
            worksheet.Append(new AutoFilter { Reference = AutoFilter });
        }

        if (_merges.Count > 0)
        {
            worksheet.Append(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)_merges.Count });
        }

        worksheet.Append(_afterAutoFilter);
        worksheet.Append(new PageMargins { Left = MarginInches, Right = MarginInches, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup
        {
            PaperSize = 9,
            Orientation = Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = fitted ? 1U : null,
            FitToHeight = fitted ? 0U : null,
        });
        worksheet.Append(new HeaderFooter(new OddFooter($"&L{Name}&R{PageFooter}")));
        if (PageBreakBeforeRow > 1)
        {
            worksheet.Append(new RowBreaks(new Break { Id = (uint)(PageBreakBeforeRow - 1), Max = 16383, ManualPageBreak = true }) { Count = 1, ManualBreakCount = 1 });
        }
        if (DrawingId is not null)
        {
            worksheet.Append(new Drawing { Id = DrawingId });
        }

        return worksheet;
    }

    /// <summary>
    /// Whether the sheet prints fitted to the page width (rows running on over as many pages as they need): only when its
    /// smallest text still prints at <see cref="MinimumPrintedFontSize"/> or more. A wider sheet prints at full size over
    /// several pages across, with its frozen columns repeated on each.
    /// </summary>
    public bool PrintsFittedToWidth()
    {
        var sizes = _rows.Values.SelectMany(cells => cells.Values).Select(c => WorkbookStyles.FontSize(c.StyleIndex?.Value ?? WorkbookStyles.Default));
        var smallest = sizes.DefaultIfEmpty(WorkbookStyles.DefaultFontSize).Min();
        return FitScale() * smallest >= MinimumPrintedFontSize;
    }

    /// <summary>The scale fitting the used columns (and charts) to the width of an A4 page inside the margins, at most 1.</summary>
    public double FitScale()
    {
        var lastColumn = Math.Max(LastChartColumn, _rows.Values.Where(cells => cells.Count > 0).Select(cells => cells.Keys.Max()).DefaultIfEmpty(0).Max());
        var pixels = Enumerable.Range(0, lastColumn + 1).Sum(c => _widths.GetValueOrDefault(c, DefaultWidth) * PixelsPerCharacter);
        var printable = (((Landscape ? 297 : 210) / 25.4) - (2 * MarginInches)) * 96;
        return Math.Min(1, printable / pixels);
    }

    private SheetView BuildView()
    {
        var view = new SheetView { WorkbookViewId = 0 };
        if (FrozenRows == 0 && FrozenColumns == 0)
        {
            return view;
        }

        var topLeft = CellReference.Of(FrozenColumns, FrozenRows + 1);
        var pane = new Pane
        {
            TopLeftCell = topLeft,
            State = PaneStateValues.Frozen,
            ActivePane = FrozenColumns > 0 && FrozenRows > 0 ? PaneValues.BottomRight : FrozenRows > 0 ? PaneValues.BottomLeft : PaneValues.TopRight,
        };
        if (FrozenColumns > 0)
        {
            pane.HorizontalSplit = FrozenColumns;
        }

        if (FrozenRows > 0)
        {
            pane.VerticalSplit = FrozenRows;
        }

        view.Append(pane, new Selection { Pane = pane.ActivePane, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        return view;
    }

    private Cell NewCell(int column, int row, uint style)
    {
        if (!_rows.TryGetValue(row, out var cells))
        {
            _rows[row] = cells = [];
        }

        if (WorkbookStyles.MinHeight(style) is > 0 and var minHeight)
        {
            _minHeightOfRow[row] = Math.Max(minHeight, _minHeightOfRow.GetValueOrDefault(row));
        }

        var cell = new Cell { CellReference = CellReference.Of(column, row), StyleIndex = style == WorkbookStyles.Default ? null : style };
        cells[column] = cell;
        return cell;
    }

    /// <summary>
    /// The lines wrapped text takes in a column, estimated generously: row heights are written out because LibreOffice
    /// does not fit rows to wrapped text when it opens a file, and Excel re-fits them anyway once a cell is edited.
    /// </summary>
    private static int Lines(string text, double width, double charactersPerWidth)
    {
        var perLine = Math.Max(1, (int)(width * charactersPerWidth));
        var lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            lines += Math.Max(1, (paragraph.Length + perLine - 1) / perLine);
        }

        return lines;
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Nlc.Excel.Xlsx;

/// <summary>Puts sheets, their charts, print titles and protection into one .xlsx package.</summary>
internal sealed class WorkbookBuilder
{
    private readonly List<SheetBuilder> _sheets = [];
    private readonly Dictionary<SheetBuilder, List<(C.ChartSpace Chart, ChartAnchor Anchor)>> _charts = [];

    /// <summary>Keeps sheets from being renamed, moved, added, deleted or unhidden (no password: it guards against slips, not people).</summary>
    public bool LockStructure { get; set; }

    public string? Title { get; set; }

    /// <summary>The language of the page footers ("Page 1 of 3").</summary>
    public string Language { get; init; } = Core.Languages.SupportedLanguages.English;

    public SheetBuilder AddSheet(string name)
    {
        var sheet = new SheetBuilder(name) { PageFooter = ExcelText.Get("PageFooter", Language) };
        _sheets.Add(sheet);
        return sheet;
    }

    public void AddChart(SheetBuilder sheet, C.ChartSpace chart, ChartAnchor anchor)
    {
        if (!_charts.TryGetValue(sheet, out var charts))
        {
            _charts[sheet] = charts = [];
        }

        charts.Add((chart, anchor));
        sheet.LastChartColumn = Math.Max(sheet.LastChartColumn, anchor.ToColumn - 1);
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Creator = "NLC Self-Assessment Toolkit";
            document.PackageProperties.Title = Title is null ? null : XmlText.Clean(Title);
            var workbookPart = document.AddWorkbookPart();
            // Fixed relationship ids: the same input gives the same XML, in any culture and on any run.
            workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = WorkbookStyles.Create();
            var sheets = new Sheets();
            var definedNames = new DefinedNames();
            var chartNumber = 0;
            for (var index = 0; index < _sheets.Count; index++)
            {
                var sheet = _sheets[index];
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>($"rIdSheet{index + 1}");
                if (_charts.TryGetValue(sheet, out var charts))
                {
                    var drawingsPart = worksheetPart.AddNewPart<DrawingsPart>("rIdDrawing");
                    var drawing = new Xdr.WorksheetDrawing();
                    drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
                    drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
                    foreach (var (chart, anchor) in charts)
                    {
                        var chartPart = drawingsPart.AddNewPart<ChartPart>($"rIdChart{chartNumber + 1}");
                        chartPart.ChartSpace = chart;
                        drawing.Append(Anchor(anchor, drawingsPart.GetIdOfPart(chartPart), ++chartNumber));
                    }

                    drawingsPart.WorksheetDrawing = drawing;
                    sheet.DrawingId = worksheetPart.GetIdOfPart(drawingsPart);
                }

                worksheetPart.Worksheet = sheet.Build();
                sheets.Append(new Sheet
                {
                    Name = sheet.Name,
                    SheetId = (uint)(index + 1),
                    Id = workbookPart.GetIdOfPart(worksheetPart),
                    State = sheet.Hidden ? SheetStateValues.Hidden : null,
                });
                if (sheet.AutoFilter is not null)
                {
                    definedNames.Append(new DefinedName($"'{Quote(sheet.Name)}'!{Absolute(sheet.AutoFilter)}")
                    {
                        Name = "_xlnm._FilterDatabase",
                        LocalSheetId = (uint)index,
                        Hidden = true,
                    });
                }

                var titleColumns = sheet.PrintsFittedToWidth() ? 0 : sheet.FrozenColumns;
                if (sheet.PrintTitleRow > 0 || titleColumns > 0)
                {
                    var titles = new List<string>();
                    if (titleColumns > 0)
                    {
                        titles.Add($"'{Quote(sheet.Name)}'!$A:${CellReference.Column(titleColumns - 1)}");
                    }

                    if (sheet.PrintTitleRow > 0)
                    {
                        titles.Add($"'{Quote(sheet.Name)}'!${sheet.PrintTitleRow}:${sheet.PrintTitleRow}");
                    }

                    definedNames.Append(new DefinedName(string.Join(',', titles))
                    {
                        Name = "_xlnm.Print_Titles",
                        LocalSheetId = (uint)index,
                    });
                }
            }

            var workbook = new Workbook();
            workbook.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
            if (LockStructure)
            {
                workbook.Append(new WorkbookProtection { LockStructure = true });
            }

            workbook.Append(new BookViews(new WorkbookView { ActiveTab = 0, FirstSheet = 0 }), sheets);
            if (definedNames.HasChildren)
            {
                workbook.Append(definedNames);
            }

            workbookPart.Workbook = workbook;
        }

        return stream.ToArray();
    }

    private static string Quote(string sheet) => sheet.Replace("'", "''", StringComparison.Ordinal);

    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(r => CellReference.TryParse(r, out var c, out var row) ? $"${CellReference.Column(c)}${row}" : r));

    private static Xdr.TwoCellAnchor Anchor(ChartAnchor anchor, string chartId, int number) =>
        new(
            new Xdr.FromMarker(
                new Xdr.ColumnId(anchor.FromColumn.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Xdr.ColumnOffset("0"),
                new Xdr.RowId(anchor.FromRow.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Xdr.RowOffset("0")),
            new Xdr.ToMarker(
                new Xdr.ColumnId(anchor.ToColumn.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Xdr.ColumnOffset("0"),
                new Xdr.RowId(anchor.ToRow.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Xdr.RowOffset("0")),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(
                    new Xdr.NonVisualDrawingProperties { Id = (uint)(number + 1), Name = $"Chart {number}" },
                    new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartId })
                {
                    Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
                }))
            { Macro = "" },
            new Xdr.ClientData())
        { EditAs = Xdr.EditAsValues.OneCell };
}

/// <summary>Where a chart sits: from the top-left corner of one cell to the top-left corner of another (0-based).</summary>
internal readonly record struct ChartAnchor(int FromColumn, int FromRow, int ToColumn, int ToRow);

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.Import;

/// <summary>Streams a worksheet row by row (SAX), with every non-empty cell read as stored; refuses sheets over the row limit.</summary>
internal static class SheetRows
{
    /// <summary>The shared strings of the workbook, read once (SAX), escapes undone.</summary>
    public static IReadOnlyList<string> SharedStrings(WorkbookPart workbook)
    {
        var part = workbook.SharedStringTablePart;
        if (part is null)
        {
            return [];
        }

        var strings = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                strings.Add(CellContent.TextOf(reader.LoadCurrentElement()!));
            }
        }

        return strings;
    }

    /// <summary>The worksheet part of the sheet named <paramref name="name"/> (ignoring case, as Excel does), or null.</summary>
    public static WorksheetPart? Find(WorkbookPart workbook, string name)
    {
        var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>()
            .FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return sheet?.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) ? part as WorksheetPart : null;
    }

    /// <summary>Every row that has a cell with something in it, with those cells in column order.</summary>
    public static IEnumerable<(int Row, List<CellContent> Cells)> Read(
        WorksheetPart part, string sheetName, IReadOnlyList<string> sharedStrings, WorkbookReadLimits limits)
    {
        using var reader = OpenXmlReader.Create(part);
        var rows = 0;
        var previousRow = 0;
        while (reader.Read())
        {
            if (!reader.IsStartElement || reader.ElementType != typeof(Row))
            {
                continue;
            }

            if (++rows > limits.MaxRows)
            {
                throw new WorkbookRejectedException([new WorkbookProblem(sheetName, null, $"the sheet has more than {limits.MaxRows} rows; it is refused")]);
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var rowIndex = row.RowIndex?.Value is { } r and > 0 and <= 1_048_576 ? (int)r : previousRow + 1;
            previousRow = rowIndex;
            var cells = new List<CellContent>();
            var previousColumn = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = CellReference.TryParse(cell.CellReference?.Value, out var c, out _) ? c : previousColumn + 1;
                previousColumn = column;
                var content = CellContent.Read(cell, column, rowIndex, sharedStrings);
                if (content.Kind != CellKind.Empty || content.Formula is not null)
                {
                    cells.Add(content);
                }
            }

            if (cells.Count > 0)
            {
                yield return (rowIndex, cells);
            }
        }
    }
}

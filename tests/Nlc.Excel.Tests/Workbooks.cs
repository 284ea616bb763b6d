using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Nlc.Excel.Tests;

/// <summary>How a test types a value into a cell, as the different spreadsheet programs store it.</summary>
internal enum Shape
{
    SharedString,
    InlineString,
    Number,
    Formula,
}

/// <summary>One cell typed into a written workbook: in the row of an indicator, in the column with that header.</summary>
internal sealed record CellEdit(string IndicatorId, string Header, string Value, Shape Shape = Shape.SharedString);

/// <summary>Looks inside workbooks (validation, part XML, cells) and fills them in with the Open XML SDK as a user would.</summary>
internal static class Workbooks
{
    /// <summary>Every OpenXmlValidator error, against the oldest (Office 2007) and the newest schema.</summary>
    public static IReadOnlyList<string> ValidationErrors(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        return new[] { FileFormatVersions.Office2007, FileFormatVersions.Microsoft365 }
            .SelectMany(version => new OpenXmlValidator(version).Validate(document)
                .Select(e => $"{version} {e.Part?.Uri} {e.Path?.XPath}: {e.Description}"))
            .ToArray();
    }

    /// <summary>Every entry of the zip archive as text, by name.</summary>
    public static Dictionary<string, string> Entries(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }

    /// <summary>Opens a copy for reading with the SDK.</summary>
    public static SpreadsheetDocument Open(byte[] workbook) => SpreadsheetDocument.Open(new MemoryStream(workbook), false);

    public static WorksheetPart Sheet(SpreadsheetDocument document, string name)
    {
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
    }

    /// <summary>The names of the sheets, in tab order.</summary>
    public static IReadOnlyList<string> SheetNames(SpreadsheetDocument document) =>
        document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToArray();

    /// <summary>The sheet at <paramref name="index"/> (0-based) in tab order, whatever its name.</summary>
    public static WorksheetPart SheetAt(SpreadsheetDocument document, int index)
    {
        var workbookPart = document.WorkbookPart!;
        return (WorksheetPart)workbookPart.GetPartById(workbookPart.Workbook.Sheets!.Elements<Sheet>().ElementAt(index).Id!);
    }

    /// <summary>The text of cell <paramref name="reference"/> on <paramref name="sheet"/> (inline or shared string, or the raw value).</summary>
    public static string? CellText(SpreadsheetDocument document, string sheet, string reference)
    {
        var cell = Sheet(document, sheet).Worksheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is null)
        {
            return null;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString!.InnerText;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text)).InnerText;
        }

        return cell.CellValue?.Text;
    }

    /// <summary>Applies <paramref name="edit"/> to an editable copy and returns the saved bytes.</summary>
    public static byte[] Edit(byte[] workbook, Action<SpreadsheetDocument> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            edit(document);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Types <paramref name="edits"/> into the answer sheet (the second) of a written workbook in any language, each in the
    /// stated shape; <see cref="CellEdit.Header"/> is the column's English header, found by the hidden row of column keys.
    /// </summary>
    public static byte[] Fill(byte[] workbook, IEnumerable<CellEdit> edits) => Edit(workbook, document =>
    {
        var part = SheetAt(document, 1);
        var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var headers = rows[0].Elements<Cell>().ToDictionary(
            c => ExcelText.Get($"Column.{c.InlineString!.InnerText[WorkbookNames.KeyPrefix.Length..]}", "en"), c => Letters(c.CellReference!));
        var indicatorColumn = headers[WorkbookNames.Columns.IndicatorId];
        foreach (var edit in edits)
        {
            var row = rows.Single(r => r.Elements<Cell>().Any(c => Letters(c.CellReference!) == indicatorColumn && c.InlineString?.InnerText == edit.IndicatorId));
            var reference = headers[edit.Header] + row.RowIndex!.Value;
            var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
            if (cell is null)
            {
                cell = new Cell { CellReference = reference };
                row.InsertAt(cell, row.Elements<Cell>().Count(c => string.CompareOrdinal(Letters(c.CellReference!), headers[edit.Header]) < 0));
            }

            Set(document, cell, edit.Value, edit.Shape);
        }
    });

    /// <summary>Types each value into its cell ("B7") of the first sheet, in its shape; the cells must have been written (styled) already.</summary>
    public static byte[] SetCells(byte[] workbook, params (string Reference, string Value, Shape Shape)[] cells) => Edit(workbook, document =>
    {
        var written = SheetAt(document, 0).Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        foreach (var (reference, value, shape) in cells)
        {
            Set(document, written[reference], value, shape);
        }
    });

    /// <summary>Puts <paramref name="value"/> into <paramref name="cell"/> in <paramref name="shape"/>, keeping its style.</summary>
    public static void Set(SpreadsheetDocument document, Cell cell, string value, Shape shape)
    {
        cell.RemoveAllChildren();
        cell.DataType = null;
        switch (shape)
        {
            case Shape.SharedString:
                var table = (document.WorkbookPart!.SharedStringTablePart ?? document.WorkbookPart.AddNewPart<SharedStringTablePart>()).SharedStringTable ??= new SharedStringTable();
                table.Append(new SharedStringItem(new Text(value) { Space = SpaceProcessingModeValues.Preserve }));
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue((table.Elements<SharedStringItem>().Count() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case Shape.InlineString:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve });
                break;
            case Shape.Number:
                cell.CellValue = new CellValue(value);
                break;
            case Shape.Formula:
                cell.DataType = CellValues.String;
                cell.CellFormula = new CellFormula(value);
                cell.CellValue = new CellValue("3 - Established");
                break;
        }
    }

    private static string Letters(string reference) => new(reference.TakeWhile(char.IsLetter).ToArray());
}

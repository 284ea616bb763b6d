using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Core.Rubrics;

namespace Nlc.Excel.Tests;

/// <summary>A cell of a hand-built workbook: text (shared or inline), a number, or a formula with its cached value.</summary>
internal sealed record RawCell(string? Text = null, double? Number = null, string? FormulaText = null, bool IsInline = false)
{
    public static RawCell Inline(string text) => new(text, IsInline: true);

    public static RawCell Formula(string formula, string cached) => new(cached, FormulaText: formula);
}

/// <summary>
/// Builds workbooks from scratch with the SDK, the way other programs lay them out: any sheets, any column order, shared
/// or inline strings, numbers, formulas. Row i of a sheet is row i + 1; a null row is left out (a gap).
/// </summary>
internal sealed class RawWorkbook
{
    private readonly List<(string Name, object?[]?[] Rows)> _sheets = [];

    /// <summary>A workbook with a valid _meta sheet for <paramref name="rubric"/>, and nothing else yet.</summary>
    public static RawWorkbook For(Rubric rubric, string? assessmentId = "asm_1", string language = "en", string formatVersion = "1") =>
        new RawWorkbook().Sheet(WorkbookNames.MetaSheet, Meta(rubric, assessmentId, language, formatVersion));

    public static object?[]?[] Meta(Rubric rubric, string? assessmentId = "asm_1", string language = "en", string formatVersion = "1") =>
    [
        ["key", "value"],
        ["format", "nlc-assessment-workbook"],
        ["formatVersion", formatVersion],
        ["rubricId", rubric.Id],
        ["rubricVersion", rubric.Version.ToString()],
        ["rubricContentHash", rubric.ContentHash],
        ["assessmentId", assessmentId],
        ["language", language],
        ["city", "Danilovgrad"],
        ["period", "2025"],
    ];

    public RawWorkbook Sheet(string name, params object?[]?[] rows)
    {
        _sheets.Add((name, rows));
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var strings = new SharedStringTable();
            var sheets = new Sheets();
            uint id = 1;
            foreach (var (name, rows) in _sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    if (rows[r] is not { } values)
                    {
                        continue;
                    }

                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < values.Length; c++)
                    {
                        if (values[c] is { } value)
                        {
                            row.Append(Cell(value, $"{(char)('A' + c)}{r + 1}", strings));
                        }
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Name = name, SheetId = id++, Id = workbookPart.GetIdOfPart(part) });
            }

            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = strings;
            workbookPart.Workbook = new Workbook(sheets);
        }

        return stream.ToArray();
    }

    private static Cell Cell(object value, string reference, SharedStringTable strings)
    {
        var raw = value switch
        {
            RawCell cell => cell,
            string text => new RawCell(text),
            int number => new RawCell(Number: number),
            double number => new RawCell(Number: number),
            _ => throw new ArgumentException($"no cell for {value.GetType()}"),
        };
        var result = new Cell { CellReference = reference };
        if (raw.FormulaText is not null)
        {
            result.CellFormula = new CellFormula(raw.FormulaText);
            result.DataType = CellValues.String;
            result.CellValue = new CellValue(raw.Text ?? "");
        }
        else if (raw.Number is { } number)
        {
            result.CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture));
        }
        else if (raw.IsInline)
        {
            result.DataType = CellValues.InlineString;
            result.InlineString = new InlineString(new Text(raw.Text ?? "") { Space = SpaceProcessingModeValues.Preserve });
        }
        else
        {
            strings.Append(new SharedStringItem(new Text(raw.Text ?? "") { Space = SpaceProcessingModeValues.Preserve }));
            result.DataType = CellValues.SharedString;
            result.CellValue = new CellValue((strings.ChildElements.Count - 1).ToString(CultureInfo.InvariantCulture));
        }

        return result;
    }
}

using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.Import;

/// <summary>
/// Streams the parts a workbook is read from (the sheet list, the shared strings, a worksheet row by row) with a plain
/// XmlReader: no part is ever loaded whole, a text is built once in a StringBuilder, and every text is held to the
/// limits, so time and memory grow linearly with the file. Refuses sheets over the row limit and texts over the text limits.
/// </summary>
internal static class SheetRows
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The shared strings of the workbook, read once, escapes undone.</summary>
    public static IReadOnlyList<string> SharedStrings(WorkbookParts workbook, WorkbookReadLimits limits)
    {
        var part = workbook.Workbook.SharedStringTablePart;
        if (part is null)
        {
            return [];
        }

        var strings = new List<string>();
        var text = new StringBuilder();
        long characters = 0;
        var entry = workbook.EntryOf(part);
        using var reader = Open(entry);
        reader.Read();
        while (!reader.EOF)
        {
            if (!Is(reader, "si"))
            {
                reader.Read();
            }
            else
            {
                if (strings.Count == limits.MaxSharedStrings)
                {
                    throw WorkbookRejectedException.Of("tooManySharedStrings", entry.FullName, limits.MaxSharedStrings);
                }

                var value = ReadRichText(reader, text, limits, new Where(entry.FullName, strings.Count + 1, 0));
                characters += value.Length;
                if (characters > limits.MaxTextCharacters)
                {
                    throw WorkbookRejectedException.Of("sharedStringsTooLong", entry.FullName, limits.MaxTextCharacters);
                }

                strings.Add(value);
            }
        }

        return strings;
    }

    /// <summary>The worksheet part of the sheet named <paramref name="name"/> (ignoring case, as Excel does), or null.</summary>
    public static ZipArchiveEntry? Find(WorkbookParts workbook, string name)
    {
        using var reader = Open(workbook.EntryOf(workbook.Workbook));
        while (reader.Read())
        {
            if (Is(reader, "sheet") && string.Equals(reader.GetAttribute("name")?.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return reader.GetAttribute("id", Relationships) is { } id && workbook.Workbook.TryGetPartById(id, out var part) && part is WorksheetPart
                    ? workbook.EntryOf(part)
                    : null;
            }

            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "sheets" && reader.NamespaceURI == Main)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>The names of the workbook's sheets, in tab order.</summary>
    public static IReadOnlyList<string> SheetNames(WorkbookParts workbook)
    {
        var names = new List<string>();
        using var reader = Open(workbook.EntryOf(workbook.Workbook));
        while (reader.Read())
        {
            if (Is(reader, "sheet") && reader.GetAttribute("name") is { } name)
            {
                names.Add(name.Trim());
            }

            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "sheets" && reader.NamespaceURI == Main)
            {
                break;
            }
        }

        return names;
    }

    /// <summary>Every row that has a cell with something in it, with those cells in column order.</summary>
    public static IEnumerable<(int Row, List<CellContent> Cells)> Read(
        ZipArchiveEntry part, string sheetName, IReadOnlyList<string> sharedStrings, WorkbookReadLimits limits)
    {
        using var reader = Open(part);
        var text = new StringBuilder();
        var rows = 0;
        var previousRow = 0;
        reader.Read();
        while (!reader.EOF)
        {
            if (!Is(reader, "row"))
            {
                reader.Read();
                continue;
            }

            if (++rows > limits.MaxRows)
            {
                throw new WorkbookRejectedException([WorkbookProblem.Of(sheetName, null, "tooManyRows", null, limits.MaxRows)]);
            }

            var rowIndex = uint.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is > 0 and <= 1_048_576
                ? (int)r
                : previousRow + 1;
            previousRow = rowIndex;
            var cells = ReadCells(reader, text, sheetName, rowIndex, sharedStrings, limits);
            if (cells.Count > 0)
            {
                yield return (rowIndex, cells);
            }
        }
    }

    /// <summary>The non-empty cells of the row the reader is on; leaves the reader after the row.</summary>
    private static List<CellContent> ReadCells(XmlReader reader, StringBuilder text, string sheetName, int rowIndex, IReadOnlyList<string> sharedStrings, WorkbookReadLimits limits)
    {
        var cells = new List<CellContent>();
        var depth = reader.Depth;
        var isEmpty = reader.IsEmptyElement;
        reader.Read();
        if (isEmpty)
        {
            return cells;
        }

        var count = 0;
        long characters = 0;
        var previousColumn = -1;
        while (reader.Depth > depth)
        {
            if (!Is(reader, "c"))
            {
                reader.Read();
                continue;
            }

            if (++count > CellReference.MaxColumns)
            {
                throw new WorkbookRejectedException([WorkbookProblem.Of(sheetName, null, "tooManyCells", null, rowIndex, CellReference.MaxColumns)]);
            }

            var column = CellReference.TryParse(reader.GetAttribute("r"), out var c, out _) ? c : previousColumn + 1;
            previousColumn = column;
            var type = reader.GetAttribute("t");
            var (formula, value, inline) = ReadCell(reader, text, limits, new Where(sheetName, column, rowIndex));
            characters += (formula?.Length ?? 0) + (value?.Length ?? 0) + (inline?.Length ?? 0);
            if (characters > limits.MaxTextCharacters)
            {
                throw new WorkbookRejectedException([WorkbookProblem.Of(sheetName, null, "rowTooLong", null, rowIndex, limits.MaxTextCharacters)]);
            }

            var content = CellContent.Read(column, rowIndex, type, value, formula, inline, sharedStrings);
            if (content.Kind != CellKind.Empty || content.Formula is not null)
            {
                cells.Add(content);
            }
        }

        reader.Read();
        return cells;
    }

    /// <summary>The formula, value and inline string of the cell the reader is on, as stored; leaves the reader after the cell.</summary>
    private static (string? Formula, string? Value, string? Inline) ReadCell(XmlReader reader, StringBuilder text, WorkbookReadLimits limits, Where where)
    {
        string? formula = null, value = null, inline = null;
        var depth = reader.Depth;
        var isEmpty = reader.IsEmptyElement;
        reader.Read();
        while (!isEmpty && reader.Depth > depth)
        {
            if (Is(reader, "f"))
            {
                formula = ReadPlainText(reader, text, limits, where);
            }
            else if (Is(reader, "v"))
            {
                value = ReadPlainText(reader, text, limits, where);
            }
            else if (Is(reader, "is"))
            {
                inline = ReadRichText(reader, text, limits, where);
            }
            else
            {
                reader.Read();
            }
        }

        if (!isEmpty)
        {
            reader.Read();
        }

        return (formula, value, inline);
    }

    /// <summary>
    /// The text of the shared string item or inline string the reader is on: its plain text or its runs, without phonetic
    /// guides, escapes undone; leaves the reader after the element.
    /// </summary>
    private static string ReadRichText(XmlReader reader, StringBuilder text, WorkbookReadLimits limits, Where where)
    {
        text.Clear();
        var depth = reader.Depth;
        var isEmpty = reader.IsEmptyElement;
        reader.Read();
        while (!isEmpty && reader.Depth > depth)
        {
            if (Is(reader, "rPh"))
            {
                reader.Skip();
            }
            else if (Is(reader, "t"))
            {
                AppendContent(reader, text, limits, where);
            }
            else
            {
                reader.Read();
            }
        }

        if (!isEmpty)
        {
            reader.Read();
        }

        return Xlsx.XmlText.Unescape(text.ToString());
    }

    /// <summary>The text content of the element the reader is on (a value or a formula), as stored; leaves the reader after it.</summary>
    private static string ReadPlainText(XmlReader reader, StringBuilder text, WorkbookReadLimits limits, Where where)
    {
        text.Clear();
        AppendContent(reader, text, limits, where);
        return text.ToString();
    }

    /// <summary>Appends the text of the element the reader is on, in chunks, refusing it past the longest text a cell holds.</summary>
    private static void AppendContent(XmlReader reader, StringBuilder text, WorkbookReadLimits limits, Where where)
    {
        var depth = reader.Depth;
        var isEmpty = reader.IsEmptyElement;
        reader.Read();
        if (isEmpty)
        {
            return;
        }

        var chunk = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            while (reader.Depth > depth)
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        text.Append(chunk, 0, read);
                        if (text.Length > limits.MaxCharactersInText)
                        {
                            throw WorkbookRejectedException.Of("textTooLong", where.ToString(), limits.MaxCharactersInText);
                        }
                    }
                }

                reader.Read();
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }

        reader.Read();
    }

    private static bool Is(XmlReader reader, string localName) =>
        reader.NodeType == XmlNodeType.Element && reader.LocalName == localName && reader.NamespaceURI == Main;

    /// <summary>A forward-only reader of one part, which the guard has size-checked; a DTD is refused here too.</summary>
    private static XmlReader Open(ZipArchiveEntry part) => XmlReader.Create(
        part.Open(),
        new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true });

    /// <summary>Where a text is, for a message: a cell of a sheet, or (row 0) a shared string by its number in its part.</summary>
    private readonly record struct Where(string SheetOrPart, int ColumnOrNumber, int Row)
    {
        public override string ToString() => Row == 0
            ? string.Create(CultureInfo.InvariantCulture, $"shared string {ColumnOrNumber} in {SheetOrPart}")
            : $"{SheetOrPart}!{CellReference.Of(ColumnOrNumber, Row)}";
    }
}

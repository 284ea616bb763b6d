using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Nlc.Api.Tests;

/// <summary>One cell an official types into a downloaded workbook: in the row of an indicator, in the column with that header ("" clears it).</summary>
internal sealed record Typed(string IndicatorId, string Header, string Value);

/// <summary>Fills in a fill-in workbook downloaded from the API as an official would, cell by cell, with the Open XML SDK.</summary>
internal static class WorkbookFill
{
    public const string Level = "Level";
    public const string Reason = "Reason (if not applicable)";
    public const string Note = "Note";
    public const string Evidence = "Evidence (one per line)";

    /// <summary>Downloads the workbook of <paramref name="assessmentId"/> with <paramref name="client"/>.</summary>
    public static async Task<byte[]> DownloadAsync(HttpClient client, string assessmentId)
    {
        using var response = await client.GetAsync($"/api/v1/assessments/{assessmentId}/workbook?lang=en");
        Assert.AreEqual(200, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A copy of <paramref name="workbook"/> with <paramref name="edits"/> typed into its Assessment sheet as inline strings.</summary>
    public static byte[] Type(byte[] workbook, params Typed[] edits)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbookPart = document.WorkbookPart!;
            var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Assessment");
            var rows = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
            // The header is the first row naming the Indicator column (a read-only workbook has a notice above it).
            var header = rows.First(r => r.Elements<Cell>().Any(c => c.InlineString?.InnerText == "Indicator"));
            var columns = header.Elements<Cell>().ToDictionary(c => c.InlineString!.InnerText, c => Letters(c.CellReference!));
            foreach (var edit in edits)
            {
                var row = rows.Single(r => r.Elements<Cell>().Any(c => Letters(c.CellReference!) == columns["Indicator"] && c.InlineString?.InnerText == edit.IndicatorId));
                var reference = columns[edit.Header] + row.RowIndex!.Value;
                var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
                if (cell is null)
                {
                    cell = new Cell { CellReference = reference };
                    row.InsertAt(cell, row.Elements<Cell>().Count(c => string.CompareOrdinal(Letters(c.CellReference!), columns[edit.Header]) < 0));
                }

                cell.RemoveAllChildren();
                cell.DataType = null;
                if (edit.Value.Length > 0)
                {
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(edit.Value) { Space = SpaceProcessingModeValues.Preserve });
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>A copy of <paramref name="workbook"/> with each value typed into its cell ("B7") of the first sheet as an inline string ("" clears it).</summary>
    public static byte[] TypeCells(byte[] workbook, params (string Reference, string Value)[] cells)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbookPart = document.WorkbookPart!;
            var first = workbookPart.Workbook.Sheets!.Elements<Sheet>().First();
            var written = ((WorksheetPart)workbookPart.GetPartById(first.Id!)).Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            foreach (var (reference, value) in cells)
            {
                var cell = written[reference];
                cell.RemoveAllChildren();
                cell.DataType = null;
                if (value.Length > 0)
                {
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve });
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>Uploads <paramref name="workbook"/> as the raw body, with <paramref name="ifMatch"/> if given.</summary>
    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string assessmentId, byte[] workbook, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/workbook") { Content = new ByteArrayContent(workbook) };
        request.Content.Headers.ContentType = new(Nlc.Excel.XlsxFile.ContentType);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    private static string Letters(string reference) => new(reference.TakeWhile(char.IsLetter).ToArray());
}

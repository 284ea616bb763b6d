namespace Nlc.Excel;

/// <summary>What to call the workbooks this library writes when sending them over HTTP or saving them.</summary>
public static class XlsxFile
{
    /// <summary>The media type of an .xlsx workbook.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The file extension, with its dot.</summary>
    public const string Extension = ".xlsx";
}

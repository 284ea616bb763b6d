using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;

namespace Nlc.Excel.Import;

/// <summary>
/// The workbook part of an opened package, with its parts' content read straight from the zip archive, read-only. The
/// package itself is opened editable (so the SDK can rewrite a malformed link target), and an editable package holds
/// every part it opens in memory and compresses it again when closed: reading the large parts around it keeps an import
/// linear in time and memory.
/// </summary>
internal sealed class WorkbookParts(WorkbookPart workbook, byte[] package) : IDisposable
{
    private readonly ZipArchive _archive = new(new MemoryStream(package, writable: false), ZipArchiveMode.Read);

    /// <summary>The workbook part, for finding other parts by relationship.</summary>
    public WorkbookPart Workbook { get; } = workbook;

    /// <summary>The zip entry that holds <paramref name="part"/>; throws when there is none.</summary>
    public ZipArchiveEntry EntryOf(OpenXmlPart part) =>
        _archive.GetEntry(part.Uri.OriginalString.TrimStart('/'))
        ?? throw WorkbookRejectedException.Of("partMissing", part.Uri.ToString());

    public void Dispose() => _archive.Dispose();
}

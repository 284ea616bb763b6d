using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;

namespace Nlc.Excel.Import;

/// <summary>
/// The workbook part of an opened package, with its parts' content read straight from the zip archive, read-only. The
/// package itself is opened editable (so the SDK can rewrite a malformed link target), and an editable package holds
/// every part it opens in memory and compresses it again when closed: reading the large parts around it keeps an import
/// linear in time and memory.
/// </summary>
internal sealed class WorkbookParts : IDisposable
{
    private readonly MemoryStream _copy;
    private readonly SpreadsheetDocument _document;
    private readonly ZipArchive _archive;

    private WorkbookParts(MemoryStream copy, SpreadsheetDocument document, byte[] package)
    {
        Workbook = document.WorkbookPart ?? throw WorkbookRejectedException.Of("noWorkbookPart");
        _copy = copy;
        _document = document;
        _archive = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
    }

    /// <summary>The workbook part, for finding other parts by relationship.</summary>
    public WorkbookPart Workbook { get; }

    /// <summary>Opens <paramref name="package"/>, which <see cref="PackageGuard.Inspect"/> has checked, held to <paramref name="limits"/>.</summary>
    public static WorkbookParts Open(byte[] package, WorkbookReadLimits limits)
    {
        var settings = new OpenSettings
        {
            AutoSave = false,
            MaxCharactersInPart = limits.MaxCharactersInPart,
            // A malformed link target (say, a typed URL Excel turned into a hyperlink) must not make the whole file unreadable.
            RelationshipErrorHandlerFactory = RelationshipErrorHandler.CreateRewriterFactory((_, _, _) => "about:blank"),
        };
        // Editable only because the SDK rewrites bad link targets in place; it works on a private copy and never saves.
        var copy = new MemoryStream();
        copy.Write(package);
        SpreadsheetDocument? document = null;
        try
        {
            document = SpreadsheetDocument.Open(copy, isEditable: true, settings);
            return new WorkbookParts(copy, document, package);
        }
        catch
        {
            document?.Dispose();
            copy.Dispose();
            throw;
        }
    }

    /// <summary>The zip entry that holds <paramref name="part"/>; throws when there is none.</summary>
    public ZipArchiveEntry EntryOf(OpenXmlPart part) =>
        _archive.GetEntry(part.Uri.OriginalString.TrimStart('/'))
        ?? throw WorkbookRejectedException.Of("partMissing", part.Uri.ToString());

    public void Dispose()
    {
        _archive.Dispose();
        _document.Dispose();
        _copy.Dispose();
    }
}

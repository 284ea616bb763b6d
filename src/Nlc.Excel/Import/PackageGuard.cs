using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Nlc.Excel.Import;

/// <summary>
/// Checks the raw bytes before the Open XML SDK sees them: the file's size, that it is a zip archive at all, the
/// number of entries, every entry's declared and actual uncompressed size, compression ratios, and that no part
/// declares a DTD (so no entity expansion or external entity can happen). Throws <see cref="WorkbookRejectedException"/>.
/// </summary>
internal static class PackageGuard
{
    private static readonly byte[] ZipLocalHeader = "PK\u0003\u0004"u8.ToArray();
    private static readonly byte[] ZipEmpty = "PK\u0005\u0006"u8.ToArray();
    private static readonly byte[] OleCompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly Patterns Utf8Patterns = Patterns.In(Encoding.UTF8);
    private static readonly Patterns Utf16Patterns = Patterns.In(Encoding.Unicode);
    private static readonly Patterns Utf16BigEndianPatterns = Patterns.In(Encoding.BigEndianUnicode);
    private static readonly Patterns Utf32Patterns = Patterns.In(Encoding.UTF32);
    private static readonly Patterns Utf32BigEndianPatterns = Patterns.In(new UTF32Encoding(bigEndian: true, byteOrderMark: false));

    /// <summary>Copies <paramref name="input"/> into memory, refusing it as soon as it grows past the limit.</summary>
    public static byte[] ReadAll(Stream input, WorkbookReadLimits limits)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            Append(buffer, chunk, read, limits);
        }

        return buffer.ToArray();
    }

    /// <inheritdoc cref="ReadAll"/>
    public static async Task<byte[]> ReadAllAsync(Stream input, WorkbookReadLimits limits, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            Append(buffer, chunk, read, limits);
        }

        return buffer.ToArray();
    }

    public static void Inspect(byte[] bytes, WorkbookReadLimits limits)
    {
        if (bytes.Length == 0)
        {
            throw WorkbookRejectedException.Of("fileEmpty");
        }

        if (bytes.AsSpan().StartsWith(OleCompoundFile))
        {
            throw WorkbookRejectedException.Of("oldExcelOrPassword");
        }

        if (!bytes.AsSpan().StartsWith(ZipLocalHeader) && !bytes.AsSpan().StartsWith(ZipEmpty))
        {
            throw WorkbookRejectedException.Of("notZip");
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            InspectEntries(zip, limits);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            throw WorkbookRejectedException.Of("zipDamaged", e.Message);
        }
    }

    private static void Append(MemoryStream buffer, byte[] chunk, int count, WorkbookReadLimits limits)
    {
        if (buffer.Length + count > limits.MaxFileBytes)
        {
            throw WorkbookRejectedException.Of("fileTooLarge", Size(limits.MaxFileBytes));
        }

        buffer.Write(chunk, 0, count);
    }

    private static void InspectEntries(ZipArchive zip, WorkbookReadLimits limits)
    {
        var entries = zip.Entries;
        if (entries.Count > limits.MaxEntries)
        {
            throw WorkbookRejectedException.Of("tooManyEntries", entries.Count, limits.MaxEntries);
        }

        if (entries.Any(e => e.FullName == "mimetype") && !entries.Any(e => e.FullName == "[Content_Types].xml"))
        {
            throw WorkbookRejectedException.Of("openDocument");
        }

        if (!entries.Any(e => e.FullName == "[Content_Types].xml"))
        {
            throw WorkbookRejectedException.Of("noContentTypes");
        }

        long declared = 0;
        foreach (var entry in entries)
        {
            declared += entry.Length;
            if (entry.Length > limits.MaxCharactersInPart)
            {
                throw WorkbookRejectedException.Of("partTooLarge", entry.FullName, Size(entry.Length), Size(limits.MaxCharactersInPart));
            }

            if (entry.Length > limits.MaxStructurePartBytes
                && (entry.FullName == "[Content_Types].xml" || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                throw WorkbookRejectedException.Of("structurePartTooLarge", entry.FullName, Size(entry.Length), Size(limits.MaxStructurePartBytes));
            }

            if (declared > limits.MaxUncompressedBytes)
            {
                throw WorkbookRejectedException.Of("unpacksTooLarge", Size(limits.MaxUncompressedBytes));
            }

            if (entry.Length > limits.RatioCheckedAbove && entry.Length > limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                throw WorkbookRejectedException.Of("compressionRatio", entry.FullName, Math.Round(entry.Length / (double)Math.Max(1, entry.CompressedLength)), limits.MaxCompressionRatio);
            }
        }

        long actual = 0;
        var buffer = new byte[81920];
        foreach (var entry in entries)
        {
            actual += ReadEntry(entry, buffer, limits.MaxUncompressedBytes - actual);
        }
    }

    /// <summary>
    /// Decompresses one entry, counting its bytes and looking for DTD declarations; returns its size. Every entry is
    /// searched, whatever its name or content type: a part named .psmdcp or .bin is parsed as XML all the same if a
    /// relationship or the content types say so. The search uses the encoding an XML parser would detect from the
    /// first bytes (UTF-8 and other 8-bit encodings, UTF-16 or UTF-32, with or without a byte order mark).
    /// </summary>
    private static long ReadEntry(ZipArchiveEntry entry, byte[] buffer, long budget)
    {
        const int Carry = 64;
        long total = 0;
        var kept = 0;
        Patterns? patterns = null;
        using var stream = entry.Open();
        int read;
        // The first read takes at least the four bytes an XML parser looks at to choose the encoding.
        while ((read = patterns is null ? stream.ReadAtLeast(buffer.AsSpan(kept), 4, throwOnEndOfStream: false) : stream.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            total += read;
            if (total > entry.Length || total > budget)
            {
                throw WorkbookRejectedException.Of("unpacksMoreThanDeclared", entry.FullName, Size(entry.Length));
            }

            var window = buffer.AsSpan(0, kept + read);
            patterns ??= DeclarationsFor(window);
            if (window.IndexOf(patterns.Doctype) >= 0 || window.IndexOf(patterns.Entity) >= 0)
            {
                throw WorkbookRejectedException.Of("dtd", entry.FullName);
            }

            if (total <= buffer.Length && window.IndexOf(patterns.Strict) >= 0)
            {
                throw WorkbookRejectedException.Of("strictOpenXml");
            }

            // Keep the tail, so a declaration split across two reads is still found.
            kept = Math.Min(Carry, window.Length);
            window[^kept..].CopyTo(buffer);
        }

        if (total != entry.Length)
        {
            throw WorkbookRejectedException.Of("partSizeMismatch", entry.FullName, Size(total), Size(entry.Length));
        }

        return total;
    }

    /// <summary>
    /// The declarations as spelled in the encoding an XML parser reads these first bytes in (XML 1.0, appendix F): a byte
    /// order mark or the code units of '&lt;'; otherwise UTF-8 or another encoding that spells them in ASCII.
    /// </summary>
    private static Patterns DeclarationsFor(ReadOnlySpan<byte> start) => start switch
    {
        [0x00, 0x00, 0xFE, 0xFF, ..] or [0x00, 0x00, 0x00, 0x3C, ..] => Utf32BigEndianPatterns,
        [0xFF, 0xFE, 0x00, 0x00, ..] or [0x3C, 0x00, 0x00, 0x00, ..] => Utf32Patterns,
        [0xFE, 0xFF, ..] or [0x00, 0x3C, ..] => Utf16BigEndianPatterns,
        [0xFF, 0xFE, ..] or [0x3C, 0x00, ..] => Utf16Patterns,
        _ => Utf8Patterns,
    };

    private sealed record Patterns(byte[] Doctype, byte[] Entity, byte[] Strict)
    {
        public static Patterns In(Encoding encoding) =>
            new(encoding.GetBytes("<!DOCTYPE"), encoding.GetBytes("<!ENTITY"), encoding.GetBytes("http://purl.oclc.org/ooxml/spreadsheetml/main"));
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.#} GiB"),
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}

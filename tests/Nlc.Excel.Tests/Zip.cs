using System.IO.Compression;
using System.Text;

namespace Nlc.Excel.Tests;

/// <summary>Builds and rewrites zip archives byte by byte, for workbooks no spreadsheet program would write.</summary>
internal static class Zip
{
    public static byte[] Create(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Every entry of <paramref name="workbook"/>, changed by <paramref name="change"/> (null drops it), plus <paramref name="extra"/>.</summary>
    public static byte[] Rewrite(byte[] workbook, Func<string, byte[], byte[]?> change, params (string Name, byte[] Content)[] extra)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        var entries = zip.Entries.Select(e =>
        {
            using var content = new MemoryStream();
            using (var source = e.Open())
            {
                source.CopyTo(content);
            }

            return (e.FullName, Content: change(e.FullName, content.ToArray()));
        }).Where(e => e.Content is not null).Select(e => (e.FullName, e.Content!)).ToList();
        return Create([.. entries, .. extra]);
    }

    /// <summary>Rewrites the text of one entry.</summary>
    public static byte[] RewriteText(byte[] workbook, string name, Func<string, string> change) =>
        Rewrite(workbook, (entry, content) => entry == name ? Text(change(Encoding.UTF8.GetString(content))) : content);

    /// <summary>Sets the uncompressed size an entry declares, in its local header and the central directory, leaving its data as it is.</summary>
    public static byte[] DeclareSize(byte[] archive, string name, uint size) => PatchHeaders(archive, name, 22, 24, BitConverter.GetBytes(size));

    /// <summary>Sets the compression method an entry declares (e.g. 14, LZMA, which no workbook uses).</summary>
    public static byte[] DeclareMethod(byte[] archive, string name, ushort method) => PatchHeaders(archive, name, 8, 10, BitConverter.GetBytes(method));

    private static byte[] PatchHeaders(byte[] archive, string name, int localOffset, int centralOffset, byte[] value)
    {
        var bytes = (byte[])archive.Clone();
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            var (nameAt, fieldAt) = signature switch
            {
                0x04034b50 => (30, localOffset),
                0x02014b50 => (46, centralOffset),
                _ => (0, 0),
            };
            if (nameAt == 0)
            {
                continue;
            }

            var length = BitConverter.ToUInt16(bytes, i + nameAt - (signature == 0x04034b50 ? 4 : 18));
            if (i + nameAt + length <= bytes.Length && Encoding.UTF8.GetString(bytes, i + nameAt, length) == name)
            {
                value.CopyTo(bytes, i + fieldAt);
            }
        }

        return bytes;
    }
}

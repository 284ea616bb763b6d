using System.IO.Compression;
using System.Text;
using Nlc.Excel.Import;

namespace Nlc.Benchmarks;

/// <summary>
/// The costliest workbooks <see cref="WorkbookReadLimits.Default"/> lets through the zip checks, each built from a real
/// fill-in workbook by filling one part up to the part limit with one shape of content. The content is random enough
/// to stay under the compression-ratio check, as an attacker's would.
/// </summary>
internal static class HostileWorkbooks
{
    private const string AssessmentSheet = "xl/worksheets/sheet2.xml";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Every shape by name, filling its part up to <paramref name="partBytes"/> characters (a package-structure part up to its own limit).</summary>
    public static IReadOnlyList<(string Name, byte[] Workbook)> All(byte[] filled, long partBytes)
    {
        var sheetRoom = partBytes - Length(filled, AssessmentSheet) - 1024;
        var workbookRoom = partBytes - Length(filled, "xl/workbook.xml") - 1024;
        var stringsRoom = partBytes - 1024;
        var structureRoom = Math.Min(partBytes, WorkbookReadLimits.Default.MaxStructurePartBytes) - 1024;
        return
        [
            ("one shared string of many rich-text runs", WithSharedStrings(filled, Fill(stringsRoom, "", "<si>", "</si>", r => $"<r><t>{Letters(r, 1)}</t></r>"))),
            ("one inline string of many rich-text runs", WithRow(filled, Fill(sheetRoom, "x:", "<row r=\"999\"><c r=\"H999\" t=\"inlineStr\"><is>", "</is></c></row>", r => $"<r><t>{Letters(r, 1)}</t></r>"))),
            ("one shared string of one long text", WithSharedStrings(filled, Fill(stringsRoom, "", "<si><t>", "</t></si>", r => Letters(r, 64, "abcd")))),
            ("many short shared strings", WithSharedStrings(filled, Fill(stringsRoom, "", "", "", r => $"<si><t>{Letters(r, 2)}</t></si>"))),
            ("many cells in one row", WithRow(filled, Fill(sheetRoom, "x:", "<row r=\"999\">", "</row>", r => $"<c t=\"n\"><v>{r.Next(10)}</v></c>"))),
            ("many cells in many rows", WithRow(filled, Fill(sheetRoom, "x:", "", "", r => $"<row>{string.Concat(Enumerable.Range(0, 100).Select(_ => $"<c t=\"n\"><v>{r.Next(10)}</v></c>"))}</row>"))),
            ("rows up to the row limit, then more", WithRow(filled, Fill(sheetRoom, "x:", "", "", r => $"<row><c r=\"H1\" t=\"inlineStr\"><is><t>{Letters(r, 3)}</t></is></c></row>"))),
            ("a workbook part full of defined names", WithDefinedNames(filled, Fill(workbookRoom, "x:", "", "", r => $"<definedName name=\"n{Letters(r, 6)}\">A1</definedName>"))),
            ("a relationships part full of links", Rewrite(filled, [], ("xl/worksheets/_rels/sheet2.xml.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{Fill(structureRoom, "", "", "", r => $"<Relationship Id=\"r{Letters(r, 8)}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"http://{Letters(r, 6)}.example/\" TargetMode=\"External\"/>")}</Relationships>"))),
            ("content types full of overrides", Rewrite(filled, new Dictionary<string, Func<string, string>> { ["[Content_Types].xml"] = xml => InsertBeforeClosing(xml, "Types", Fill(structureRoom - xml.Length, "", "", "", r => $"<Override PartName=\"/{Letters(r, 8)}.xml\" ContentType=\"application/xml\"/>")) })),
        ];
    }

    /// <summary>
    /// Repeats <paramref name="item"/> between <paramref name="open"/> and <paramref name="close"/>, every element in the
    /// namespace <paramref name="prefix"/>, until the text would pass <paramref name="room"/> characters.
    /// </summary>
    private static string Fill(long room, string prefix, string open, string close, Func<Random, string> item)
    {
        string Prefixed(string xml) => prefix.Length == 0 ? xml : xml.Replace("</", "\u0001", StringComparison.Ordinal).Replace("<", "<" + prefix, StringComparison.Ordinal).Replace("\u0001", "</" + prefix, StringComparison.Ordinal);
        var random = new Random(20251122);
        var text = new StringBuilder(Prefixed(open));
        var end = Prefixed(close);
        while (true)
        {
            var next = Prefixed(item(random));
            if (text.Length + next.Length + end.Length > room)
            {
                break;
            }

            text.Append(next);
        }

        return text.Append(end).ToString();
    }

    private static long Length(byte[] workbook, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return zip.GetEntry(name)!.Length;
    }

    private static string Letters(Random random, int count, string alphabet = "abcdefghijklmnopqrstuvwxyz")
    {
        var letters = new char[count];
        for (var i = 0; i < count; i++)
        {
            letters[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(letters);
    }

    private static byte[] WithSharedStrings(byte[] filled, string items) => Rewrite(
        filled,
        new Dictionary<string, Func<string, string>>
        {
            ["[Content_Types].xml"] = xml => xml.Replace("</Types>", "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>", StringComparison.Ordinal),
            ["xl/_rels/workbook.xml.rels"] = xml => xml.Replace("</Relationships>", "<Relationship Id=\"rIdStrings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>", StringComparison.Ordinal),
        },
        ("xl/sharedStrings.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">{items}</sst>"));

    private static byte[] WithRow(byte[] filled, string rows) => Rewrite(
        filled,
        new Dictionary<string, Func<string, string>> { [AssessmentSheet] = xml => InsertBeforeClosing(xml, "sheetData", rows) });

    private static byte[] WithDefinedNames(byte[] filled, string names) => Rewrite(
        filled,
        new Dictionary<string, Func<string, string>> { ["xl/workbook.xml"] = xml => InsertBeforeClosing(xml, "definedNames", names) });

    /// <summary>Inserts <paramref name="elements"/> before the last closing tag of <paramref name="localName"/>.</summary>
    private static string InsertBeforeClosing(string xml, string localName, string elements)
    {
        var close = xml.LastIndexOf("</", xml.LastIndexOf(localName + ">", StringComparison.Ordinal), StringComparison.Ordinal);
        return xml[..close] + elements + xml[close..];
    }

    private static byte[] Rewrite(byte[] workbook, Dictionary<string, Func<string, string>> changes, params (string Name, string Text)[] extra)
    {
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        using (var source = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = reader.ReadToEnd();
                Write(target, entry.FullName, changes.TryGetValue(entry.FullName, out var change) ? change(text) : text);
            }

            foreach (var (name, text) in extra)
            {
                Write(target, name, text);
            }
        }

        return output.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}

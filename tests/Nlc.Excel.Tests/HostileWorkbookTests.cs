using System.Text;
using Nlc.Excel.FillIn;
using Nlc.Excel.Import;

namespace Nlc.Excel.Tests;

/// <summary>
/// A corpus of broken and hostile files, generated here, each refused with a <see cref="WorkbookRejectedException"/>
/// that says what is wrong; and random damage to a real workbook, which may be read or refused but never crashes.
/// </summary>
[TestClass]
public sealed class HostileWorkbookTests
{
    private const string Sheet = "xl/worksheets/sheet2.xml";
    private static readonly Lazy<byte[]> WrittenWorkbook = new(() =>
        new AssessmentWorkbookWriter().Write(TestData.Shipped, TestData.Assessment(TestData.Shipped), TestData.City(), [], "en"));

    private static readonly Lazy<byte[]> FilledWorkbook = new(() => Workbooks.Fill(
        WrittenWorkbook.Value,
        TestData.Shipped.Indicators.Select((indicator, i) => new CellEdit(indicator.Id, WorkbookNames.Columns.Level, $"{i % 5}"))));

    private static byte[] Filled => FilledWorkbook.Value;

    /// <summary>A workbook as written, without a shared string table.</summary>
    private static byte[] Written => WrittenWorkbook.Value;

    private static readonly Dictionary<string, (Func<byte[]> File, WorkbookReadLimits? Limits, string Message)> Corpus = new()
    {
        ["empty file"] = (() => [], null, "the file is empty"),
        ["CSV text"] = (() => Zip.Text("Indicator,Level\nGP01.1,3\n"), null,
            "this is not an Excel workbook (.xlsx): an .xlsx file is a zip archive, and this file is not one"),
        ["old .xls or encrypted workbook"] = (() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]], null,
            "this is an old-style Excel file (.xls) or a password-protected workbook; save it as an Excel Workbook (.xlsx) without a password"),
        ["OpenDocument spreadsheet"] = (() => Zip.Create(("mimetype", Zip.Text("application/vnd.oasis.opendocument.spreadsheet")), ("content.xml", Zip.Text("<office:document-content/>"))), null,
            "this looks like an OpenDocument spreadsheet (.ods); save it as an Excel Workbook (.xlsx)"),
        ["zip of something else"] = (() => Zip.Create(("readme.txt", Zip.Text("hello"))), null,
            "this zip archive is not an Excel workbook (.xlsx): it has no [Content_Types].xml"),
        ["truncated download"] = (() => Filled[..(Filled.Length / 2)], null, "the file is damaged or incomplete: its zip archive cannot be read"),
        ["zip bomb: one highly compressed part"] = (() => Zip.Rewrite(Filled, (_, c) => c, ("xl/media/image1.bin", new byte[10 * 1024 * 1024])), null,
            "the part xl/media/image1.bin is compressed"),
        ["zip bomb: too much in all"] = (() => Filled, new WorkbookReadLimits { MaxUncompressedBytes = 20_000 },
            "the workbook would unpack to more than 19.5 KiB; it is refused as a possible zip bomb"),
        ["zip bomb: a part declaring 3 GB"] = (() => Zip.DeclareSize(Filled, Sheet, 3_000_000_000), null,
            "the part xl/worksheets/sheet2.xml is too large (2.8 GiB"),
        ["a part declaring less than it holds"] = (() => Zip.DeclareSize(Filled, Sheet, 200), null, "the file is not a readable Excel workbook ("),
        ["a part compressed with a method workbooks never use"] = (() => Zip.DeclareMethod(Filled, Sheet, 14), null,
            "the file is damaged or incomplete: its zip archive cannot be read"),
        ["saved as Strict Open XML"] = (() => Zip.RewriteText(Filled, "xl/workbook.xml", xml => xml.Replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main", StringComparison.Ordinal)), null,
            "the workbook is saved as \"Strict Open XML Spreadsheet\"; save it as an ordinary Excel Workbook (.xlsx)"),
        ["too many entries"] = (() => Zip.Rewrite(Filled, (_, c) => c, [.. Enumerable.Range(0, 1000).Select(i => ($"xl/media/m{i}.bin", new byte[] { 1 }))]), null,
            "the zip archive holds 1011 entries; a workbook is refused above 1000"),
        ["part over the character limit"] = (() => Filled, new WorkbookReadLimits { MaxCharactersInPart = 10_000 },
            "the part xl/worksheets/sheet1.xml is too large"),
        ["file over the size limit"] = (() => Filled, new WorkbookReadLimits { MaxFileBytes = 4096 },
            "the file is larger than 4 KiB; a filled-in workbook is far smaller"),
        ["DTD with entities"] = (() => Zip.RewriteText(Filled, Sheet, xml => InsertAfterDeclaration(xml, "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>")), null,
            "the part xl/worksheets/sheet2.xml declares a DTD or entities, which workbooks never need; it is refused"),
        ["external entity (XXE)"] = (() => Zip.RewriteText(Filled, "xl/workbook.xml", xml => InsertAfterDeclaration(xml, "<!DOCTYPE w [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>").Replace("Start here", "&xxe;", StringComparison.Ordinal)), null,
            "the part xl/workbook.xml declares a DTD or entities"),
        ["billion laughs in the content types"] = (() => Zip.RewriteText(Filled, "[Content_Types].xml", xml => InsertAfterDeclaration(xml, BillionLaughs)), null,
            "the part [Content_Types].xml declares a DTD or entities"),
        ["external entity in the core properties (.psmdcp)"] = (() => Zip.Rewrite(Filled, (name, content) => name.EndsWith(".psmdcp", StringComparison.Ordinal) ? Zip.Text(InsertAfterDeclaration(Encoding.UTF8.GetString(content), PasswdDoctype)) : content), null,
            "the part package/services/metadata/core-properties/"),
        ["external entity in docProps/core.xml"] = (() => Zip.Rewrite(Filled, (_, c) => c, ("docProps/core.xml", Zip.Text(CoreProperties))), null,
            "the part docProps/core.xml declares a DTD or entities"),
        ["DTD in a part with a made-up extension"] = (() => Zip.Rewrite(Filled, (_, c) => c, ("xl/custom/settings.qqq", Zip.Text(CoreProperties))), null,
            "the part xl/custom/settings.qqq declares a DTD or entities"),
        ["DTD in a UTF-16 part with a byte order mark"] = (() => Zip.Rewrite(Filled, (_, c) => c, ("xl/custom/item1.xml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(CoreProperties.Replace("UTF-8", "UTF-16", StringComparison.Ordinal))])), null,
            "the part xl/custom/item1.xml declares a DTD or entities"),
        ["DTD in a big-endian UTF-16 part without a byte order mark"] = (() => Zip.Rewrite(Filled, (_, c) => c, ("docProps/custom.xml", Encoding.BigEndianUnicode.GetBytes(CoreProperties.Replace("UTF-8", "UTF-16", StringComparison.Ordinal)))), null,
            "the part docProps/custom.xml declares a DTD or entities"),
        ["DTD in a UTF-32 part"] = (() => Zip.Rewrite(Filled, (_, c) => c, ("docProps/app.xml", Encoding.UTF32.GetBytes(CoreProperties.Replace("UTF-8", "UTF-32", StringComparison.Ordinal)))), null,
            "the part docProps/app.xml declares a DTD or entities"),
        ["DTD split across two reads"] = (() => Zip.RewriteText(Filled, Sheet, xml => InsertAfterDeclaration(xml, new string(' ', 81920 - 4 - xml.IndexOf("?>", StringComparison.Ordinal)) + "<!DOCTYPE x>")), null,
            "the part xl/worksheets/sheet2.xml declares a DTD or entities"),
        ["a shared string of one rich-text run more than a cell holds"] = (() => WithSharedStrings(Written, "<si>" + Runs(32_768) + "</si>"), null,
            "shared string 1 in xl/sharedStrings.xml: a text of more than 32,767 characters, more than a cell holds; it is refused"),
        ["a shared string of as many rich-text runs as the part limit allows"] = (() => WithSharedStrings(Written, "<si>" + Runs((int)(WorkbookReadLimits.Default.MaxCharactersInPart / 16)) + "</si>"), null,
            "shared string 1 in xl/sharedStrings.xml: a text of more than 32,767 characters"),
        ["an inline string of as many rich-text runs as the part limit allows"] = (() => Zip.RewriteText(Filled, Sheet, xml => xml.Replace("</x:sheetData>", "<x:row r=\"999\"><x:c r=\"H999\" t=\"inlineStr\"><x:is>" + Runs((int)(WorkbookReadLimits.Default.MaxCharactersInPart / 24), "x:") + "</x:is></x:c></x:row></x:sheetData>", StringComparison.Ordinal)), null,
            "Assessment!H999: a text of more than 32,767 characters, more than a cell holds; it is refused"),
        ["more shared strings than the limit"] = (() => WithSharedStrings(Written, string.Concat(Enumerable.Repeat("<si><t>a</t></si>", 11))), new WorkbookReadLimits { MaxSharedStrings = 10 },
            "the shared strings (xl/sharedStrings.xml) hold more than 10 texts"),
        ["more characters in the shared strings than the limit"] = (() => WithSharedStrings(Written, string.Concat(Enumerable.Repeat("<si><t>abcdefghij</t></si>", 11))), new WorkbookReadLimits { MaxTextCharacters = 100 },
            "the shared strings (xl/sharedStrings.xml) hold more than 100 characters"),
        ["a row holding more text than the limit"] = (() => Zip.RewriteText(Filled, Sheet, xml => xml.Replace("</x:sheetData>", "<x:row r=\"999\">" + string.Concat(Enumerable.Range(0, 3).Select(i => $"<x:c r=\"{(char)('H' + i)}999\" t=\"inlineStr\"><x:is><x:t>{new string('x', 2000)}</x:t></x:is></x:c>")) + "</x:row></x:sheetData>", StringComparison.Ordinal)),
            new WorkbookReadLimits { MaxTextCharacters = 5000 }, "Assessment: row 999 holds more than 5,000 characters; it is refused"),
        ["a row with more cells than a sheet has columns"] = (() => Zip.RewriteText(Filled, Sheet, xml => xml.Replace("</x:sheetData>", "<x:row r=\"999\">" + string.Concat(Enumerable.Repeat("<x:c t=\"n\"><x:v>1</x:v></x:c>", 16_385)) + "</x:row></x:sheetData>", StringComparison.Ordinal)), null,
            "Assessment: row 999 has more than 16,384 cells, more than a sheet has columns"),
        ["a relationships part over the structure limit"] = (() => Zip.RewriteText(Filled, "xl/_rels/workbook.xml.rels", xml => xml.Replace("</Relationships>", string.Concat(Enumerable.Range(0, 8000).Select(i => $"<Relationship Id=\"rLink{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"http://example.org/{i}\" TargetMode=\"External\"/>")) + "</Relationships>", StringComparison.Ordinal)), null,
            "the part xl/_rels/workbook.xml.rels is too large ("),
        ["content types over the structure limit"] = (() => Zip.RewriteText(Filled, "[Content_Types].xml", xml => xml.Replace("</Types>", string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<Override PartName=\"/unused/part{i}.xml\" ContentType=\"application/xml\"/>")) + "</Types>", StringComparison.Ordinal)), null,
            "the part [Content_Types].xml is too large ("),
        ["malformed XML"] = (() => Zip.RewriteText(Filled, Sheet, xml => xml[..(xml.Length / 2)]), null, "the file is not a readable Excel workbook ("),
        ["package without a workbook"] = (() => Zip.Create(("[Content_Types].xml", Zip.Text("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"))), null,
            "the file is not an Excel workbook: it has no workbook part"),
        ["no _meta sheet"] = (() => new RawWorkbook().Sheet("Assessment", ["Indicator", "Level"]).Build(), null,
            "the workbook has no sheet \"_meta\", so it is not a workbook made by this toolkit"),
        ["no Assessment sheet"] = (() => RawWorkbook.For(TestData.Shipped).Build(), null,
            "the workbook has no sheet with the answers (it has: \"_meta\")"),
        ["_meta without a rubric version"] = (() => new RawWorkbook().Sheet("_meta", [.. RawWorkbook.Meta(TestData.Shipped).Where(r => r![0] as string != "rubricVersion")]).Sheet("Assessment", ["Indicator", "Level"]).Build(), null,
            "_meta: no \"rubricVersion\" entry; the sheet was changed, download a fresh workbook"),
        ["_meta with a formula"] = (() => new RawWorkbook().Sheet("_meta", [.. RawWorkbook.Meta(TestData.Shipped).Select(r => r![0] as string == "rubricId" ? new object?[] { "rubricId", RawCell.Formula("LOWER(\"NLC\")", "nlc") } : r)]).Sheet("Assessment", ["Indicator", "Level"]).Build(), null,
            "_meta!B4: \"=LOWER(\"NLC\")\" is a formula; expected the value of \"rubricId\""),
        ["not a toolkit workbook"] = (() => new RawWorkbook().Sheet("_meta", [.. RawWorkbook.Meta(TestData.Shipped).Select(r => r![0] as string == "format" ? new object?[] { "format", "budget-2025" } : r)]).Sheet("Assessment", ["Indicator", "Level"]).Build(), null,
            "_meta!B2: \"budget-2025\" is not this toolkit's workbook format; expected \"nlc-assessment-workbook\""),
        ["more rows than the limit"] = (() => RawWorkbook.For(TestData.Shipped).Sheet("Assessment", [["Indicator", "Level"], .. Enumerable.Range(0, 60).Select(i => new object?[] { null, null, $"filler {i}" })]).Build(),
            new WorkbookReadLimits { MaxRows = 50 }, "Assessment: the sheet has more than 50 rows; it is refused"),
    };

    private const string PasswdDoctype = "<!DOCTYPE cp:coreProperties SYSTEM \"file:///etc/passwd\">";

    private const string CoreProperties = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + PasswdDoctype
        + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"/>";

    private const string BillionLaughs =
        "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";

    /// <summary>Rich-text runs of one random letter each (random, so they compress like an attacker's), in the namespace <paramref name="prefix"/>.</summary>
    private static string Runs(int count, string prefix = "")
    {
        var random = new Random(count);
        var runs = new StringBuilder(count * 24);
        for (var i = 0; i < count; i++)
        {
            runs.Append('<').Append(prefix).Append("r><").Append(prefix).Append("t>").Append((char)('a' + random.Next(26))).Append("</").Append(prefix).Append("t></").Append(prefix).Append("r>");
        }

        return runs.ToString();
    }

    /// <summary>The workbook with a shared string table holding <paramref name="items"/>.</summary>
    internal static byte[] WithSharedStrings(byte[] workbook, string items) => Zip.Rewrite(
        workbook,
        (name, content) => name switch
        {
            "[Content_Types].xml" => Zip.Text(Encoding.UTF8.GetString(content).Replace("</Types>", "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>", StringComparison.Ordinal)),
            "xl/_rels/workbook.xml.rels" => Zip.Text(Encoding.UTF8.GetString(content).Replace("</Relationships>", "<Relationship Id=\"rIdStrings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>", StringComparison.Ordinal)),
            _ => content,
        },
        ("xl/sharedStrings.xml", Zip.Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" + items + "</sst>")));

    public static IEnumerable<object[]> Cases => Corpus.Keys.Select(k => new object[] { k });

    private static string InsertAfterDeclaration(string xml, string text)
    {
        var end = xml.IndexOf("?>", StringComparison.Ordinal);
        return end < 0 ? text + xml : xml[..(end + 2)] + text + xml[(end + 2)..];
    }

    [TestMethod]
    public void TheCorpusTemplate_IsReadable()
    {
        Assert.AreEqual(TestData.Shipped.Indicators.Count, new AssessmentWorkbookReader(TestData.Catalog).Read(new MemoryStream(Filled)).Answers.Count);
    }

    [TestMethod]
    public void ASharedStringOfManyRichTextRuns_UnderTheLimit_ReadsAsTheRunsJoined()
    {
        var random = new Random(3000);
        var note = string.Concat(Enumerable.Range(0, 3000).Select(_ => (char)('a' + random.Next(26))));
        var marked = Workbooks.Fill(Filled, [new CellEdit(TestData.Shipped.Indicators[0].Id, WorkbookNames.Columns.Note, "MARKER")]);
        var part = Workbooks.Entries(marked).Keys.Single(k => k.EndsWith("sharedStrings.xml", StringComparison.Ordinal));
        var workbook = Zip.RewriteText(marked, part, xml => System.Text.RegularExpressions.Regex.Replace(
            xml, "<(x:)?t[^>]*>MARKER</(x:)?t>", m => Runs(3000, m.Groups[1].Value)));

        var read = new AssessmentWorkbookReader(TestData.Catalog).Read(new MemoryStream(workbook));

        Assert.AreEqual(note, read.Answers.Single(a => a.Answer.IndicatorId == TestData.Shipped.Indicators[0].Id).Answer.Note);
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void HostileOrBrokenFile_IsRefusedWithAClearMessage(string name)
    {
        var (file, limits, message) = Corpus[name];
        var reader = new AssessmentWorkbookReader(TestData.Catalog, limits);

        var error = Assert.ThrowsExactly<WorkbookRejectedException>(() => reader.Read(new MemoryStream(file())));

        var problems = string.Join(Environment.NewLine, error.Problems);
        Assert.IsTrue(problems.StartsWith(message, StringComparison.Ordinal), $"{name}: expected a problem starting with '{message}', got:{Environment.NewLine}{problems}");
    }

    [TestMethod]
    public void RandomlyDamagedBytes_AreReadOrRefused_NeverCrash()
    {
        var reader = new AssessmentWorkbookReader(TestData.Catalog);
        var random = new Random(20251121);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < 250; i++)
        {
            var bytes = (byte[])Filled.Clone();
            switch (random.Next(3))
            {
                case 0:
                    for (var n = random.Next(1, 8); n > 0; n--)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }

                    break;
                case 1:
                    bytes = bytes[..random.Next(bytes.Length)];
                    break;
                default:
                    var at = random.Next(bytes.Length);
                    bytes = [.. bytes[..at], .. Enumerable.Range(0, random.Next(1, 64)).Select(_ => (byte)random.Next(256)), .. bytes[at..]];
                    break;
            }

            Count(outcomes, () => reader.Read(new MemoryStream(bytes)), $"byte damage #{i}");
        }

        Assert.IsTrue(outcomes.GetValueOrDefault("refused") > 0, string.Join(", ", outcomes));
    }

    [TestMethod]
    public void RandomlyDamagedXml_IsReadOrRefused_NeverCrashes()
    {
        var reader = new AssessmentWorkbookReader(TestData.Catalog);
        var random = new Random(1121);
        string[] parts = [Sheet, "xl/worksheets/sheet4.xml", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];
        var entries = Workbooks.Entries(Filled);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < 250; i++)
        {
            var part = parts[random.Next(parts.Length)];
            var xml = new StringBuilder(entries[part]);
            for (var n = random.Next(1, 6); n > 0; n--)
            {
                var at = random.Next(xml.Length);
                switch (random.Next(3))
                {
                    case 0:
                        xml.Remove(at, Math.Min(random.Next(1, 40), xml.Length - at));
                        break;
                    case 1:
                        xml.Insert(at, "<>\"'&=/ x:c r=\"ZZZ99999999\" t=\"q\" 1e400 -"[random.Next(40)..]);
                        break;
                    default:
                        xml[at] = (char)random.Next(32, 127);
                        break;
                }
            }

            var bytes = Zip.RewriteText(Filled, part, _ => xml.ToString());
            Count(outcomes, () => reader.Read(new MemoryStream(bytes)), $"XML damage #{i} in {part}");
        }

        Assert.IsTrue(outcomes.GetValueOrDefault("refused") > 0, string.Join(", ", outcomes));
    }

    private static void Count(Dictionary<string, int> outcomes, Action read, string what)
    {
        try
        {
            read();
            outcomes["read"] = outcomes.GetValueOrDefault("read") + 1;
        }
        catch (WorkbookRejectedException e)
        {
            Assert.IsTrue(e.Problems.Count > 0 && e.Problems.All(p => p.Message.Length > 0), what);
            outcomes["refused"] = outcomes.GetValueOrDefault("refused") + 1;
        }
        catch (Exception e)
        {
            Assert.Fail($"{what}: {e.GetType().Name} escaped: {e}");
        }
    }
}

namespace Nlc.Excel.Import;

/// <summary>
/// How much a workbook may hold before it is refused unread: the guards against zip bombs and oversized files.
/// The defaults are generous for a filled-in workbook (a few dozen kilobytes) and small for an attack.
/// </summary>
public sealed record WorkbookReadLimits
{
    /// <summary>The limits used when none are given.</summary>
    public static WorkbookReadLimits Default { get; } = new();

    /// <summary>The largest file accepted, in bytes (default 10 MiB).</summary>
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>The most entries (parts) in the zip archive (default 1,000).</summary>
    public int MaxEntries { get; init; } = 1000;

    /// <summary>The most bytes all entries may hold together once uncompressed, both as declared and as found (default 100 MiB).</summary>
    public long MaxUncompressedBytes { get; init; } = 100 * 1024 * 1024;

    /// <summary>
    /// The largest part: the Open XML SDK's <c>MaxCharactersInPart</c>, also checked against each part's uncompressed byte
    /// size before opening (UTF-8 XML never has more characters than bytes). Default 20 million.
    /// </summary>
    public long MaxCharactersInPart { get; init; } = 20_000_000;

    /// <summary>
    /// The largest package-structure part: [Content_Types].xml and every relationships part (.rels), which are parsed
    /// whole when the package is opened (default 1 MiB; a filled-in workbook's are a few kilobytes).
    /// </summary>
    public long MaxStructurePartBytes { get; init; } = 1024 * 1024;

    /// <summary>The highest compression ratio of a part larger than <see cref="RatioCheckedAbove"/> bytes (default 100).</summary>
    public double MaxCompressionRatio { get; init; } = 100;

    /// <summary>Parts smaller than this many bytes uncompressed are not held to <see cref="MaxCompressionRatio"/> (default 1 MiB).</summary>
    public long RatioCheckedAbove { get; init; } = 1024 * 1024;

    /// <summary>The most rows a sheet that is read may have (default 10,000).</summary>
    public int MaxRows { get; init; } = 10_000;

    /// <summary>The longest text of one cell or shared string, in characters (default 32,767, the most a cell holds in Excel).</summary>
    public int MaxCharactersInText { get; init; } = 32_767;

    /// <summary>The most shared strings a workbook may have (default 100,000; a filled-in workbook has a few thousand at most).</summary>
    public int MaxSharedStrings { get; init; } = 100_000;

    /// <summary>
    /// The most characters of text kept at once: all shared strings together, and all cells of one row together
    /// (default 4 million, many times what a filled-in workbook holds). It bounds the memory an import takes.
    /// </summary>
    public long MaxTextCharacters { get; init; } = 4_000_000;
}

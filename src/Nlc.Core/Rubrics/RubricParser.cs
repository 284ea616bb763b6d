using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Nlc.Core.Rubrics;

/// <summary>
/// Reads a rubric file's YAML into a <see cref="RubricDocument"/>, reporting every node of the wrong shape or with an unknown key.
/// Whether the content makes sense is the <see cref="RubricValidator"/>'s job.
/// </summary>
internal sealed class RubricParser
{
    private readonly string _file;
    private readonly List<RubricProblem> _problems = [];

    private RubricParser(string file) => _file = file;

    /// <summary>Parses <paramref name="text"/>; the document is null only when the text is not YAML at all.</summary>
    public static (RubricDocument? Document, IReadOnlyList<RubricProblem> Problems) Parse(string text, string file)
    {
        var parser = new RubricParser(file);
        var document = parser.ParseRoot(NormalizeLineEndings(text));
        return (document, parser._problems);
    }

    /// <summary>
    /// "sha256:" and the hex SHA-256 of the file's text with line endings normalized, so a checkout on Windows
    /// hashes the same as one on Linux.
    /// </summary>
    public static string ComputeContentHash(string text) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NormalizeLineEndings(text))));

    private static string NormalizeLineEndings(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n");

    private RubricDocument? ParseRoot(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            _problems.Add(new RubricProblem(_file, "", (int)e.Start.Line, $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way, without a position, when the text ends inside a structure.
            _problems.Add(new RubricProblem(_file, "", null, "not valid YAML: the file ends before a list, mapping or quoted text is closed"));
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            _problems.Add(new RubricProblem(_file, "", null, $"expected exactly one YAML document, found {stream.Documents.Count}"));
            return null;
        }

        var root = Map(stream.Documents[0].RootNode, new SourceLocation("", 1));
        if (root is null)
        {
            return null;
        }

        var document = new RubricDocument(
            _file,
            ComputeContentHash(text),
            root.At,
            root.String("id"),
            root.String("version"),
            root.Text("title"),
            root.Text("description"),
            root.Text("source"),
            root.Text("attribution"),
            root.List("locales", ReadLocale),
            root.Object("scale", ReadScale),
            root.List("pillars", ReadPillar),
            root.List("practices", ReadPractice));
        root.ReportUnknownKeys();
        return document;
    }

    private LocaleEntry? ReadLocale(YamlNode node, SourceLocation at) =>
        ScalarValue(node, at) is { } value ? new LocaleEntry(value, at) : null;

    private ScaleDocument ReadScale(MapReader map) => new(
        map.At,
        map.List("levels", (node, at) => Map(node, at) is { } level
            ? Finish(level, new LevelDocument(level.At, level.Int("level"), level.Text("name"), level.Text("description")))
            : null),
        map.Object("notApplicable", ReadAnswerOption),
        map.Object("dontKnow", ReadAnswerOption));

    private static AnswerOptionDocument ReadAnswerOption(MapReader map) =>
        new(map.At, map.Text("name"), map.Text("description"));

    private PillarDocument? ReadPillar(YamlNode node, SourceLocation at) =>
        Map(node, at) is { } map
            ? Finish(map, new PillarDocument(map.At, map.String("id"), map.Text("title"), map.Text("summary")))
            : null;

    private PracticeDocument? ReadPractice(YamlNode node, SourceLocation at)
    {
        if (Map(node, at) is not { } map)
        {
            return null;
        }

        return Finish(map, new PracticeDocument(
            map.At,
            map.String("id"),
            map.Text("title"),
            map.Text("summary"),
            map.List("pillars", (linkNode, linkAt) => Map(linkNode, linkAt) is { } link
                ? Finish(link, new PillarLinkDocument(link.At, link.String("pillar"), link.Number("weight")))
                : null),
            map.List("indicators", ReadIndicator)));
    }

    private IndicatorDocument? ReadIndicator(YamlNode node, SourceLocation at)
    {
        if (Map(node, at) is not { } map)
        {
            return null;
        }

        return Finish(map, new IndicatorDocument(
            map.At,
            map.String("id"),
            map.Number("weight"),
            map.Text("question"),
            map.Text("guidance"),
            map.List("evidence", (item, itemAt) => ReadText(item, itemAt)),
            map.List("levels", (levelNode, levelAt) => Map(levelNode, levelAt) is { } level
                ? Finish(level, new LevelDescriptorDocument(level.At, level.Int("level"), level.Text("descriptor")))
                : null)));
    }

    private TextDocument? ReadText(YamlNode node, SourceLocation at)
    {
        if (node is not YamlMappingNode mapping)
        {
            Report(at, "expected a text as a map of locale to text, e.g. `{ en: \"...\" }`");
            return null;
        }

        var entries = new List<TextEntry>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var locale = KeyName(keyNode);
            var entryAt = new SourceLocation(at.Path + "." + locale, LineOf(keyNode));
            if (ScalarValue(valueNode, entryAt) is { } value)
            {
                entries.Add(new TextEntry(locale, value, entryAt));
            }
        }

        return new TextDocument(at, entries);
    }

    private static T Finish<T>(MapReader map, T value)
    {
        map.ReportUnknownKeys();
        return value;
    }

    private MapReader? Map(YamlNode node, SourceLocation at)
    {
        if (node is YamlMappingNode mapping)
        {
            return new MapReader(this, mapping, at with { Line = LineOf(node) });
        }

        Report(at, "expected a mapping of keys to values");
        return null;
    }

    private string? ScalarValue(YamlNode node, SourceLocation at)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }

        Report(at, "expected a single value, found a list or mapping");
        return null;
    }

    private void Report(SourceLocation at, string message) => _problems.Add(new RubricProblem(_file, at.Path, at.Line, message));

    private static int LineOf(YamlNode node) => (int)node.Start.Line;

    private static string KeyName(YamlNode key) => (key as YamlScalarNode)?.Value ?? key.ToString();

    /// <summary>Reads the keys of one mapping, remembering which were read so the rest can be reported as unknown.</summary>
    private sealed class MapReader(RubricParser parser, YamlMappingNode node, SourceLocation at)
    {
        private readonly HashSet<string> _read = [];

        public SourceLocation At { get; } = at;

        public string? String(string key) =>
            Take(key, out var value, out var valueAt) ? parser.ScalarValue(value, valueAt) : null;

        public int? Int(string key)
        {
            var text = String(key);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            parser.Report(ValueAt(key), $"expected a whole number, found '{text}'");
            return null;
        }

        public double? Number(string key)
        {
            var text = String(key);
            if (text is null)
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                return number;
            }

            parser.Report(ValueAt(key), $"expected a number, found '{text}'");
            return null;
        }

        public TextDocument? Text(string key) =>
            Take(key, out var value, out var valueAt) ? parser.ReadText(value, valueAt) : null;

        public T? Object<T>(string key, Func<MapReader, T> read)
            where T : class =>
            Take(key, out var value, out var valueAt) && parser.Map(value, valueAt) is { } map ? Finish(map, read(map)) : null;

        public IReadOnlyList<T> List<T>(string key, Func<YamlNode, SourceLocation, T?> readItem)
            where T : class
        {
            if (!Take(key, out var value, out var valueAt))
            {
                return [];
            }

            if (value is not YamlSequenceNode sequence)
            {
                parser.Report(valueAt, "expected a list");
                return [];
            }

            var items = new List<T>();
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var item = sequence.Children[i];
                if (readItem(item, valueAt.Item(i) with { Line = LineOf(item) }) is { } read)
                {
                    items.Add(read);
                }
            }

            return items;
        }

        public void ReportUnknownKeys()
        {
            foreach (var key in node.Children.Keys)
            {
                var name = KeyName(key);
                if (!_read.Contains(name))
                {
                    parser.Report(At.Child(name) with { Line = LineOf(key) }, $"unknown key '{name}'");
                }
            }
        }

        private SourceLocation ValueAt(string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? At.Child(key) with { Line = LineOf(value) } : At.Child(key);

        private bool Take(string key, out YamlNode value, out SourceLocation valueAt)
        {
            _read.Add(key);
            if (node.Children.TryGetValue(new YamlScalarNode(key), out var found)
                && !(found is YamlScalarNode { Value: null or "", Style: ScalarStyle.Plain }))
            {
                value = found;
                valueAt = At.Child(key) with { Line = LineOf(found) };
                return true;
            }

            value = null!;
            valueAt = At.Child(key);
            return false;
        }
    }
}

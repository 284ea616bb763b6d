using System.Globalization;
using System.Text;
using Nlc.Core.Rubrics;
using YamlDotNet.RepresentationModel;

namespace Nlc.Excel.Translations;

/// <summary>
/// A rubric translation file (rubrics/translations/{id}-{version}/{language}.yaml) as the translators' round trip reads
/// and writes it: its header, and each key's English source and translation. Written back in the layout the shipped
/// files have (header comments kept, every text one double-quoted line, keys in rubric order).
/// </summary>
public sealed record TranslationFile(
    string Comments,
    string RubricId,
    string RubricVersion,
    string Language,
    int Revision,
    string ReviewStatus,
    string ReviewNote,
    IReadOnlyDictionary<string, TranslationEntry> Texts)
{
    /// <summary>The file's place under a rubric folder: translations/{id}-{version}/{language}.yaml.</summary>
    public static string PathFor(string rubricFolder, Rubric rubric, string language)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        return Path.Combine(rubricFolder, "translations", $"{rubric.Id}-{rubric.Version}", $"{language}.yaml");
    }

    /// <summary>An empty draft translation of <paramref name="rubric"/> into <paramref name="language"/>, for a language with no file yet.</summary>
    public static TranslationFile Empty(Rubric rubric, string language)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        return new(
            $"# Translation of the rubric {rubric.Id} {rubric.Version} into {language}.\n",
            rubric.Id,
            rubric.Version.ToString(),
            language,
            0,
            "draft",
            "Drafted by the toolkit's maintainers; not yet reviewed by a native speaker.",
            new Dictionary<string, TranslationEntry>());
    }

    /// <summary>Reads <paramref name="path"/>; throws <see cref="InvalidDataException"/> saying what is wrong when it is not a translation file.</summary>
    public static TranslationFile Read(string path)
    {
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text.TrimStart('\uFEFF')));
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not valid YAML: {e.Message}");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidDataException($"{path} is not a translation file: expected one mapping with the header and texts");
        }

        string Scalar(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value ?? "" : "";

        var review = root.Children.TryGetValue(new YamlScalarNode("review"), out var r) && r is YamlMappingNode m ? m : new YamlMappingNode();
        var texts = new Dictionary<string, TranslationEntry>(StringComparer.Ordinal);
        if (root.Children.TryGetValue(new YamlScalarNode("texts"), out var t) && t is YamlMappingNode entries)
        {
            foreach (var (key, value) in entries.Children)
            {
                if (key is YamlScalarNode { Value: { } id } && value is YamlMappingNode entry)
                {
                    texts[id] = new TranslationEntry(Scalar(entry, "source"), Scalar(entry, "text"));
                }
            }
        }

        var comments = string.Concat(text.Split('\n').TakeWhile(line => line.StartsWith('#')).Select(line => line.TrimEnd('\r') + "\n"));
        _ = int.TryParse(Scalar(root, "revision"), NumberStyles.None, CultureInfo.InvariantCulture, out var revision);
        return new(comments, Scalar(root, "rubric"), Scalar(root, "rubricVersion"), Scalar(root, "language"), revision, Scalar(review, "status"), Scalar(review, "note"), texts);
    }

    /// <summary>The file's YAML, texts in the order of <paramref name="keyOrder"/> (keys not in it after them, in ordinal order).</summary>
    public string ToYaml(IReadOnlyList<string> keyOrder)
    {
        ArgumentNullException.ThrowIfNull(keyOrder);
        var yaml = new StringBuilder(Comments);
        yaml.Append("rubric: ").Append(RubricId).Append('\n');
        yaml.Append("rubricVersion: ").Append(RubricVersion).Append('\n');
        yaml.Append("language: ").Append(Language).Append('\n');
        yaml.Append("revision: ").Append(Revision.ToString(CultureInfo.InvariantCulture)).Append('\n');
        yaml.Append("review:\n  status: ").Append(ReviewStatus).Append("\n  note: ").Append(PlainOrQuoted(ReviewNote)).Append('\n');
        yaml.Append("texts:\n");
        var known = keyOrder.Where(Texts.ContainsKey).ToList();
        foreach (var key in known.Concat(Texts.Keys.Except(known).Order(StringComparer.Ordinal)))
        {
            yaml.Append("  ").Append(key).Append(":\n");
            yaml.Append("    source: ").Append(Quoted(Texts[key].Source)).Append('\n');
            yaml.Append("    text: ").Append(Quoted(Texts[key].Text)).Append('\n');
        }

        return yaml.ToString();
    }

    /// <summary>A short sentence as the shipped files write it (plain), else double-quoted when YAML would read it otherwise.</summary>
    private static string PlainOrQuoted(string text) =>
        text.Length > 0 && char.IsLetter(text[0]) && !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal)
            && !text.Any(c => c is '"' or '\\' || char.IsControl(c)) && !text.EndsWith(':')
            ? text
            : Quoted(text);

    /// <summary>A YAML double-quoted scalar: any text, on one line, read back exactly.</summary>
    private static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"", text.Length + 2);
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}

/// <summary>One text of a translation file: the English it was translated from and its translation.</summary>
public sealed record TranslationEntry(string Source, string Text);

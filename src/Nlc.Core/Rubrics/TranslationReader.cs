using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Nlc.Core.Rubrics;

/// <summary>
/// Reads a translation file's YAML (header, then <c>texts:</c> mapping each key to <c>{ source, text }</c>) into a
/// <see cref="TranslationDocument"/>, reporting every node of the wrong shape and every unknown header key.
/// </summary>
internal static class TranslationReader
{
    private static readonly string[] HeaderKeys = ["rubric", "rubricVersion", "language", "revision", "review", "texts"];

    /// <summary>Parses <paramref name="text"/>; the document is null when the text is not a translation file at all.</summary>
    public static (TranslationDocument? Document, IReadOnlyList<RubricProblem> Problems) Read(string text, string file)
    {
        var problems = new List<RubricProblem>();
        void Report(string path, YamlNode? node, string message) =>
            problems.Add(new RubricProblem(file, path, node is null ? null : (int)node.Start.Line, message));

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text.TrimStart('\uFEFF')));
        }
        catch (YamlException e)
        {
            problems.Add(new RubricProblem(file, "", (int)e.Start.Line, $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
            return (null, problems);
        }
        catch (InvalidOperationException)
        {
            problems.Add(new RubricProblem(file, "", null, "not valid YAML: the file ends before a list, mapping or quoted text is closed"));
            return (null, problems);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new RubricProblem(file, "", null, "expected one YAML mapping with the header (rubric, rubricVersion, language, revision, review) and texts"));
            return (null, problems);
        }

        var headerLines = new Dictionary<string, int>(StringComparer.Ordinal);
        string? Scalar(YamlMappingNode map, string key, string path)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                return null;
            }

            headerLines[path] = (int)node.Start.Line;
            if (node is YamlScalarNode scalar)
            {
                return scalar.Value;
            }

            Report(path, node, "expected a single value, found a list or mapping");
            return null;
        }

        foreach (var keyNode in root.Children.Keys)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!HeaderKeys.Contains(key))
            {
                Report(key, keyNode, $"unknown key '{key}'; a translation file has {string.Join(", ", HeaderKeys)}");
            }
        }

        string? status = null;
        var note = "";
        if (root.Children.TryGetValue(new YamlScalarNode("review"), out var reviewNode))
        {
            if (reviewNode is YamlMappingNode review)
            {
                status = Scalar(review, "status", "review.status");
                note = Scalar(review, "note", "review.note") ?? "";
            }
            else
            {
                Report("review", reviewNode, "expected a mapping with status (draft or reviewed) and note");
            }
        }

        var entries = new List<TranslationEntry>();
        if (!root.Children.TryGetValue(new YamlScalarNode("texts"), out var textsNode) || textsNode is not YamlMappingNode texts)
        {
            Report("texts", textsNode, "expected `texts:`, a mapping of each key to { source, text }");
        }
        else
        {
            foreach (var (keyNode, valueNode) in texts.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                var path = "texts." + key;
                if (valueNode is not YamlMappingNode entry)
                {
                    Report(path, valueNode, "expected { source: the English text, text: its translation }");
                    continue;
                }

                var source = Scalar(entry, "source", path + ".source");
                var translation = Scalar(entry, "text", path + ".text");
                if (source is null || translation is null || entry.Children.Count != 2)
                {
                    Report(path, valueNode, "expected exactly { source: the English text, text: its translation }");
                    continue;
                }

                entries.Add(new TranslationEntry(key, source, translation, (int)keyNode.Start.Line));
            }
        }

        var document = new TranslationDocument(
            file,
            Scalar(root, "rubric", "rubric"),
            Scalar(root, "rubricVersion", "rubricVersion"),
            Scalar(root, "language", "language"),
            Scalar(root, "revision", "revision"),
            status,
            note,
            entries,
            headerLines);
        return (document, problems);
    }
}

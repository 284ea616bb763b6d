using System.Collections.Concurrent;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Storage;

/// <summary>The rubric catalog plus one prepared scoring engine per rubric version.</summary>
public sealed class ScoringEngines(RubricCatalog catalog)
{
    private readonly ConcurrentDictionary<string, ScoringEngine> _engines = new(StringComparer.Ordinal);

    /// <summary>The engine for rubric <paramref name="id"/> at <paramref name="version"/>, or null if that version is unknown.</summary>
    public ScoringEngine? For(string id, RubricVersion version) =>
        catalog.Find(id, version) is { } rubric ? _engines.GetOrAdd(rubric.Key, _ => new ScoringEngine(rubric)) : null;
}

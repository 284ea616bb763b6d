namespace Nlc.Core.Rubrics;

/// <summary>The loaded rubrics, every version of each, looked up by id and version.</summary>
public sealed class RubricCatalog
{
    private readonly Dictionary<string, Rubric[]> _versionsById;
    private readonly Dictionary<string, RubricSource> _sources;

    /// <summary>Creates a catalog; two rubrics with the same id and version are refused.</summary>
    public RubricCatalog(IEnumerable<Rubric> rubrics, IReadOnlyDictionary<string, RubricSource>? sources = null)
    {
        var all = rubrics.ToList();
        _sources = new Dictionary<string, RubricSource>(sources ?? new Dictionary<string, RubricSource>(), StringComparer.Ordinal);
        var duplicate = all.GroupBy(r => r.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Rubric {duplicate.Key} is given more than once.", nameof(rubrics));
        }

        _versionsById = all
            .GroupBy(r => r.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Version).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Every rubric version, by id then version.</summary>
    public IReadOnlyList<Rubric> All => _versionsById.Values.SelectMany(v => v).OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Version).ToArray();

    /// <summary>The file and text <paramref name="rubric"/> was loaded from, when known.</summary>
    public RubricSource? Source(Rubric rubric) => _sources.GetValueOrDefault(rubric.Key);

    /// <summary>The latest version of every rubric, by id.</summary>
    public IReadOnlyList<Rubric> Latest => _versionsById.Values.Select(v => v[^1]).OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();

    /// <summary>Every version of rubric <paramref name="id"/>, oldest first; empty when unknown.</summary>
    public IReadOnlyList<Rubric> Versions(string id) => _versionsById.TryGetValue(id, out var versions) ? versions : [];

    /// <summary>The latest version of rubric <paramref name="id"/>, or null.</summary>
    public Rubric? FindLatest(string id) => _versionsById.TryGetValue(id, out var versions) ? versions[^1] : null;

    /// <summary>Version <paramref name="version"/> of rubric <paramref name="id"/>, or null.</summary>
    public Rubric? Find(string id, RubricVersion version) => Versions(id).FirstOrDefault(r => r.Version == version);
}

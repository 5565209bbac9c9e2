namespace FacePortal.Shared.Evaluation;

/// <summary>Identities implied by labelled pairs: the connected groups of "same person" pairs (union-find).</summary>
public static class PairIdentities
{
    /// <summary>The images of each identity, largest group first (ties by first file name), files in name order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Groups(IReadOnlyList<LabelledPair> pairs) =>
        From(pairs).GroupBy(i => i.Value)
            .Select(g => (IReadOnlyList<string>)g.Select(i => i.Key).Order(StringComparer.Ordinal).ToList())
            .OrderByDescending(g => g.Count).ThenBy(g => g[0], StringComparer.Ordinal)
            .ToList();

    /// <summary>One id per image; images linked by "same" pairs, directly or through others, share it.</summary>
    public static Dictionary<string, Guid> From(IReadOnlyList<LabelledPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        foreach (var pair in pairs)
        {
            parent.TryAdd(pair.FileX, pair.FileX);
            parent.TryAdd(pair.FileY, pair.FileY);
            if (pair.Same)
            {
                parent[Find(pair.FileX)] = Find(pair.FileY);
            }
        }

        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        return parent.Keys.ToDictionary(f => f, f =>
        {
            var root = Find(f);
            return ids.TryGetValue(root, out var id) ? id : ids[root] = Guid.NewGuid();
        }, StringComparer.Ordinal);
    }
}

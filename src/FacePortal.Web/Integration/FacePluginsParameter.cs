namespace FacePortal.Web.Integration;

/// <summary>
/// The <c>facePlugins</c> query parameter: a comma list of pose, age, gender, expression, eyes and
/// liveness. Parsed and validated here; what each plugin answers comes from the face attribute analyzer.
/// </summary>
public static class FacePluginsParameter
{
    public static IReadOnlyList<string> Names { get; } = ["pose", "age", "gender", "expression", "eyes", "liveness"];

    /// <summary>The plugins named (lower case, distinct, in <see cref="Names"/> order), or a sentence naming the unknown ones.</summary>
    public static (IReadOnlyList<string> Plugins, string? Problem) Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ([], null);
        }

        var asked = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToList();
        var unknown = asked.Where(p => !Names.Contains(p)).ToList();
        return unknown.Count > 0
            ? ([], $"Unknown face plugin {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the plugins are {string.Join(", ", Names)}.")
            : ([.. Names.Where(asked.Contains)], null);
    }
}

using FacePortal.Shared.Faces.Attributes;

namespace FacePortal.Web.Recognition;

/// <summary>
/// The <c>facePlugins</c> query parameter: a comma list of pose, age, gender, expression, eyes and
/// liveness, for <see cref="FaceAttributeAnalyzer"/>.
/// </summary>
public static class FacePluginsParameter
{
    public static IReadOnlyList<(string Name, FacePlugins Plugin)> All { get; } =
    [
        ("pose", FacePlugins.Pose),
        ("age", FacePlugins.Age),
        ("gender", FacePlugins.Gender),
        ("expression", FacePlugins.Expression),
        ("eyes", FacePlugins.Eyes),
        ("liveness", FacePlugins.Liveness),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    /// <summary>The plugins named, or a sentence naming the unknown ones.</summary>
    public static (FacePlugins Plugins, string? Problem) Parse(string? value)
    {
        var plugins = FacePlugins.None;
        var unknown = new List<string>();
        foreach (var name in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = All.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                unknown.Add(name);
            }
            else
            {
                plugins |= match.Plugin;
            }
        }

        return unknown.Count > 0
            ? (FacePlugins.None, $"Unknown face plugin {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the plugins are {string.Join(", ", Names)}.")
            : (plugins, null);
    }

    /// <summary>The names of <paramref name="plugins"/>, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> NamesOf(FacePlugins plugins) => [.. All.Where(p => plugins.HasFlag(p.Plugin)).Select(p => p.Name)];
}

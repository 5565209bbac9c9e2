using System.Reflection;
using System.Text.RegularExpressions;
using FacePortal.Core;
using FacePortal.Shared.Models;
using FacePortal.TestSupport;

namespace FacePortal.Web.Tests.Docker;

/// <summary>
/// The configuration keys the app reads: every property of every settings type (a class with a
/// <c>Section</c> constant, bound by AddValidatedOptions) and the few keys read directly. A deployment
/// file that sets any other name sets nothing, silently; these tests make that an error.
/// </summary>
public static partial class BoundSettings
{
    /// <summary>Keys the app reads from configuration by name rather than through a settings type; each must appear in the source.</summary>
    private static readonly string[] DirectlyRead = ["FacePortal:DataDirectory", "ConnectionStrings:FacePortal", "ConnectionStrings:Jobs"];

    private static readonly Lazy<IReadOnlyDictionary<string, PropertyInfo?>> Keys = new(Load);

    /// <summary>Whether the app reads the setting an environment variable name (<c>A__B__C</c>) stands for, and through which property (null: read by key).</summary>
    public static bool IsBound(string environmentName, out PropertyInfo? property)
    {
        var key = environmentName.Replace("__", ":", StringComparison.Ordinal);
        return Keys.Value.TryGetValue(key, out property);
    }

    private static Dictionary<string, PropertyInfo?> Load()
    {
        var keys = new Dictionary<string, PropertyInfo?>(StringComparer.OrdinalIgnoreCase);
        Assembly[] assemblies = [typeof(Program).Assembly, typeof(CoreRegistration).Assembly, typeof(FaceModelOptions).Assembly];
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsClass && !t.IsAbstract))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } field || field.GetRawConstantValue() is not string section)
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
            {
                keys[$"{section}:{property.Name}"] = property;
            }
        }

        var source = string.Join('\n', Directory.EnumerateFiles(Path.Combine(RepoLocations.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        foreach (var key in DirectlyRead)
        {
            var read = key.StartsWith("ConnectionStrings:", StringComparison.Ordinal)
                ? source.Contains($"GetConnectionString(\"{key["ConnectionStrings:".Length..]}\")", StringComparison.Ordinal)
                : source.Contains($"\"{key}\"", StringComparison.Ordinal);
            if (read)
            {
                keys[key] = null;
            }
        }

        return keys;
    }

    /// <summary>Whether a value suits the property: an enum's member name, a number, a boolean.</summary>
    public static bool Accepts(PropertyInfo? property, string value)
    {
        var type = property is null ? typeof(string) : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            _ when type.IsEnum => Enum.GetNames(type).Contains(value, StringComparer.OrdinalIgnoreCase),
            _ when type == typeof(bool) => bool.TryParse(value, out _),
            _ when type == typeof(int) || type == typeof(long) => long.TryParse(value, out _),
            _ => true,
        };
    }

    /// <summary>A value that comes from the environment and must be given: <c>${NAME:?message}</c>.</summary>
    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*:\?[^}]*\}$")]
    public static partial Regex RequiredVariable();
}

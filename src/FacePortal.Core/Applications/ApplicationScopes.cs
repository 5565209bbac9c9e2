namespace FacePortal.Core.Applications;

/// <summary>What an application key may do. Stored as a number; the API and pages use the names in <see cref="ScopeNames"/>.</summary>
[Flags]
public enum ApplicationScopes
{
    None = 0,
    Detect = 1,
    Recognize = 2,
    Verify = 4,
    PeopleRead = 8,
    PeopleWrite = 16,
}

/// <summary>The scopes' names on the wire: <c>detect</c>, <c>recognize</c>, <c>verify</c>, <c>people:read</c>, <c>people:write</c>.</summary>
public static class ScopeNames
{
    public const string Detect = "detect";
    public const string Recognize = "recognize";
    public const string Verify = "verify";
    public const string PeopleRead = "people:read";
    public const string PeopleWrite = "people:write";

    public static IReadOnlyList<(ApplicationScopes Scope, string Name)> All { get; } =
    [
        (ApplicationScopes.Detect, Detect),
        (ApplicationScopes.Recognize, Recognize),
        (ApplicationScopes.Verify, Verify),
        (ApplicationScopes.PeopleRead, PeopleRead),
        (ApplicationScopes.PeopleWrite, PeopleWrite),
    ];

    public static string NameOf(ApplicationScopes scope) => All.First(s => s.Scope == scope).Name;

    public static IReadOnlyList<string> NamesOf(ApplicationScopes scopes) => [.. All.Where(s => scopes.HasFlag(s.Scope)).Select(s => s.Name)];

    /// <summary>The scopes named, or an error naming the unknown ones.</summary>
    public static Outcome<ApplicationScopes> Parse(IEnumerable<string>? names)
    {
        var scopes = ApplicationScopes.None;
        var unknown = new List<string>();
        foreach (var name in names ?? [])
        {
            var match = All.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                unknown.Add(name ?? "null");
            }
            else
            {
                scopes |= match.Scope;
            }
        }

        if (unknown.Count > 0)
        {
            return Outcome.Failed<ApplicationScopes>($"Unknown scope {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the scopes are {string.Join(", ", All.Select(s => s.Name))}.");
        }

        return scopes == ApplicationScopes.None
            ? Outcome.Failed<ApplicationScopes>($"Give the key at least one scope: {string.Join(", ", All.Select(s => s.Name))}.")
            : Outcome.Ok(scopes);
    }
}

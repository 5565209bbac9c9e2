namespace FacePortal.Core.Applications;

/// <summary>A key as lists show it: never its secret.</summary>
public sealed record ApplicationKeySummary(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime? ExpiresAt,
    DateTime? RevokedAt,
    DateTime? LastUsedAt,
    long RequestCount,
    long ThrottledCount,
    long ForbiddenCount)
{
    /// <summary>The galleries the key may use.</summary>
    public IReadOnlyList<Guid> Galleries { get; init; } = [];

    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpiredAt(DateTime now) => ExpiresAt is { } expiry && expiry <= now;
}

/// <summary>A key just created or rotated: the one time its secret is known.</summary>
public sealed record IssuedApplicationKey(Guid Id, string Key, string Prefix);

/// <summary>What a request authenticated with a key may know of it.</summary>
public sealed record AuthenticatedApplication(Guid Id, string Name, string Prefix, ApplicationScopes Scopes)
{
    /// <summary>The galleries the key may use: one, or several for admin tools.</summary>
    public IReadOnlyList<Guid> Galleries { get; init; } = [];

    /// <summary>The name the audit trail records for what this key does.</summary>
    public string ActorName => $"{Name} (application key {Prefix})";
}

namespace FacePortal.Core.Applications;

/// <summary>
/// An application's key for the integration API. The secret itself is never stored: only its salted
/// SHA-256 (<see cref="ApplicationKeySecret"/>) and a short public prefix that tells keys apart and finds the row.
/// </summary>
public sealed class ApplicationKey
{
    public const int MaxNameLength = 100;

    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Public, unique, shown in lists and logs: the key's first characters.</summary>
    public required string Prefix { get; set; }

    public required byte[] Salt { get; set; }

    public required byte[] SecretHash { get; set; }

    public ApplicationScopes Scopes { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>Null: never expires.</summary>
    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? RotatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    /// <summary>Requests the key authenticated, refused ones included.</summary>
    public long RequestCount { get; set; }

    /// <summary>Requests refused for the key's rate limit (429).</summary>
    public long ThrottledCount { get; set; }

    /// <summary>Requests refused for a scope the key does not hold (403).</summary>
    public long ForbiddenCount { get; set; }

    /// <summary>The galleries the key may search and change: one, or several for admin tools.</summary>
    public List<ApplicationKeyGallery> Galleries { get; } = [];
}

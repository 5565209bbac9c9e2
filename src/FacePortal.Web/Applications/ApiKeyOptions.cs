using System.ComponentModel.DataAnnotations;

namespace FacePortal.Web.Applications;

/// <summary>The integration API's per-key limits and bookkeeping (<c>FacePortal:ApiKeys</c>).</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "FacePortal:ApiKeys";

    /// <summary>Requests one key may make per <see cref="RateLimitWindowSeconds"/>; more are answered 429 with Retry-After.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPermits { get; set; } = 120;

    [Range(1, 3600)]
    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>How often the keys' request counts and last use are written to the database.</summary>
    [Range(1, 3600)]
    public int UsageFlushSeconds { get; set; } = 15;
}

using System.ComponentModel.DataAnnotations;

namespace FacePortal.Web.Observability;

/// <summary>The <c>FacePortal:Metrics</c> settings: who may scrape /metrics besides this machine.</summary>
public sealed class MetricsOptions
{
    public const string Section = "FacePortal:Metrics";

    /// <summary>
    /// A bearer token a scraper on another machine sends (<c>Authorization: Bearer ...</c>). Unset, only
    /// callers on this machine (loopback) may scrape. From the environment or a secret store, never the repository.
    /// </summary>
    [MinLength(16, ErrorMessage = "must be at least 16 characters: it is the only thing that guards the metrics from other machines.")]
    public string? Token { get; set; }
}

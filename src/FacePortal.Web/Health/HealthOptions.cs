using System.ComponentModel.DataAnnotations;

namespace FacePortal.Web.Health;

/// <summary>The <c>FacePortal:Health</c> settings: when /healthz warns about disk space.</summary>
public sealed class HealthOptions
{
    public const string Section = "FacePortal:Health";

    /// <summary>
    /// Below this much free space on the data directory's disk, /healthz reports Degraded: room for
    /// a couple of full upload batches (256 MB each) and the database's growth. 0 switches the warning off.
    /// </summary>
    [Range(typeof(long), "0", "1099511627776")]
    public long MinFreeDiskBytes { get; set; } = 500L * 1024 * 1024;
}

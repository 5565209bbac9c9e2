using System.ComponentModel.DataAnnotations;

namespace FacePortal.Web.Uploads;

/// <summary>The <c>FacePortal:Sweep</c> settings: how often leftovers of interrupted work are removed.</summary>
public sealed class StorageSweepOptions
{
    public const string Section = "FacePortal:Sweep";

    /// <summary>How often the running app removes stale request buffers and orphaned blobs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A request buffer not written for this long is a leftover (a request that is still arriving
    /// writes to its buffer all the time). At start-up every buffer is one, whatever its age.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RequestBufferAge { get; set; } = TimeSpan.FromHours(1);
}

using System.ComponentModel.DataAnnotations;

namespace FacePortal.Core.People;

/// <summary>The <c>FacePortal:Enrollment</c> section: batch and zip limits. What a face must be to join a person's set is the one <c>FacePortal:Quality</c> rule set.</summary>
public sealed record EnrollmentOptions
{
    public const string Section = "FacePortal:Enrollment";

    /// <summary>Photos per upload request or zip, so a single request cannot hold a worker for hours.</summary>
    [Range(1, 10_000)]
    public int MaxFilesPerBatch { get; init; } = 200;

    /// <summary>Entries a zip import may hold.</summary>
    [Range(1, 1_000_000)]
    public int MaxZipEntries { get; init; } = 5000;

    /// <summary>Total uncompressed bytes a zip import may expand to (zip bombs stop here).</summary>
    [Range(typeof(long), "1", "1099511627776")]
    public long MaxZipUncompressedBytes { get; init; } = 2L * 1024 * 1024 * 1024;
}

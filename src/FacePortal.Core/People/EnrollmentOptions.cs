using System.ComponentModel.DataAnnotations;

namespace FacePortal.Core.People;

/// <summary>The <c>FacePortal:Enrollment</c> section: what a face must be to join a person's set.</summary>
public sealed record EnrollmentOptions : IValidatableObject
{
    public const string Section = "FacePortal:Enrollment";

    /// <summary>Shorter side of the face box in photo pixels; smaller faces embed poorly.</summary>
    [Range(1, 10_000)]
    public float MinFaceSize { get; init; } = 48;

    /// <summary>Laplacian variance of the aligned crop; below this the face is too blurred.</summary>
    [Range(0, 100_000)]
    public float MinSharpness { get; init; } = 40;

    /// <summary>Mean grey level of the face centre, 0..255.</summary>
    [Range(0, 255)]
    public float MinBrightness { get; init; } = 35;

    [Range(0, 255)]
    public float MaxBrightness { get; init; } = 235;

    /// <summary>Photos per upload request or zip, so a single request cannot hold a worker for hours.</summary>
    [Range(1, 10_000)]
    public int MaxFilesPerBatch { get; init; } = 200;

    /// <summary>Entries a zip import may hold.</summary>
    [Range(1, 1_000_000)]
    public int MaxZipEntries { get; init; } = 5000;

    /// <summary>Total uncompressed bytes a zip import may expand to (zip bombs stop here).</summary>
    [Range(typeof(long), "1", "1099511627776")]
    public long MaxZipUncompressedBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxBrightness <= MinBrightness)
        {
            yield return new ValidationResult($"must be above {nameof(MinBrightness)} ({MinBrightness}).", [nameof(MaxBrightness)]);
        }
    }
}

namespace FacePortal.Core.People;

/// <summary>The <c>FacePortal:Enrollment</c> section: what a face must be to join a person's set.</summary>
public sealed record EnrollmentOptions
{
    /// <summary>Shorter side of the face box in photo pixels; smaller faces embed poorly.</summary>
    public float MinFaceSize { get; init; } = 48;

    /// <summary>Laplacian variance of the aligned crop; below this the face is too blurred.</summary>
    public float MinSharpness { get; init; } = 40;

    /// <summary>Mean grey level of the face centre, 0..255.</summary>
    public float MinBrightness { get; init; } = 35;

    public float MaxBrightness { get; init; } = 235;

    /// <summary>Photos per upload request or zip, so a single request cannot hold a worker for hours.</summary>
    public int MaxFilesPerBatch { get; init; } = 200;

    /// <summary>Entries a zip import may hold.</summary>
    public int MaxZipEntries { get; init; } = 5000;

    /// <summary>Total uncompressed bytes a zip import may expand to (zip bombs stop here).</summary>
    public long MaxZipUncompressedBytes { get; init; } = 2L * 1024 * 1024 * 1024;
}

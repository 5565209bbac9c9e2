namespace FacePortal.Web.People;

/// <summary>A photo on its way through enrollment, as the upload list shows it.</summary>
public sealed class EnrollmentItem(string fileName, long size)
{
    public string FileName { get; } = fileName;

    public long Size { get; } = size;

    /// <summary>Transfer progress, 0..100.</summary>
    public double Progress { get; set; }

    public string Stage { get; set; } = "waiting";

    public EnrollmentResult? Result { get; set; }

    /// <summary>
    /// The photo's bytes while it waits for the admin to choose a face (<see cref="EnrollmentStatus.NeedsFaceChoice"/>):
    /// nothing is stored until then. Dropped once the admin chooses or discards it.
    /// </summary>
    public byte[]? AwaitingChoice { get; set; }

    /// <summary>The waiting photo scaled down, as a data URL, to draw the faces on.</summary>
    public string? PreviewUrl { get; set; }
}

using FacePortal.Core.People;

namespace FacePortal.Web.Components.Pages.People;

/// <summary>A photo on its way through enrollment, as the upload list shows it.</summary>
public sealed class EnrollmentItem(string fileName, long size)
{
    public string FileName { get; } = fileName;

    public long Size { get; } = size;

    /// <summary>Transfer progress, 0..100.</summary>
    public double Progress { get; set; }

    public string Stage { get; set; } = "waiting";

    public EnrollmentResult? Result { get; set; }
}

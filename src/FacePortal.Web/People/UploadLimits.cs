namespace FacePortal.Web.People;

/// <summary>Request size limits for uploads and imports.</summary>
public static class UploadLimits
{
    public const long MaxRequestBytes = 256L * 1024 * 1024;

    public const long MaxImportBytes = 2L * 1024 * 1024 * 1024;
}

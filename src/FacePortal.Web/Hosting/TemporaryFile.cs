namespace FacePortal.Web.Hosting;

/// <summary>
/// A scratch file for zips on their way in or out: seekable (the zip reader and writer need that),
/// off the managed heap, and deleted by the OS when the stream closes, whatever happens.
/// </summary>
public static class TemporaryFile
{
    public static FileStream Create() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}

namespace FacePortal.Web.Hosting;

/// <summary>
/// Where large request bodies wait on disk (<c>&lt;data&gt;/tmp</c>), rather than in memory or in the
/// system's temp folder: a folder we own, so files left by a killed process are ours to sweep.
/// </summary>
public sealed class RequestBuffers
{
    public RequestBuffers(string folder)
    {
        Folder = Directory.CreateDirectory(folder).FullName;
    }

    public string Folder { get; }

    /// <summary>A new temporary file, deleted when closed (and by the sweep if the process dies first).</summary>
    public FileStream Create() =>
        new(Path.Combine(Folder, $"request-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}

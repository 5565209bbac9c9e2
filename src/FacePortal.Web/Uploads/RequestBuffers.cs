namespace FacePortal.Web.Uploads;

/// <summary>
/// Where request bodies and other scratch files wait on disk (<c>&lt;data&gt;/tmp</c>), rather than in
/// memory or in the system's temp folder: a folder we own, so files left by a killed process are
/// ours to sweep (<see cref="StorageSweeper"/>).
/// </summary>
public sealed class RequestBuffers(string folder)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>A new temporary file, deleted when closed (and by the sweep if the process dies first).</summary>
    public FileStream Create()
    {
        // Created here rather than at start: constructing the service touches no disk, so a read-only
        // data directory is reported by the start-up check in one line.
        Directory.CreateDirectory(Folder);
        return new(Path.Combine(Folder, $"request-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
    }

    /// <summary>Deletes files last written before <paramref name="olderThanUtc"/>; returns how many.</summary>
    public int DeleteStale(DateTime olderThanUtc)
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc >= olderThanUtc)
            {
                continue;
            }

            try
            {
                file.Delete();
                deleted++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Still open where open files cannot be deleted (Windows); the next sweep tries again.
            }
        }

        return deleted;
    }
}

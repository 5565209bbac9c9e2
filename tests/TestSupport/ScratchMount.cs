namespace FacePortal.TestSupport;

/// <summary>
/// A small tmpfs mounted on a fresh temporary folder, to give the app a disk that really fills up
/// or really turns read-only (the tests run as root, so permissions would not stop a write). Needs
/// root and mount(8): if mounting fails, the test fails saying so; it is never skipped.
/// Disposing unmounts it and removes the folder.
/// </summary>
public sealed class ScratchMount : IDisposable
{
    private ScratchMount(string path) => Path = path;

    public string Path { get; }

    /// <param name="sizeBytes">The file system's size; tmpfs rounds it up to whole pages.</param>
    public static ScratchMount Create(long sizeBytes = 16 * 1024 * 1024)
    {
        var path = Directory.CreateTempSubdirectory("faceportal-mount-").FullName;
        try
        {
            Run("mount", "-t", "tmpfs", "-o", $"size={sizeBytes}", "tmpfs", path);
        }
        catch
        {
            Directory.Delete(path);
            throw;
        }

        return new ScratchMount(path);
    }

    /// <summary>Mounts a tmpfs on <paramref name="folder"/> (an existing, empty folder inside another mount or data directory).</summary>
    public static ScratchMount CreateAt(string folder, long sizeBytes = 2 * 1024 * 1024)
    {
        Directory.CreateDirectory(folder);
        Run("mount", "-t", "tmpfs", "-o", $"size={sizeBytes}", "tmpfs", folder);
        return new ScratchMount(folder);
    }

    /// <summary>Writes a filler file until the file system reports that no space is left.</summary>
    public void Fill()
    {
        var chunk = new byte[64 * 1024];
        using var filler = new FileStream(System.IO.Path.Combine(Path, $"filler-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true)
            {
                filler.Write(chunk);
            }
        }
        catch (IOException)
        {
            // Full; top up the last pages byte by byte.
        }

        try
        {
            while (true)
            {
                filler.Write(chunk, 0, 1);
            }
        }
        catch (IOException)
        {
            // Not one byte more.
        }
    }

    /// <summary>Removes the filler files, giving the space back.</summary>
    public void Empty()
    {
        foreach (var filler in Directory.GetFiles(Path, "filler-*"))
        {
            File.Delete(filler);
        }
    }

    /// <summary>Remounts read-only. Fails while a process holds a file on it open for writing (SQLite's pool: clear it first).</summary>
    public void MakeReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void MakeWritable() => Run("mount", "-o", "remount,rw", Path);

    public void Dispose()
    {
        // Lazy: a process that still has a file open (a server being killed) does not keep the mount.
        Run("umount", "-l", Path);
        Directory.Delete(Path);
    }

    private static void Run(string command, params string[] arguments)
    {
        var exit = ProcessRunner.RunToExitAsync(ProcessRunner.StartInfo(command, arguments), TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        if (exit.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{command} {string.Join(' ', arguments)}' failed ({exit.ExitCode}): {exit.Error.Trim()}. These tests need root and mount(8) for a real full or read-only disk.");
        }
    }
}

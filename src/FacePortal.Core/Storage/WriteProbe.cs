namespace FacePortal.Core.Storage;

/// <summary>
/// Proves a folder can be written: creates it, writes a byte to a new file, flushes it to disk and
/// deletes it. Throws what the file system throws (see <see cref="StorageFailure.Of"/>).
/// </summary>
public static class WriteProbe
{
    public static async Task RunAsync(string folder, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);

        // Ends in .tmp so that the blob store's sweep removes it if the process dies in between.
        var path = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}.tmp");
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await file.WriteAsync(new byte[] { 1 }, cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

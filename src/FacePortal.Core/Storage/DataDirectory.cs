namespace FacePortal.Core.Storage;

/// <summary>The installation's state folder (<c>FacePortal:DataDirectory</c>): database, blobs, request buffers.</summary>
public sealed record DataDirectory(string Path)
{
    public string Combine(string child) => System.IO.Path.Combine(Path, child);

    /// <summary>
    /// Creates the folder if needed and proves it can be written, so that a read-only mount or a full
    /// disk stops start-up with a <see cref="DataDirectoryException"/> that says what to do, before
    /// anything half-starts on it.
    /// </summary>
    public async Task EnsureWritableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteProbe.RunAsync(Path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageFailure.Of(ex) is { } failure)
        {
            throw new DataDirectoryException(Path, failure, ex);
        }
    }
}

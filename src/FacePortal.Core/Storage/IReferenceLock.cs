namespace FacePortal.Core.Storage;

/// <summary>
/// A lock shared by every process that writes to the same blob store and database: what turns the
/// in-process reference gate of <see cref="BlobStore.LockReferencesAsync"/> into one that also
/// holds across web nodes and workers.
/// </summary>
public interface IReferenceLock
{
    /// <summary>Waits for the lock; dispose the result to release it.</summary>
    Task<IDisposable> AcquireAsync(CancellationToken cancellationToken);
}

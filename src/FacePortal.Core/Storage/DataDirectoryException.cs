namespace FacePortal.Core.Storage;

/// <summary>The data directory cannot be written; the message is one line saying which folder and what to do.</summary>
public sealed class DataDirectoryException(string path, StorageFailure failure, Exception inner)
    : Exception(Describe(path, failure), inner)
{
    public string Path { get; } = path;

    public StorageFailure Failure { get; } = failure;

    private static string Describe(string path, StorageFailure failure) => failure.Kind switch
    {
        StorageFailureKind.DiskFull =>
            $"the data directory {path} is not writable (no space left on the disk); free some space or set FacePortal__DataDirectory to a folder on another disk.",
        StorageFailureKind.ReadOnly =>
            $"the data directory {path} is not writable (read-only file system); mount it read-write or set FacePortal__DataDirectory to a writable folder.",
        StorageFailureKind.AccessDenied =>
            $"the data directory {path} is not writable (permission denied); let the user running FacePortal write to it or set FacePortal__DataDirectory to a writable folder.",
        _ => $"the data directory {path} is not writable; check its disk or set FacePortal__DataDirectory to a writable folder.",
    };
}

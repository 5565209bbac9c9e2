using System.Buffers;
using System.Security.Cryptography;

namespace FacePortal.Core.Storage;

/// <summary>
/// Content-addressed files under one directory: a blob's name is the SHA-256 of its bytes, so
/// duplicates are stored once and no caller-supplied text ever becomes part of a path.
/// Writes go to a temporary file that is renamed into place, so a reader never sees half a file.
/// Folders are created by the first write, so constructing a store touches no disk (a read-only
/// data directory is reported by the start-up check, not by a constructor).
/// </summary>
public sealed class BlobStore
{
    private const string TempSuffix = ".tmp";

    private readonly IReferenceLock? _sharedLock;

    /// <param name="sharedLock">
    /// Also taken by <see cref="LockReferencesAsync"/> when other processes share this store and its
    /// database (a database lock); null for a store only this process writes (SQLite).
    /// </param>
    public BlobStore(string root, IReferenceLock? sharedLock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        _sharedLock = sharedLock;
    }

    public string Root { get; }

    private readonly SemaphoreSlim _referenceGate = new(1, 1);

    /// <summary>
    /// Serialises "store a blob and commit the rows that reference it" against "check references and
    /// delete the blob", so a deletion never removes a file that a concurrent enrollment is about to use.
    /// In-process first (cheap, and keeps this process to one database connection for it), then the
    /// shared lock, if any, across processes. Dispose the result to release it.
    /// </summary>
    public async Task<IDisposable> LockReferencesAsync(CancellationToken cancellationToken = default)
    {
        await _referenceGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var local = new Releaser(_referenceGate, null);
        if (_sharedLock is null)
        {
            return local;
        }

        try
        {
            return new Releaser(_referenceGate, await _sharedLock.AcquireAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            local.Dispose();
            throw;
        }
    }

    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static bool IsValidHash(string? hash) =>
        hash is { Length: 64 } && hash.AsSpan().IndexOfAnyExcept(HexDigits) < 0;

    /// <summary>Stores the bytes (once) and returns their hash.</summary>
    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var hash = HashOf(content.Span);
        var path = PathOf(hash);
        if (File.Exists(path))
        {
            return hash;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}{TempSuffix}";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await file.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return hash;
    }

    public bool Exists(string hash) => File.Exists(PathOf(hash));

    /// <summary>Opens a blob for reading, or null when it is not stored.</summary>
    public Stream? OpenRead(string hash)
    {
        var path = PathOf(hash);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
    }

    public async Task<byte[]?> ReadAllAsync(string hash, CancellationToken cancellationToken = default)
    {
        var path = PathOf(hash);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>Removes a blob; true when a file was there.</summary>
    public bool Delete(string hash)
    {
        var path = PathOf(hash);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    /// <summary>Every stored blob with its last write time (temporary files excluded).</summary>
    public IEnumerable<(string Hash, DateTime LastWriteUtc)> Enumerate()
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(path);
            if (IsValidHash(name))
            {
                yield return (name, File.GetLastWriteTimeUtc(path));
            }
        }
    }

    /// <summary>Deletes temporary files left by a process that died mid-write.</summary>
    public int DeleteStaleTempFiles(DateTime olderThanUtc)
    {
        var deleted = 0;
        if (!Directory.Exists(Root))
        {
            return deleted;
        }

        foreach (var path in Directory.EnumerateFiles(Root, "*" + TempSuffix, SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(path) < olderThanUtc)
            {
                File.Delete(path);
                deleted++;
            }
        }

        return deleted;
    }

    private string PathOf(string hash)
    {
        if (!IsValidHash(hash))
        {
            throw new ArgumentException("Not a blob hash (64 lower-case hex digits).", nameof(hash));
        }

        // Two levels of 256 folders keep directories small at millions of files.
        return Path.Combine(Root, hash[..2], hash[2..4], hash);
    }

    private sealed class Releaser(SemaphoreSlim gate, IDisposable? shared) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                try
                {
                    shared?.Dispose();
                }
                finally
                {
                    gate.Release();
                }
            }
        }
    }

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");
}

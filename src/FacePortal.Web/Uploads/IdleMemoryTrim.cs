namespace FacePortal.Web.Uploads;

/// <summary>
/// Gives memory back to the system after bursts of large requests. Photos of up to 20 MB land on
/// the large-object heap, and an idle server allocates nothing, so no collection would ever run
/// to return those pages: once the last large request has been finished for a moment, one
/// aggressive collection does (milliseconds at these heap sizes, and only after a burst).
/// </summary>
public sealed class IdleMemoryTrim(ILogger<IdleMemoryTrim> logger)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    private readonly Lock _lock = new();
    private int _active;
    private long _generation;

    /// <summary>Marks one large request as running; dispose it when the request is done.</summary>
    public IDisposable Begin()
    {
        lock (_lock)
        {
            _active++;
            _generation++;
        }

        return new Scope(this);
    }

    private void End()
    {
        long generation;
        lock (_lock)
        {
            if (--_active > 0)
            {
                return;
            }

            generation = _generation;
        }

        _ = TrimWhenQuietAsync(generation);
    }

    private async Task TrimWhenQuietAsync(long generation)
    {
        await Task.Delay(Quiet).ConfigureAwait(false);
        lock (_lock)
        {
            if (_active > 0 || _generation != generation)
            {
                return;
            }
        }

        var before = GC.GetTotalMemory(forceFullCollection: false);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (OperatingSystem.IsLinux())
        {
            // Decoded pixels live in native memory (SkiaSharp); glibc keeps freed pages in its arenas until asked.
            MallocTrim(0);
        }

        logger.LogDebug("Trimmed memory after large requests: managed heap {Before:N0} -> {After:N0} bytes", before, GC.GetTotalMemory(false));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    private sealed class Scope(IdleMemoryTrim owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.End();
            }
        }
    }
}

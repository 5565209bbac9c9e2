namespace FacePortal.Shared.Imaging;

/// <summary>
/// One bound on the memory that decoded photos may hold at once, shared by every caller of one
/// decoder (in the web app: every endpoint that decodes photos, and the live hub). A decode reserves
/// what the image header says it will cost before any pixel is decoded, and gives it back when the
/// decoded image is disposed. Per-endpoint concurrency limits alone let a few small files that
/// announce huge dimensions add up across endpoints.
/// </summary>
public sealed class DecodeMemoryBudget
{
    private readonly object _gate = new();
    private long _reserved;
    private long _peak;

    public DecodeMemoryBudget(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, 1);
        CapacityBytes = capacityBytes;
    }

    public long CapacityBytes { get; }

    public long ReservedBytes
    {
        get
        {
            lock (_gate)
            {
                return _reserved;
            }
        }
    }

    /// <summary>The most ever reserved at once (for tests and measurements).</summary>
    public long PeakReservedBytes
    {
        get
        {
            lock (_gate)
            {
                return _peak;
            }
        }
    }

    /// <summary>
    /// Reserves <paramref name="bytes"/>, waiting up to <paramref name="patience"/> for others to give
    /// memory back; null when it is still spent then. A reservation larger than the whole budget is
    /// granted only while nothing else is reserved, so one photo the decoder's own limits accept
    /// (<see cref="ImageLimits.MaxPixels"/>) always decodes on an idle server.
    /// </summary>
    public DecodeMemoryLease? TryReserve(long bytes, TimeSpan patience)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        var deadline = DateTime.UtcNow + patience;
        lock (_gate)
        {
            while (_reserved > 0 && _reserved + bytes > CapacityBytes)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return null;
                }

                Monitor.Wait(_gate, left);
            }

            _reserved += bytes;
            _peak = Math.Max(_peak, _reserved);
            return new DecodeMemoryLease(this, bytes);
        }
    }

    internal void Release(long bytes)
    {
        lock (_gate)
        {
            _reserved -= bytes;
            Monitor.PulseAll(_gate);
        }
    }
}

/// <summary>Memory reserved in a <see cref="DecodeMemoryBudget"/>; disposing it gives the memory back, once.</summary>
public sealed class DecodeMemoryLease : IDisposable
{
    private readonly DecodeMemoryBudget _budget;
    private long _bytes;

    internal DecodeMemoryLease(DecodeMemoryBudget budget, long bytes)
    {
        _budget = budget;
        _bytes = bytes;
    }

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Gives back all but <paramref name="bytes"/>: what a decode needed only while it ran.</summary>
    public void ShrinkTo(long bytes)
    {
        var before = Interlocked.Exchange(ref _bytes, Math.Min(bytes, Interlocked.Read(ref _bytes)));
        if (before > bytes)
        {
            _budget.Release(before - bytes);
        }
    }

    public void Dispose() => _budget.Release(Interlocked.Exchange(ref _bytes, 0));
}

/// <summary>
/// Thrown when the decode-memory budget stays spent: the server is busy with other photos, nothing
/// is wrong with this one. Its message is fit to show; the web app answers it with 429 and Retry-After.
/// </summary>
public sealed class DecodeMemoryBudgetException(long neededBytes, long capacityBytes, TimeSpan retryAfter)
    : Exception($"The server is decoding too many large photos at once right now (this one needs {neededBytes / (1024 * 1024)} MB of the {capacityBytes / (1024 * 1024)} MB it allows for all of them). Try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

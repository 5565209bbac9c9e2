using System.Collections.Concurrent;

namespace FacePortal.Core.Applications;

/// <summary>
/// Counts each key's requests in memory and adds them to its row in one UPDATE per key per flush
/// (<see cref="FlushAsync"/>, run periodically and when the host stops), instead of one write per
/// request. Lists add what is still pending, so the counts shown are exact; the increments are
/// relative (<c>count = count + n</c>), so several processes sharing a database add up too.
/// </summary>
public sealed class ApplicationKeyUsage(IDbContextFactory<FacePortalDbContext> databases, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, Counter> _pending = new();

    public void Used(Guid keyId) => Counter(keyId).Add(WholeMilliseconds(time.GetUtcNow().UtcDateTime), requests: 1);

    public void Throttled(Guid keyId) => Counter(keyId).Add(null, throttled: 1);

    public void Forbidden(Guid keyId) => Counter(keyId).Add(null, forbidden: 1);

    // Every provider stores at least millisecond precision (PostgreSQL keeps microseconds, .NET ticks
    // are 100 ns), so the last use read back equals the one still pending in memory.
    private static DateTime WholeMilliseconds(DateTime at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond));

    public PendingUsage Pending(Guid keyId) => _pending.TryGetValue(keyId, out var counter) ? counter.Read() : default;

    /// <summary>Writes the pending counts; a count whose write fails stays pending for the next flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (id, counter) in _pending)
        {
            var taken = counter.Take();
            if (taken.Requests == 0 && taken.Throttled == 0 && taken.Forbidden == 0)
            {
                continue;
            }

            try
            {
                await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
                var lastUsed = taken.LastUsedAt;
                await db.ApplicationKeys.Where(k => k.Id == id).ExecuteUpdateAsync(
                    set => set
                        .SetProperty(k => k.RequestCount, k => k.RequestCount + taken.Requests)
                        .SetProperty(k => k.ThrottledCount, k => k.ThrottledCount + taken.Throttled)
                        .SetProperty(k => k.ForbiddenCount, k => k.ForbiddenCount + taken.Forbidden)
                        .SetProperty(k => k.LastUsedAt, k => lastUsed != null && (k.LastUsedAt == null || k.LastUsedAt < lastUsed) ? lastUsed : k.LastUsedAt),
                    cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                counter.Restore(taken);
                throw;
            }
        }
    }

    private Counter Counter(Guid keyId) => _pending.GetOrAdd(keyId, _ => new Counter());
}

/// <summary>Uses of a key not yet written to its row.</summary>
public readonly record struct PendingUsage(long Requests, long Throttled, long Forbidden, DateTime? LastUsedAt);

internal sealed class Counter
{
    private readonly Lock _lock = new();
    private PendingUsage _value;

    public void Add(DateTime? usedAt, long requests = 0, long throttled = 0, long forbidden = 0)
    {
        lock (_lock)
        {
            _value = new PendingUsage(
                _value.Requests + requests,
                _value.Throttled + throttled,
                _value.Forbidden + forbidden,
                usedAt is { } at && (_value.LastUsedAt is null || at > _value.LastUsedAt) ? at : _value.LastUsedAt);
        }
    }

    public PendingUsage Read()
    {
        lock (_lock)
        {
            return _value;
        }
    }

    public PendingUsage Take()
    {
        lock (_lock)
        {
            var taken = _value;
            _value = default;
            return taken;
        }
    }

    public void Restore(PendingUsage taken) => Add(taken.LastUsedAt, taken.Requests, taken.Throttled, taken.Forbidden);
}

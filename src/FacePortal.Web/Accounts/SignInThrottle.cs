using System.Collections.Concurrent;
using System.Net;

namespace FacePortal.Web.Accounts;

/// <summary>
/// Counts failed sign-ins per client address in a sliding window. The per-address limit sits
/// below the account lockout threshold, so one address cannot lock somebody else's account
/// out within a window; it has to wait, as a person who mistyped would.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, SignInThrottleOptions options)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long this address must wait before its next attempt; zero when it may try now.</summary>
    public TimeSpan RetryAfter(IPAddress? address)
    {
        var failures = _failures.GetOrAdd(Key(address), _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            var now = clock.GetUtcNow();
            Expire(failures, now);
            return failures.Count < options.MaxFailuresPerAddress ? TimeSpan.Zero : failures.Peek() + options.Window - now;
        }
    }

    public void RecordFailure(IPAddress? address)
    {
        var failures = _failures.GetOrAdd(Key(address), _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            var now = clock.GetUtcNow();
            Expire(failures, now);
            failures.Enqueue(now);
        }
    }

    private void Expire(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + options.Window <= now)
        {
            failures.Dequeue();
        }
    }

    private static string Key(IPAddress? address) => address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}

using System.Collections.Concurrent;
using System.Net;
using FacePortal.Core.Text;

namespace FacePortal.Web.Accounts;

/// <summary>
/// Counts failed sign-ins in a sliding window, per client address and account name, and per client
/// address alone. A client's failures never count against another client: behind a proxy that
/// shares its address, the address is the client's own once the proxy is configured
/// (<c>FacePortal:ReverseProxy</c>). Per account, the limit sits below the account lockout threshold,
/// so one address cannot lock somebody else's account out within a window; the per-address cap stops
/// one address from trying a few passwords on every account.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, SignInThrottleOptions options)
{
    /// <summary>Windows are swept of empty ones every this many failures, so guessed names do not pile up.</summary>
    private const int SweepEvery = 1024;

    /// <summary>Longer names are cut: they name no account, and the key's memory stays bounded.</summary>
    private const int MaxNameLength = 256;

    private readonly ConcurrentDictionary<string, FailureWindow> _failures = new(StringComparer.Ordinal);
    private int _recorded;

    /// <summary>How long this client must wait before its next attempt on this account; zero when it may try now.</summary>
    public TimeSpan RetryAfter(IPAddress? address, string? userName)
    {
        var now = clock.GetUtcNow();
        var client = Wait(ClientKey(address), options.MaxFailuresPerAddress, now);
        var account = Wait(AccountKey(address, userName), options.MaxFailuresPerAccount, now);
        return client > account ? client : account;
    }

    public void RecordFailure(IPAddress? address, string? userName)
    {
        var now = clock.GetUtcNow();
        Record(ClientKey(address), now);
        Record(AccountKey(address, userName), now);
        if (Interlocked.Increment(ref _recorded) % SweepEvery == 0)
        {
            Sweep(now);
        }
    }

    private TimeSpan Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var window))
        {
            return TimeSpan.Zero;
        }

        lock (window)
        {
            window.Expire(now, options.Window);
            return window.Times.Count < limit ? TimeSpan.Zero : window.Times.Peek() + options.Window - now;
        }
    }

    private void Record(string key, DateTimeOffset now)
    {
        while (true)
        {
            var window = _failures.GetOrAdd(key, _ => new FailureWindow());
            lock (window)
            {
                // A sweep removed this window between the look-up and the lock: take the new one.
                if (window.Retired)
                {
                    continue;
                }

                window.Expire(now, options.Window);
                window.Times.Enqueue(now);
                return;
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in _failures)
        {
            lock (window)
            {
                window.Expire(now, options.Window);
                if (window.Times.Count == 0)
                {
                    window.Retired = true;
                    _failures.TryRemove(new KeyValuePair<string, FailureWindow>(key, window));
                }
            }
        }
    }

    private static string ClientKey(IPAddress? address) =>
        address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    // Names compare as Identity compares them (upper case), after the same normalising as when accounts are made.
    private static string AccountKey(IPAddress? address, string? userName)
    {
        var name = VisibleName.Normalize(userName ?? string.Empty).ToUpperInvariant();
        return ClientKey(address) + "\n" + (name.Length > MaxNameLength ? name[..MaxNameLength] : name);
    }

    private sealed class FailureWindow
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        public bool Retired { get; set; }

        public void Expire(DateTimeOffset now, TimeSpan window)
        {
            while (Times.Count > 0 && Times.Peek() + window <= now)
            {
                Times.Dequeue();
            }
        }
    }
}

using System.Collections.Concurrent;

namespace FacePortal.Web.Accounts;

/// <summary>
/// The sessions of each account that outlive a request: live-hub connections and Blazor
/// circuits. A cookie is re-checked on every request, but these stay open for hours, so locking,
/// deleting or demoting an account, or resetting its password, ends them here at once, and on
/// the other nodes through the <see cref="ISessionEndRelay"/>s (Redis, when there are several).
/// </summary>
public sealed class AccountSessions(ILogger<AccountSessions> logger, IEnumerable<ISessionEndRelay> relays)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Action>> _byUser = new(StringComparer.Ordinal);

    /// <summary>Remembers how to end one session of <paramref name="userId"/>; dispose when the session ends by itself.</summary>
    public IDisposable Register(string userId, Action end)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(end);
        var id = Guid.NewGuid();
        _byUser.GetOrAdd(userId, _ => new ConcurrentDictionary<Guid, Action>())[id] = end;
        return new Registration(this, userId, id);
    }

    /// <summary>Ends every open session of the account, on this node and the others; returns how many there were here.</summary>
    public int End(string userId)
    {
        var ended = EndHere(userId);
        foreach (var relay in relays)
        {
            relay.Ended(userId);
        }

        return ended;
    }

    /// <summary>Ends the account's sessions on this node only: for an end another node announced.</summary>
    public int EndHere(string userId)
    {
        if (!_byUser.TryRemove(userId, out var sessions))
        {
            return 0;
        }

        foreach (var end in sessions.Values)
        {
            try
            {
                end();
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
            {
                // The session closed while we were ending it.
                logger.LogDebug(ex, "A session of {UserId} was already closing", userId);
            }
        }

        logger.LogInformation("Ended {Count} open session(s) of {UserId}", sessions.Count, userId);
        return sessions.Count;
    }

    private void Unregister(string userId, Guid id)
    {
        if (_byUser.TryGetValue(userId, out var sessions) && sessions.TryRemove(id, out _) && sessions.IsEmpty)
        {
            _byUser.TryRemove(new KeyValuePair<string, ConcurrentDictionary<Guid, Action>>(userId, sessions));
        }
    }

    private sealed class Registration(AccountSessions owner, string userId, Guid id) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unregister(userId, id);
            }
        }
    }
}

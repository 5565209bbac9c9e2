using System.Collections.Concurrent;

namespace FacePortal.Web.Recognition.Live;

/// <summary>
/// Counts open live connections per account on this node, so one account cannot hold hundreds
/// of them (each keeps a session, a mailbox and a socket) however it opens them.
/// </summary>
public sealed class LiveConnectionLimit(LiveConnectionOptions options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int MaxPerAccount => options.MaxPerAccount;

    /// <summary>Counts a new connection of <paramref name="userId"/>; false, counting nothing, when the account holds its maximum already.</summary>
    public bool TryOpen(string userId)
    {
        while (true)
        {
            var open = _open.GetOrAdd(userId, 0);
            if (open >= options.MaxPerAccount)
            {
                return false;
            }

            if (_open.TryUpdate(userId, open + 1, open))
            {
                return true;
            }
        }
    }

    /// <summary>One connection that <see cref="TryOpen"/> counted has closed.</summary>
    public void Close(string userId)
    {
        while (_open.TryGetValue(userId, out var open))
        {
            if (open <= 1 ? _open.TryRemove(new KeyValuePair<string, int>(userId, open)) : _open.TryUpdate(userId, open - 1, open))
            {
                return;
            }
        }
    }
}

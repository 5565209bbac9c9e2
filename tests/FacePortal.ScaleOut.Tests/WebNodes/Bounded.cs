using System.Diagnostics;

namespace FacePortal.ScaleOut.Tests.WebNodes;

/// <summary>The one way the multi-node tests and the bench wait for another node: a poll with a limit.</summary>
public static class Bounded
{
    /// <summary>
    /// Polls <paramref name="condition"/> until it holds and returns when (since <paramref name="since"/> started) the
    /// poll that saw it was sent: the change had reached the node by then. Throws after <paramref name="limit"/>.
    /// </summary>
    public static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, Stopwatch since, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(since);
        while (since.Elapsed < limit)
        {
            var sentAt = since.Elapsed;
            if (await condition())
            {
                return sentAt;
            }

            await Task.Delay(5, cancellationToken);
        }

        throw new TimeoutException($"Still not so after {limit.TotalSeconds:0} s.");
    }
}

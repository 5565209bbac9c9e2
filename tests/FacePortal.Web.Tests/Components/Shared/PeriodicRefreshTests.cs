using System.Collections.Concurrent;
using Bunit;
using FacePortal.Web.Components.Shared;

namespace FacePortal.Web.Tests.Components.Shared;

public sealed class PeriodicRefreshTests : BunitContext
{
    [Fact]
    public async Task Ticks_every_period_until_it_is_removed_and_then_cancels_the_last_ticks_token()
    {
        var ticks = 0;
        // Ticks run on the timer's thread while the test reads: a queue it can read safely.
        var tokens = new ConcurrentQueue<CancellationToken>();
        var third = new TaskCompletionSource();
        Render<PeriodicRefresh>(p => p
            .Add(c => c.Period, TimeSpan.FromMilliseconds(20))
            .Add(c => c.OnTick, token =>
            {
                tokens.Enqueue(token);
                if (++ticks == 3)
                {
                    third.TrySetResult();
                }
            }));

        await third.Task.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);
        Assert.DoesNotContain(tokens, t => t.IsCancellationRequested);
        await DisposeComponentsAsync();
        var atRemoval = ticks;
        await Task.Delay(200, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal(atRemoval, ticks);
        Assert.True(tokens.Last().IsCancellationRequested);
    }
}

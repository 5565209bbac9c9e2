using System.Diagnostics;
using FacePortal.Web.Recognition.Live;

namespace FacePortal.Web.Tests.Live;

/// <summary>The per-connection mailbox: one frame analysed, one waiting, newer frames replace the waiting one.</summary>
public sealed class LiveSessionTests
{
    [Fact]
    public void A_frame_offered_while_busy_waits_and_a_newer_one_replaces_it()
    {
        using var session = new LiveSession("c1", 30);
        var (first, second, third) = (Frame(1), Frame(2), Frame(3));

        Assert.True(session.Offer(first, out var none));
        Assert.False(session.Offer(second, out var replacedByTwo));
        Assert.False(session.Offer(third, out var replacedByThree));

        Assert.Null(none);
        Assert.Null(replacedByTwo);
        Assert.Same(second, replacedByThree);
        Assert.Same(third, session.Next());
        Assert.Null(session.Next());
        Assert.True(session.Offer(Frame(4), out _), "an idle session starts analysing at once");
    }

    [Fact]
    public void The_frame_limit_holds_at_a_low_setting_a_second_after_the_bucket_is_empty()
    {
        using var session = new LiveSession("c1", 4);
        var burst = 0;
        while (Acquire(session))
        {
            burst++;
        }

        Thread.Sleep(1000);
        var refilled = 0;
        while (Acquire(session))
        {
            refilled++;
        }

        Assert.InRange(burst, 4, 5);
        // A second refills four tokens (five if a timer tick lands at the edge), not the ten a 100 ms tick gave.
        Assert.InRange(refilled, 1, 5);

        static bool Acquire(LiveSession session)
        {
            using var lease = session.RateLimit.AttemptAcquire();
            return lease.IsAcquired;
        }
    }

    [Fact]
    public void A_closed_session_takes_nothing_and_forgets_what_waited()
    {
        var session = new LiveSession("c1", 30);
        session.Offer(Frame(1), out _);
        session.Offer(Frame(2), out _);

        session.Dispose();

        Assert.True(session.IsClosed);
        Assert.Null(session.Next());
        Assert.False(session.Offer(Frame(3), out _));
    }

    private static PendingFrame Frame(long sequence) => new(new FrameRequest { Sequence = sequence }, Stopwatch.GetTimestamp());
}

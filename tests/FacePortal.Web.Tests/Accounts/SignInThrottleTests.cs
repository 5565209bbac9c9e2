using System.Net;
using FacePortal.Web.Accounts;

namespace FacePortal.Web.Tests.Accounts;

public sealed class SignInThrottleTests
{
    private readonly ManualClock _clock = new();
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(_clock, new SignInThrottleOptions { MaxFailuresPerAddress = 3, Window = TimeSpan.FromMinutes(10) });

    [Fact]
    public void An_address_waits_after_its_limit_until_the_oldest_failure_leaves_the_window()
    {
        var address = IPAddress.Parse("203.0.113.7");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter(address));
            _throttle.RecordFailure(address);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(TimeSpan.FromMinutes(7), _throttle.RetryAfter(address));
        _clock.Advance(TimeSpan.FromMinutes(7));
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter(address));
    }

    [Fact]
    public void Addresses_are_counted_apart_and_ipv4_mapped_addresses_count_as_ipv4()
    {
        var address = IPAddress.Parse("198.51.100.1");
        for (var i = 0; i < 3; i++)
        {
            _throttle.RecordFailure(address.MapToIPv6());
        }

        Assert.True(_throttle.RetryAfter(address) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter(IPAddress.Parse("198.51.100.2")));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

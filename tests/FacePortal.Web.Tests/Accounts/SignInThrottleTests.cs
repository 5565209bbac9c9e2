using System.Net;
using FacePortal.Web.Accounts;

namespace FacePortal.Web.Tests.Accounts;

public sealed class SignInThrottleTests
{
    private readonly ManualClock _clock = new();
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(
        _clock, new SignInThrottleOptions { MaxFailuresPerAccount = 3, MaxFailuresPerAddress = 5, Window = TimeSpan.FromMinutes(10) });

    [Fact]
    public void An_address_waits_after_its_limit_on_an_account_until_the_oldest_failure_leaves_the_window()
    {
        var address = IPAddress.Parse("203.0.113.7");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter(address, "ana"));
            _throttle.RecordFailure(address, "ana");
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(TimeSpan.FromMinutes(7), _throttle.RetryAfter(address, "ana"));
        Assert.Equal(TimeSpan.FromMinutes(7), _throttle.RetryAfter(address, " ANA "));
        _clock.Advance(TimeSpan.FromMinutes(7));
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter(address, "ana"));
    }

    [Fact]
    public void One_clients_failures_never_refuse_another_client_on_the_same_account()
    {
        var attacker = IPAddress.Parse("198.51.100.1");
        for (var i = 0; i < 50; i++)
        {
            _throttle.RecordFailure(attacker, "admin");
        }

        Assert.True(_throttle.RetryAfter(attacker, "admin") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter(IPAddress.Parse("198.51.100.2"), "admin"));
    }

    [Fact]
    public void An_address_trying_many_accounts_is_capped_over_all_of_them()
    {
        var address = IPAddress.Parse("198.51.100.9");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter(address, "user" + i));
            _throttle.RecordFailure(address, "user" + i);
        }

        Assert.True(_throttle.RetryAfter(address, "somebody-else") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter(IPAddress.Parse("198.51.100.10"), "somebody-else"));
    }

    [Fact]
    public void Ipv4_mapped_addresses_count_as_ipv4()
    {
        var address = IPAddress.Parse("198.51.100.1");
        for (var i = 0; i < 3; i++)
        {
            _throttle.RecordFailure(address.MapToIPv6(), "ana");
        }

        Assert.True(_throttle.RetryAfter(address, "ana") > TimeSpan.Zero);
    }

    [Fact]
    public void Expired_windows_are_swept_and_counting_goes_on_after_a_sweep()
    {
        // More than one sweep's worth of guessed names, then the window passes and a sweep runs.
        var lenient = new SignInThrottle(_clock, new SignInThrottleOptions { MaxFailuresPerAccount = 3, MaxFailuresPerAddress = 10000, Window = TimeSpan.FromMinutes(10) });
        var address = IPAddress.Parse("198.51.100.3");
        for (var i = 0; i < 1023; i++)
        {
            lenient.RecordFailure(address, "guess" + i);
        }

        _clock.Advance(TimeSpan.FromMinutes(11));
        for (var i = 0; i < 3; i++)
        {
            lenient.RecordFailure(address, "ana");
        }

        Assert.True(lenient.RetryAfter(address, "ana") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, lenient.RetryAfter(address, "guess1"));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

using Northstar.Server.Accounts;
using Northstar.Testing;

namespace Northstar.Server.Tests.Accounts;

/// <summary>The log-in throttle's windows, per name and per address, on a clock the test moves.</summary>
public sealed class LoginThrottleTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RetryAfter_TenFailuresOfOneNameFromManyAddresses_NameBlockedUntilTheWindowEnds()
    {
        var clock = new ManualClock(Start);
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("ada", $"10.0.0.{i}"));
            throttle.Failed("ada", $"10.0.0.{i}");
        }

        clock.Now = Start.AddSeconds(15);

        Assert.Equal(TimeSpan.FromSeconds(45), throttle.RetryAfter("ADA ", "10.0.0.99"));
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("bob", "10.0.0.99"));
        clock.Now = Start.AddMinutes(1);
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("ada", "10.0.0.99"));
    }

    [Fact]
    public void RetryAfter_TenFailuresFromOneAddressWithManyNames_AddressBlocked()
    {
        var clock = new ManualClock(Start);
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < 10; i++)
        {
            throttle.Failed($"user{i}", "192.0.2.7");
        }

        Assert.Equal(TimeSpan.FromMinutes(1), throttle.RetryAfter("someone-else", "192.0.2.7"));
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("someone-else", "192.0.2.8"));
    }

    [Fact]
    public void RetryAfter_NineFailuresThenSuccess_NameCountStartsAgain()
    {
        var throttle = new LoginThrottle(new ManualClock(Start));
        for (var i = 0; i < 9; i++)
        {
            throttle.Failed("ada", "192.0.2.1");
        }

        throttle.Succeeded("ada");
        throttle.Failed("ada", "192.0.2.2");

        // Nine earlier failures were forgotten with the success: one is not ten.
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("ada", "192.0.2.2"));
    }

    [Fact]
    public void Failed_AfterTheWindow_StartsANewWindow()
    {
        var clock = new ManualClock(Start);
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < 9; i++)
        {
            throttle.Failed("ada", null);
        }

        clock.Now = Start.AddSeconds(61);
        throttle.Failed("ada", null);

        // 9 failures in the first window and 1 in the second: neither reaches 10.
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("ada", null));
    }
}

namespace Northstar.Server.Tests.Tracking;

/// <summary>A clock that stands still at one instant (the receive time of every tracking request).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override long GetTimestamp() => now.UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
}

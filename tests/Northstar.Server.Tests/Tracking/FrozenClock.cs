using Northstar.Testing;

namespace Northstar.Server.Tests.Tracking;

/// <summary>
/// A <see cref="ManualClock"/> whose timestamps stand still too: a write key's token bucket never
/// refills, so a rate-limit test is not at the mercy of the machine's speed.
/// </summary>
internal sealed class FrozenClock(DateTimeOffset now) : ManualClock(now)
{
    public override long GetTimestamp() => Now.UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
}

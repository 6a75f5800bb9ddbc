namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>A clock that stands still until the test moves it, so "today" and incomplete buckets are fixed.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

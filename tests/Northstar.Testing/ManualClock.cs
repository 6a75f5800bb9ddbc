namespace Northstar.Testing;

/// <summary>A clock the test sets: <see cref="Now"/> is what the code under test sees as the time, until changed.</summary>
public class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

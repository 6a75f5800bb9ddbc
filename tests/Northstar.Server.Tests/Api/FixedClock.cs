namespace Northstar.Server.Tests.Api;

/// <summary>A clock that always says the same instant (the API tests' "today").</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

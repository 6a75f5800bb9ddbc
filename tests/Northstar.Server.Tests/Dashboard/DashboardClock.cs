namespace Northstar.Server.Tests.Dashboard;

/// <summary>A clock stopped at one instant: "today" for the dashboard's engines and pacing.</summary>
public sealed class DashboardClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

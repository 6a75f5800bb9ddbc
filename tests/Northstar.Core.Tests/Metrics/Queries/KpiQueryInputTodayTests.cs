using Northstar.Core.Metrics.Queries;
using Northstar.Core.Tests.Metrics.Kpis;

namespace Northstar.Core.Tests.Metrics.Queries;

/// <summary>The as-of day (<c>--today</c>, <c>?today=</c>) the goal and report front ends read.</summary>
public class KpiQueryInputTodayTests
{
    [Fact]
    public void ReadToday_IsoDate_IsThatDay()
    {
        using var world = new KpiWorld();

        Assert.Equal(new DateOnly(2026, 1, 11), KpiQueryInput.ReadToday("2026-01-11", world.Engine()));
    }

    [Fact]
    public void ReadToday_Null_IsTheEnginesToday()
    {
        // The engine's clock stands at 2027-01-01 12:00 UTC and the workspace is in UTC.
        using var world = new KpiWorld();

        Assert.Equal(new DateOnly(2027, 1, 1), KpiQueryInput.ReadToday(null, world.Engine()));
    }

    [Theory]
    [InlineData("2026-1-11")]
    [InlineData("11/01/2026")]
    [InlineData("2026-02-30")]
    [InlineData("")]
    public void ReadToday_NotAnIsoDate_IsNull(string text)
    {
        using var world = new KpiWorld();

        Assert.Null(KpiQueryInput.ReadToday(text, world.Engine()));
    }
}

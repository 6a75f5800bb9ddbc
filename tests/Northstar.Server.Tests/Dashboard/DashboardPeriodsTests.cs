using Northstar.Core.Metrics.Periods;
using Northstar.Server.Pages.Dashboard;

namespace Northstar.Server.Tests.Dashboard;

public sealed class DashboardPeriodsTests
{
    private static readonly FiscalCalendar Calendar = new();
    private static readonly DateOnly Today = new(2027, 2, 15);

    [Fact]
    public void Resolve_LastDayEndsTheMonth_IsThatMonth() =>
        Assert.Equal("2026-12", DashboardPeriods.Resolve(null, quarter: false, Calendar, Today, new DateOnly(2026, 12, 31)).Label);

    [Fact]
    public void Resolve_MonthOnly70PercentIn_IsTheMonthBefore()
    {
        // 2026-11-21: 21 of November's 30 days (70%) are in, below 80%.
        Assert.Equal("2026-10", DashboardPeriods.Resolve(null, quarter: false, Calendar, Today, new DateOnly(2026, 11, 21)).Label);
    }

    [Fact]
    public void Resolve_Month80PercentIn_IsThatMonth()
    {
        // 2026-11-24: 24 of 30 days = 80%.
        Assert.Equal("2026-11", DashboardPeriods.Resolve(null, quarter: false, Calendar, Today, new DateOnly(2026, 11, 24)).Label);
    }

    [Fact]
    public void Resolve_QuarterHalfIn_IsTheQuarterBefore()
    {
        // 2026-11-21: Q4 has 31 + 21 = 52 of 92 days in (57%).
        Assert.Equal("2026-Q3", DashboardPeriods.Resolve(null, quarter: true, Calendar, Today, new DateOnly(2026, 11, 21)).Label);
    }

    [Fact]
    public void Resolve_NamedPeriod_WinsOverTheDefault() =>
        Assert.Equal("2025-Q3", DashboardPeriods.Resolve("2025-Q3", quarter: true, Calendar, Today, new DateOnly(2026, 12, 31)).Label);

    [Fact]
    public void Resolve_MonthAskedInTheQuarterView_IsItsQuarter() =>
        Assert.Equal("2025-Q3", DashboardPeriods.Resolve("2025-08", quarter: true, Calendar, Today, null).Label);

    [Fact]
    public void Resolve_YearInTheMonthView_IsItsFirstMonth() =>
        Assert.Equal("2025-01", DashboardPeriods.Resolve("2025", quarter: false, Calendar, Today, null).Label);

    [Fact]
    public void Trailing_TwelveMonthsEndingSeptember_StartsTheOctoberBefore()
    {
        var range = DashboardPeriods.Trailing(Period.Month(2025, 9), quarter: false, 12, Calendar);

        Assert.Equal(new DateOnly(2024, 10, 1), range.Start);
        Assert.Equal(new DateOnly(2025, 10, 1), range.End);
    }
}

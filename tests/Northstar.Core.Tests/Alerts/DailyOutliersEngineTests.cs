using Northstar.Core.Alerts;
using Northstar.Core.Facts;
using Northstar.Core.Tests.Metrics.Kpis;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Alerts;

public class DailyOutliersEngineTests
{
    [Fact]
    public void Scan_SessionsWithASpikeOnTheNinthThursday_OneAlertThroughTheEngine()
    {
        // Arrange: builder day 1 is Thursday 2026-01-01. Weekdays 5 sessions, weekends 1; the Thursdays
        // (days 1, 8, ..., 50) have 5 6 4 5 7 5 4 6 and day 57 (2026-02-26) has 15.
        int[] thursdays = [5, 6, 4, 5, 7, 5, 4, 6, 15];
        var facts = new List<IFact>();
        for (var day = 1; day <= 63; day++)
        {
            var weekday = BuilderTime.Date(day).DayOfWeek;
            var count = weekday == DayOfWeek.Thursday ? thursdays[(day - 1) / 7]
                : weekday is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 5;
            facts.AddRange(Enumerable.Range(0, count).Select(i =>
                new EventBuilder($"d{day}s{i}").SessionStart().At(day, hour: 10).Anonymous($"a{day}-{i}").Build()));
        }

        using var world = new KpiWorld().Add([.. facts]);

        // Act
        var scan = DailyOutliers.Scan(world.Engine(), ["sessions"], KpiWorld.Days(57, 64));

        // Assert: median 5, MAD 1 (deviations 0 1 1 0 2 0 1 1), scale 1.4826, under the Poisson noise of a
        // count of 5, sqrt(5) = 2.236, which rules: z = (15 - 5) / 2.236 = 4.472.
        var alert = Assert.Single(scan.Alerts);
        Assert.Equal(new DateOnly(2026, 2, 26), alert.Day);
        Assert.Equal(10 / Math.Sqrt(5), alert.Score!.Value, precision: 9);
        Assert.Equal("2026-02-26: 15 sessions, 4.5 robust SD above the median of the previous 8 Thursdays (5)", alert.Why);
        Assert.Empty(scan.Notes);
    }

    [Fact]
    public void Scan_UnknownKpi_NoteInsteadOfAThrow()
    {
        using var world = new KpiWorld();

        var scan = DailyOutliers.Scan(world.Engine(), ["sessionz"], KpiWorld.Days(57, 64));

        Assert.Empty(scan.Alerts);
        Assert.StartsWith("sessionz: not scanned: Unknown KPI 'sessionz'", Assert.Single(scan.Notes), StringComparison.Ordinal);
    }
}

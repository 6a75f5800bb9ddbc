using Northstar.Core.Metrics;

namespace Northstar.Core.Tests.Metrics;

/// <summary>Rows sorted by day, stably, by counting or by comparison; a range picks its days.</summary>
public class DayRowsTests
{
    [Theory]
    [InlineData(10, 3)] // few rows: by comparison
    [InlineData(500, 40)] // many rows over few days: by counting
    [InlineData(500, 100_000)] // many rows over a long span: by comparison
    public void DayRows_ShuffledDays_SortedByDayAndEachDayInTheGivenOrder(int count, int spanDays)
    {
        var random = new Random(count + spanDays);
        var start = new DateOnly(2026, 1, 1);
        var rows = Enumerable.Range(0, count).Select(i => (Day: start.AddDays(random.Next(spanDays)), Place: i)).ToList();

        var sorted = new DayRows<(DateOnly Day, int Place)>(rows, r => r.Day);
        var all = sorted.In(new DateRange(DateOnly.MinValue, DateOnly.MaxValue)).ToArray();
        var middle = new DateRange(start.AddDays(spanDays / 3), start.AddDays(2 * spanDays / 3));

        // Expected: ordered by day, then by place in the input (what a stable sort gives).
        Assert.Equal(rows.OrderBy(r => r.Day).ThenBy(r => r.Place), all);
        Assert.Equal(rows.Where(r => middle.Contains(r.Day)).OrderBy(r => r.Day).ThenBy(r => r.Place), sorted.In(middle).ToArray());
    }

    [Fact]
    public void DayRows_Empty_NothingInAnyRange()
    {
        var sorted = new DayRows<DateOnly>([], d => d);

        Assert.Equal(0, sorted.In(new DateRange(DateOnly.MinValue, DateOnly.MaxValue)).Length);
    }
}

using Northstar.Core.Goals;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Periods;
using Northstar.Server.Pages.Dashboard;
using Northstar.Storage.Sqlite;
using Northstar.Testing;

namespace Northstar.Server.Tests.Dashboard;

/// <summary>The overview's numbers on workspace "tiny" (hand-written spend, see <see cref="DashboardStore.TinySpend"/>).</summary>
public sealed class OverviewBuilderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteFactStore _store;
    private readonly MetricsEngine _engine;

    public OverviewBuilderTests()
    {
        var path = _dir.File("tiny.db");
        DashboardStore.Write(path, demo: false);
        _store = SqliteFactStore.Open(path);
        _engine = new MetricsEngine(_store, _store.FindWorkspace("tiny")!, time: new ManualClock(DashboardStore.Now));
    }

    [Fact]
    public void Build_SeptemberSpend_IsTheHandSumAgainstAugust()
    {
        var card = Spend(Period.Month(2025, 9), quarter: false, []);

        // 100 + 250.50 + 49.50 = 400 in September; 50 + 25 = 75 in August.
        Assert.Equal(400, card.Value);
        Assert.Equal(75, card.Change!.Previous);
        Assert.Equal(325.0 / 75.0, card.Change.Relative!.Value, precision: 12);
    }

    [Fact]
    public void Build_MonthSparkline_HasTwelveMonthsEndingWithThePeriod()
    {
        var card = Spend(Period.Month(2025, 9), quarter: false, []);

        Assert.Equal(12, card.Spark.Values.Count);
        Assert.Equal(12, card.Spark.Labels.Count);
        // October 2024 .. June 2025 hold no spend; then July 100, August 75, September 400.
        Assert.All(card.Spark.Values.Take(9), v => Assert.True(v is null or 0));
        Assert.Equal([100, 75, 400], card.Spark.Values.Skip(9).Select(v => v!.Value));
    }

    [Fact]
    public void Build_QuarterSparkline_HasEightQuartersWithTheQuarterSum()
    {
        var card = Spend(Period.Quarter(2025, 3), quarter: true, []);

        // Q3 2025: 100 + 75 + 400 = 575; nothing in the seven quarters before.
        Assert.Equal(575, card.Value);
        Assert.Equal(8, card.Spark.Values.Count);
        Assert.Equal(575, card.Spark.Values[^1]);
        Assert.All(card.Spark.Values.Take(7), v => Assert.True(v is null or 0));
    }

    [Fact]
    public void Build_YearGoalSplitEvenly_TargetIsOneTwelfth()
    {
        var card = Spend(Period.Month(2025, 9), quarter: false, [new Goal("spend-2025", "spend", 1200, "2025")]);

        // An even split gives every whole month the same share: 1200 / 12 = 100.
        Assert.Equal(100, card.Target!.Value, precision: 9);
        Assert.NotNull(card.Pacing);
    }

    [Fact]
    public void Build_GoalOfThePeriodItself_TargetIsItsTarget()
    {
        var card = Spend(Period.Month(2025, 9), quarter: false, [new Goal("spend-sep", "spend", 450, "2025-09"), new Goal("spend-2025", "spend", 1200, "2025")]);

        Assert.Equal(450, card.Target);
    }

    private OverviewCard Spend(Period period, bool quarter, IReadOnlyList<Goal> goals) =>
        OverviewBuilder.Build(_engine, period, quarter, goals, PacingThresholds.Default, new DateOnly(2027, 2, 15)).Single(c => c.Kpi.Id == "spend");

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }
}

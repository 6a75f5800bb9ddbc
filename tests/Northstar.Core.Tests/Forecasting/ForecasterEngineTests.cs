using Northstar.Core.Facts;
using Northstar.Core.Forecasting;
using Northstar.Core.Metrics;
using Northstar.Core.Tests.Metrics.Kpis;
using Northstar.Testing.Builders;

namespace Northstar.Core.Tests.Forecasting;

public sealed class ForecasterEngineTests
{
    // February 2026: builder days 32 to 59; as of 2026-02-15 (day 46), 14 days known, 14 to go.
    private static readonly DateRange February = KpiWorld.Days(32, 60);
    private static readonly DateOnly AsOf = BuilderTime.Date(46);

    [Fact]
    public void Run_TwoLeadsADay_ActualFromTheEngineAndRestAtTheRunRate()
    {
        // Arrange: two leads every day from 2025-10-03 (day -89). Known: 14 x 2 = 28. The window's
        // 56 leads in 28 days of factor 1 (flat weekdays; under four whole months, no month
        // factors; constant history, no drift) give a rate of 56.5 / 28, so 28 + 14 x 56.5 / 28.
        using var world = TwoLeadsADay();
        var engine = new MetricsEngine(world.Store, world.Workspace);

        // Act
        var forecast = Forecaster.Run(engine, "leads", target: 60, February, AsOf);

        // Assert
        Assert.Equal(28, forecast.Actual);
        Assert.Equal(28 + (14 * 56.5 / 28), forecast.Expected, tolerance: 0.3);
        Assert.Equal("leads", forecast.Kpi);
        Assert.StartsWith("run-rate 2.018 leads/day over the last 28 days", forecast.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownKpi_SaysSo()
    {
        using var world = TwoLeadsADay();
        var engine = new MetricsEngine(world.Store, world.Workspace);

        var error = Assert.Throws<ArgumentException>(() => Forecaster.Run(engine, "leeds", 60, February, AsOf));

        Assert.StartsWith("Unknown KPI 'leeds'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RatioKpi_SaysForecastsCoverCountsAndSums()
    {
        using var world = TwoLeadsADay();
        var engine = new MetricsEngine(world.Store, world.Workspace);

        var error = Assert.Throws<ArgumentException>(() => Forecaster.Run(engine, "win_rate", 0.3, February, AsOf));

        Assert.StartsWith("'win_rate' is a ratio", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DistinctCount_SaysItIsNotASumOfDays()
    {
        // Arrange: one visitor on two days: visitors per day 1 + 1, over both days 1.
        using var world = new KpiWorld().Add(
            new EventBuilder("e1").SessionStart().At(day: 40, hour: 9).Anonymous("a1").Build(),
            new EventBuilder("e2").SessionStart().At(day: 41, hour: 9).Anonymous("a1").Build());
        var engine = new MetricsEngine(world.Store, world.Workspace);

        var error = Assert.Throws<ArgumentException>(() => Forecaster.Run(engine, "visitors", 10, February, AsOf));

        Assert.Contains("is not the sum of its days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PeriodWithNoDataAndNoHistory_SaysThereIsNoHistory()
    {
        using var world = new KpiWorld();
        var engine = new MetricsEngine(world.Store, world.Workspace);

        var error = Assert.Throws<ArgumentException>(() => Forecaster.Run(engine, "leads", 60, February, AsOf));

        Assert.StartsWith("No history of 'leads'", error.Message, StringComparison.Ordinal);
    }

    private static KpiWorld TwoLeadsADay()
    {
        var facts = Enumerable.Range(-89, 89 + 59)
            .SelectMany(day => new[] { 9, 15 }.Select(hour => new StageChangeBuilder($"c{day}-{hour}").Stage(Stage.Lead).EnteredAt(day, hour).Build()))
            .ToArray<IFact>();
        return new KpiWorld().Add(facts);
    }
}

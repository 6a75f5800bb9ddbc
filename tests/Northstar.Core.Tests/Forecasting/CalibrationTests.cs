using Northstar.Core.Facts;
using Northstar.Core.Forecasting;
using Northstar.Core.Metrics;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;
using Northstar.Testing;

namespace Northstar.Core.Tests.Forecasting;

/// <summary>
/// The bench's calibration back-test in small (bench/Northstar.Bench forecast runs it on many
/// seeds): two demo companies of 1,000 contacts, six quarters, three as-of points, four KPIs.
/// </summary>
public sealed class CalibrationTests
{
    private static readonly string[] Kpis = ["leads", "mqls", "customers", "revenue_new"];

    [Fact]
    public void BackTest_TwoSmallDemoCompanies_EightyPercentIntervalHoldsSeventyToNinetyPercent()
    {
        // Arrange
        var quarters = Enumerable.Range(0, 6).Select(q => new DateOnly(2025, 7, 1).AddMonths(3 * q))
            .Select(start => new DateRange(start, start.AddMonths(3))).ToArray();
        var cases = new List<CalibrationCase>();

        // Act
        foreach (var seed in new[] { 1, 2 })
        {
            var engine = DemoEngine(seed);
            cases.AddRange(Calibration.BackTest(engine, Kpis, quarters, [0.0, 1.0 / 3, 2.0 / 3], new ForecastOptions { Simulations = 2_000 }));
        }

        // Assert: every case forecast (history exists from 2025-Q3 on), and a calibrated share.
        Assert.Equal(2 * 4 * 6 * 3, cases.Count);
        Assert.InRange(Calibration.Coverage(cases), 0.70, 0.90);
    }

    [Fact]
    public void Coverage_HandCountedCases_ShareInsideTheInterval()
    {
        // Arrange: intervals [10, 20]; outcomes 10 (in, on the edge), 15 (in), 21 (out), 9 (out).
        var forecast = new Forecast("leads", new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1)), new DateOnly(2026, 1, 10), 1, 5, 15, 10, 20, 0.5, 100, "");
        var cases = new[] { 10.0, 15, 21, 9 }.Select(outcome => new CalibrationCase(forecast, outcome));

        // Act
        var coverage = Calibration.Coverage(cases);

        // Assert
        Assert.Equal(0.5, coverage);
    }

    private static MetricsEngine DemoEngine(int seed)
    {
        var store = new InMemoryFactStore();
        var workspace = store.GetOrCreateWorkspace("demo");
        using (var sink = new NoEvents(new StoreFactSink(store, workspace)))
        {
            DemoCompany.Run(new SimulationOptions { Seed = seed, Contacts = 1_000, Years = 2 }, sink);
        }

        return new MetricsEngine(store, workspace);
    }

    /// <summary>Drops events (most of the volume; these KPIs count stages and deals).</summary>
    private sealed class NoEvents(IFactSink inner) : IFactSink
    {
        public void Add<TFact>(TFact fact)
            where TFact : class, IFact
        {
            if (fact is not EventFact)
            {
                inner.Add(fact);
            }
        }

        public void Complete() => inner.Complete();

        public void Dispose() => inner.Dispose();
    }
}

using Northstar.Core.Storage;

namespace Northstar.Core.Simulation;

/// <summary>
/// The demo company: a simulated B2B SaaS business with a known ground truth (DESIGN.md).
/// It streams day by day, writing each visitor's and contact's whole life as it appears, so
/// memory stays flat at any size; the same options give the same facts in the same order.
/// </summary>
public static class DemoCompany
{
    /// <summary>The company's own brand in the mentions series it writes (its competitors are the others).</summary>
    public const string Brand = "northstar";

    /// <summary>
    /// Simulates the company into <paramref name="sink"/> and completes the sink.
    /// </summary>
    /// <param name="options">What to simulate; see <see cref="SimulationOptions"/> for the defaults.</param>
    /// <param name="sink">Where the facts go (<c>CsvFactSink</c>, <c>StoreFactSink</c>); completed on success.</param>
    /// <param name="progress">Told after every simulated day.</param>
    /// <param name="cancellationToken">Checked once per simulated day.</param>
    /// <returns>The ground truth and the number of facts written per kind.</returns>
    public static SimulationResult Run(
        SimulationOptions options, IFactSink sink, IProgress<SimulationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        options.Validate();
        var shocks = new ShockTable(options.StageShocks, options.SpendShocks, options.TrafficShocks);
        var (scale, expected) = Size(options, shocks);
        var end = new DateTimeOffset(options.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var writer = new FactWriter(sink, end);
        var rng = new Xoshiro(options.Seed);
        var plan = new SpendPlan(options.Seed, scale, options.Start, shocks);
        var traffic = Wire(options, rng, writer, plan, shocks);
        var signals = new MarketSignals(new Xoshiro(options.Seed, 7), writer, options.Start);
        var totalDays = options.End.DayNumber - options.Start.DayNumber;
        Span<double> spend = stackalloc double[DemoChannels.All.Count];
        for (var d = 0; d < totalDays; d++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var day = options.Start.AddDays(d);
            plan.Spend(day, spend);
            traffic.Simulate(day, spend);
            signals.Write(day);
            progress?.Report(new SimulationProgress(d + 1, totalDays, writer.Events, writer.Facts));
        }

        sink.Complete();
        return new SimulationResult(GroundTruthBuilder.Build(options, scale, expected), writer.Counts());
    }

    private static TrafficDay Wire(SimulationOptions options, Xoshiro rng, FactWriter writer, SpendPlan plan, ShockTable shocks)
    {
        var sessions = new SessionSimulator(rng, writer);
        var returns = new ReturnTraffic(rng);
        var lifecycle = new ContactLifecycle(
            rng, writer, new AccountBook(rng, writer), shocks,
            new ContactTouches(rng, writer, sessions, returns), new CustomerLifecycle(rng, writer, shocks),
            options.AssistEffects ? new AssistFunnel(rng, writer, sessions, returns, shocks) : null);
        var visitors = new VisitorSimulator(rng, writer, sessions, lifecycle, returns, shocks, options.AbTestLift, options.AssistEffects);
        return new TrafficDay(rng, writer, plan, visitors);
    }

    /// <summary>
    /// A dry run of the spend plan at scale 1 gives the expected leads; the scale is the ratio
    /// to the contacts asked for (volumes are linear in the scale, the spend curves' shape is not touched).
    /// </summary>
    private static (double Scale, GroundTruthBuilder.Expectations Expected) Size(SimulationOptions options, ShockTable shocks)
    {
        var channels = DemoChannels.All;
        var plan = new SpendPlan(options.Seed, 1.0, options.Start, shocks);
        var visitors = new double[channels.Count];
        var spendTotals = new double[channels.Count];
        var leads = new double[channels.Count];
        Span<double> spend = stackalloc double[channels.Count];
        for (var day = options.Start; day < options.End; day = day.AddDays(1))
        {
            plan.Spend(day, spend);
            for (var i = 0; i < channels.Count; i++)
            {
                var dayVisitors = plan.Visitors(channels[i], day, spend[i]);
                visitors[i] += dayVisitors;
                spendTotals[i] += spend[i];
                leads[i] += dayVisitors * SpendPlan.EffectiveLeadRate(channels[i], options.AbTestLift)
                    * shocks.Stage(Facts.Stage.Lead, channels[i].Id, day);
            }
        }

        var scale = options.Contacts / leads.Sum();
        var expected = new GroundTruthBuilder.Expectations(
            [.. visitors.Select(v => v * scale)], [.. leads.Select(l => l * scale)], [.. spendTotals.Select(s => s * scale)]);
        return (scale, expected);
    }
}

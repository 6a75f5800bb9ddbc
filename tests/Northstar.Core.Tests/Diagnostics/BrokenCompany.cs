using Northstar.Core.Diagnostics;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Planning;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;
using Northstar.Core.Tests.Metrics.Kpis;

namespace Northstar.Core.Tests.Diagnostics;

/// <summary>
/// A small demo company (2023-10 to 2025-09, only session starts kept among the events) with one funnel
/// step broken: its conversion (or, for sessions, its traffic) multiplied by <see cref="Multiplier"/>
/// from <see cref="BreakFrom"/> on, for a diagnosis of 2025-Q2 against the previous four quarters (the first
/// half year warms the pipeline up, so the history starts full). Q2 because the demo's seasonality is flat
/// around it: a summer quarter has fewer sessions than the year's mean (a false traffic shortfall) and more
/// customers per opportunity (wins from the busier spring), which a plan of mean history rates reads as news.
/// </summary>
internal sealed class BrokenCompany : IDisposable
{
    public const double Multiplier = 0.3;

    public static readonly DateRange Quarter = new(new DateOnly(2025, 4, 1), new DateOnly(2025, 7, 1));

    public BrokenCompany(FunnelStep broken, long seed, int contacts)
    {
        Broken = broken;
        var options = new SimulationOptions
        {
            Seed = seed, Contacts = contacts, Years = 2, Start = new DateOnly(2023, 10, 1),
            StageShocks = broken == FunnelStep.Sessions ? [] : [new StageShock(BreakFrom(broken), SimulatorBreaks.StageOf(broken), Multiplier)],
            TrafficShocks = broken == FunnelStep.Sessions ? [new TrafficShock(BreakFrom(broken), Multiplier)] : [],
        };
        using var sink = new EventFilterSink(new StoreFactSink(World.Store, World.Workspace), e => e.Type == EventType.SessionStart);
        DemoCompany.Run(options, sink);
    }

    public FunnelStep Broken { get; }

    public KpiWorld World { get; } = new();

    public MetricsEngine Engine() => World.Engine();

    /// <summary>
    /// The quarter's first day, except for opportunity -> customer: a deal closes 5-72 days after its
    /// opportunity opens (proposal and close delays, slowest segment), and the close is decided when the
    /// proposal is made, so a break from April 1 would touch barely half of Q2's wins. Breaking it 45 days
    /// earlier (mid-February) makes most of Q2's wins come from decisions after the break, as a stage broken
    /// for a while would look by then.
    /// </summary>
    public static DateOnly BreakFrom(FunnelStep step) =>
        step == FunnelStep.Customers ? Quarter.Start.AddDays(-45) : Quarter.Start;

    public void Dispose() => World.Dispose();
}

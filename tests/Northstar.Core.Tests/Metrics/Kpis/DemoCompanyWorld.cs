using Northstar.Core.Facts;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;

namespace Northstar.Core.Tests.Metrics.Kpis;

/// <summary>
/// One simulated company in a <see cref="KpiWorld"/>, shared by the tests that hold the engine
/// against the simulator's ground truth. Every fact is kept but the events other than session
/// starts and form submissions (the ones that make first touches and link visitors to contacts),
/// so that the run stays small: two years, 3,000 contacts.
/// </summary>
public sealed class DemoCompanyWorld : IDisposable
{
    public DemoCompanyWorld()
    {
        var options = new SimulationOptions { Seed = 11, Contacts = 3_000, Years = 2 };
        using var sink = new EventFilterSink(new StoreFactSink(World.Store, World.Workspace), e => e.Type is EventType.SessionStart or EventType.FormSubmit);
        Truth = DemoCompany.Run(options, sink).Truth;
    }

    internal KpiWorld World { get; } = new();

    public GroundTruth Truth { get; }

    public void Dispose() => World.Dispose();
}

using Northstar.Core.Facts;
using Northstar.Core.Simulation;

namespace Northstar.Core.Tests.Simulation;

/// <summary>
/// One mid-sized run shared by the ground-truth tests (two years, 6,000 contacts, about 1.6M events
/// of which only the identity, ad-click and A/B events are kept).
/// </summary>
public sealed class SimulationRun
{
    public SimulationRun()
    {
        Sink = new CollectingSink(e => e.Type is EventType.FormSubmit or EventType.AdClick
            || (e.Type == EventType.SessionStart && (e.Variant is not null || e.ContactId is null)));
        Result = DemoCompany.Run(new SimulationOptions { Seed = 7, Contacts = 6_000, Years = 2 }, Sink);
    }

    internal CollectingSink Sink { get; }

    public SimulationResult Result { get; }
}

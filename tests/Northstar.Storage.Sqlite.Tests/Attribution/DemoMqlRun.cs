using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Facts;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;

namespace Northstar.Storage.Sqlite.Tests.Attribution;

/// <summary>
/// A demo company run into a SQLite store (touch events and form submits only, through
/// <see cref="TouchEventSink"/>) and its journeys to MQL as <see cref="JourneyBuilder"/> cuts them
/// (default touch types, 90-day look-back): the shared set-up of the ranking fixtures.
/// </summary>
internal static class DemoMqlRun
{
    public static (GroundTruth Truth, JourneySet Journeys) Build(string file, SimulationOptions options)
    {
        using var store = SqliteFactStore.Open(file);
        var workspace = store.GetOrCreateWorkspace("demo");
        GroundTruth truth;
        using (var sink = new TouchEventSink(new StoreFactSink(store, workspace)))
        {
            truth = DemoCompany.Run(options, sink).Truth;
        }

        return (truth, JourneyBuilder.Build(store, workspace, new JourneyOptions { Conversion = ConversionGoal.Entered(Stage.Mql) }));
    }
}

using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Simulation;

namespace Northstar.Storage.Sqlite.Tests.Attribution;

/// <summary>
/// The demo company's assists variant (<see cref="SimulationOptions.AssistEffects"/>: return
/// visits and nurture clicks help qualify leads, each channel with its own chance), seed 42,
/// 5,000 contacts, two years, in a SQLite store, and its journeys to MQL as
/// <see cref="JourneyBuilder"/> cuts them (default touch types, 90-day look-back).
/// </summary>
public sealed class DemoAssistJourneys : IDisposable
{
    private readonly TempDirectory _dir = new();

    public DemoAssistJourneys()
    {
        (Truth, Journeys) = DemoMqlRun.Build(_dir.File("assists.db"), new SimulationOptions { Seed = 42, Contacts = 5_000, Years = 2, AssistEffects = true });
        Paths = PathTable.Aggregate(Journeys.Journeys);
        LeadPaths = PathTable.Aggregate(Journeys.Journeys.Where(j => j.Touches.Any(t => t.LeadCreation)));
        TrueMqls = Truth.Assists!.Effects.ToDictionary(e => e.Channel, e => e.Mqls, StringComparer.Ordinal);
    }

    public GroundTruth Truth { get; }

    public JourneySet Journeys { get; }

    /// <summary>Every journey's path (repeats kept): the leads' and the anonymous visitors' who never filled in a form.</summary>
    public IReadOnlyList<ChannelPath> Paths { get; }

    /// <summary>The paths of the leads' journeys only (those with a lead-creation touch).</summary>
    public IReadOnlyList<ChannelPath> LeadPaths { get; }

    /// <summary>Each channel's true effect on MQLs, from the ground truth.</summary>
    public IReadOnlyDictionary<string, double> TrueMqls { get; }

    public void Dispose() => _dir.Dispose();
}

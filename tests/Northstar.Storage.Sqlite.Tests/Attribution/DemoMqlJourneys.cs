using Northstar.Core.Attribution;
using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Simulation;

namespace Northstar.Storage.Sqlite.Tests.Attribution;

/// <summary>
/// The CLI's default demo company (seed 42, 5,000 contacts, two years) in a SQLite store, and
/// its journeys to MQL as <see cref="JourneyBuilder"/> cuts them (default touch types, 90-day
/// look-back, anonymous visitors who never filled in a form as non-converting journeys).
/// </summary>
/// <remarks>
/// MQL, not customer: at this size the run has about 1,450 MQLs but only about 60 customers,
/// too few to order twelve channels (at 50,000 contacts, 705 customers, the models fail the
/// same pairs as here; see <see cref="DemoChannelRankingTests"/>). The first-touch channel alone
/// decides how far a contact goes, at every stage, so MQLs test the same causal structure as
/// customers with 25 times the conversions.
/// </remarks>
public sealed class DemoMqlJourneys : IDisposable
{
    private readonly TempDirectory _dir = new();

    public DemoMqlJourneys()
    {
        (Truth, Journeys) = DemoMqlRun.Build(_dir.File("demo.db"), new SimulationOptions { Seed = 42, Contacts = 5_000, Years = 2 });
        Paths = PathTable.Aggregate(Journeys.Journeys);
        TrueMqls = Truth.Channels.ToDictionary(
            c => c.Channel, c => c.ExpectedLeads * c.StageRates["iql"] * c.StageRates["mql"], StringComparer.Ordinal);
    }

    public GroundTruth Truth { get; }

    public JourneySet Journeys { get; }

    /// <summary>The journeys' path table (repeats kept), what every model reads.</summary>
    public IReadOnlyList<ChannelPath> Paths { get; }

    /// <summary>
    /// Each channel's true effect: the MQLs it causes in expectation, its first-touch leads times
    /// its lead-to-IQL and IQL-to-MQL rates (return visits and nurture emails cause none).
    /// </summary>
    public IReadOnlyDictionary<string, double> TrueMqls { get; }

    public void Dispose() => _dir.Dispose();
}

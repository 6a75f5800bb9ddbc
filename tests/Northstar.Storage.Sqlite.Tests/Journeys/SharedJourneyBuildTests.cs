using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Testing.Builders;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.Sqlite.Tests.Journeys;

/// <summary>
/// <see cref="JourneyBuilder.Build(IFactStore, Workspace, IReadOnlyList{JourneyOptions})"/>, one read
/// of the touches for several goals, against a separate build per goal: the same journeys and
/// untouched sums, on the hand-built fixture and on a small demo company, for the goal pairs of
/// <c>attribution influence</c> (MQL, won) and <c>economics</c> (customer, won).
/// </summary>
public sealed class SharedJourneyBuildTests : IDisposable
{
    private static readonly ConversionGoal[][] Pairs =
        [[ConversionGoal.Entered(Stage.Mql), ConversionGoal.Won], [ConversionGoal.Entered(Stage.Customer), ConversionGoal.Won]];

    private readonly TempDirectory _dir = new();
    private readonly SqliteFactStore _store;

    public SharedJourneyBuildTests() => _store = SqliteFactStore.Open(_dir.File("shared.db"));

    [Fact]
    public void Build_FixtureGoalPairs_EqualsSeparateBuilds()
    {
        var ws = _store.GetOrCreateWorkspace("acme");
        JourneyStory.Write(_store, ws);
        var period = new DateRange(new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 27));

        foreach (var pair in Pairs)
        {
            AssertSameAsSeparate(ws, pair, lookbackDays: 90, period: null);
            AssertSameAsSeparate(ws, pair, lookbackDays: 5, period);
        }
    }

    [Fact]
    public void Build_FixtureCustomerAndWon_HasTheHandWorkedCounts()
    {
        // Arrange: customer: c1 day 30 (1000), c5 day 40 untouched (70); won: d1 (c1), d2, d3 (c2),
        // d5 (c4), d6 (c5, untouched), d4 (c2, no touch after d3: untouched, 200).
        var ws = _store.GetOrCreateWorkspace("acme");
        JourneyStory.Write(_store, ws);
        var options = Options([ConversionGoal.Entered(Stage.Customer), ConversionGoal.Won], 90, null);

        // Act
        var sets = JourneyBuilder.Build(_store, ws, options);

        // Assert
        Assert.Equal(2, sets.Count);
        Assert.Equal(1, sets[0].Journeys.Count(j => j.Converted));
        Assert.Equal((1L, 70.0), (sets[0].UntouchedConversions, sets[0].UntouchedValue));
        Assert.Equal(4, sets[1].Journeys.Count(j => j.Converted));
        Assert.Equal((2L, 270.0), (sets[1].UntouchedConversions, sets[1].UntouchedValue));
    }

    [Fact]
    public void Build_WonContactWithoutTouchesOrMql_CountsUntouchedAsTheSeparateBuildDoes()
    {
        // Arrange: c6, no touch and no stage, wins d8 (day 33, 40): a won conversion only, so an
        // actor only through the won goal. Won untouched: d4 (200), d6 (70), d8 (40).
        var ws = _store.GetOrCreateWorkspace("acme");
        JourneyStory.Write(_store, ws);
        StoredFacts.Commit(_store, ws, [new ContactBuilder("c6").CreatedAt(day: 31).Build()]);
        StoredFacts.Commit(_store, ws, [new DealBuilder("d8").Contact("c6").CreatedAt(day: 31).Won(day: 33, amount: 40m).Build()]);

        // Act
        var sets = AssertSameAsSeparate(ws, [ConversionGoal.Entered(Stage.Mql), ConversionGoal.Won], lookbackDays: 90, period: null);

        // Assert
        Assert.Equal((3L, 310.0), (sets[1].UntouchedConversions, sets[1].UntouchedValue));
    }

    [Fact]
    public void Build_DemoCompanyGoalPairs_EqualsSeparateBuilds()
    {
        var ws = _store.GetOrCreateWorkspace("demo");
        DemoCompany.Run(new SimulationOptions { Seed = 11, Contacts = 150, Years = 1 }, new StoreFactSink(_store, ws));
        var quarter = new DateRange(new DateOnly(2025, 4, 1), new DateOnly(2025, 7, 1));

        foreach (var pair in Pairs)
        {
            var sets = AssertSameAsSeparate(ws, pair, lookbackDays: 90, period: null);
            Assert.All(sets, s => Assert.Contains(s.Journeys, j => j.Converted));
            AssertSameAsSeparate(ws, pair, lookbackDays: 30, quarter);
        }
    }

    [Fact]
    public void Build_OptionsDifferingBeyondTheGoal_Throws()
    {
        var ws = _store.GetOrCreateWorkspace("acme");
        var won = new JourneyOptions { Conversion = ConversionGoal.Won };

        Assert.Throws<ArgumentException>(() => JourneyBuilder.Build(_store, ws, [won, won with { Conversion = ConversionGoal.DealCreated, LookbackDays = 30 }]));
        Assert.Throws<ArgumentException>(() => JourneyBuilder.Build(_store, ws, [won, won with { TouchTypes = new HashSet<EventType> { EventType.SessionStart } }]));
        Assert.Throws<ArgumentException>(() => JourneyBuilder.Build(_store, ws, [won, won with { SameInteraction = TimeSpan.Zero }]));
        Assert.Throws<ArgumentException>(() => JourneyBuilder.Build(_store, ws, [won, won with { Period = new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1)) }]));
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private IReadOnlyList<JourneySet> AssertSameAsSeparate(Workspace ws, ConversionGoal[] goals, int lookbackDays, DateRange? period)
    {
        var options = Options(goals, lookbackDays, period);

        var shared = JourneyBuilder.Build(_store, ws, options);

        Assert.Equal(goals.Length, shared.Count);
        for (var i = 0; i < goals.Length; i++)
        {
            var separate = JourneyBuilder.Build(_store, ws, options[i]);
            Assert.Equal(JourneyText.Exact(separate.Journeys), JourneyText.Exact(shared[i].Journeys));
            Assert.Equal(separate.UntouchedConversions, shared[i].UntouchedConversions);
            Assert.Equal(separate.UntouchedValue, shared[i].UntouchedValue);
        }

        return shared;
    }

    private static JourneyOptions[] Options(ConversionGoal[] goals, int lookbackDays, DateRange? period) =>
        [.. goals.Select(g => new JourneyOptions { Conversion = g, LookbackDays = lookbackDays, Period = period })];
}

using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Facts;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.Sqlite.Tests.Journeys;

/// <summary>
/// The store's fast <see cref="SqliteFactStore.ReadChannelEvents"/> against the default read
/// (every event decoded, then filtered), and the journeys built on each, on the hand-built
/// fixture and on a small demo company.
/// </summary>
public sealed class FastJourneyReadTests : IDisposable
{
    private static readonly ConversionGoal[] Goals =
        [ConversionGoal.Won, ConversionGoal.DealCreated, ConversionGoal.Entered(Stage.Mql), ConversionGoal.Entered(Stage.Customer)];

    private readonly TempDirectory _dir = new();
    private readonly SqliteFactStore _store;

    public FastJourneyReadTests() => _store = SqliteFactStore.Open(_dir.File("fast.db"));

    [Fact]
    public void ReadChannelEvents_Fixture_EqualsThePlainReadForEveryRange()
    {
        var ws = _store.GetOrCreateWorkspace("acme");
        JourneyStory.WriteWithChangedEvent(_store, ws);
        var day5 = JourneyStory.Day5;

        AssertSameEvents(ws, JourneyOptions.DefaultTouchTypes, null, null);
        AssertSameEvents(ws, JourneyOptions.DefaultTouchTypes, day5, null);
        AssertSameEvents(ws, JourneyOptions.DefaultTouchTypes, null, day5);
        AssertSameEvents(ws, new HashSet<EventType> { EventType.EmailSent, EventType.PageView }, null, null);
        Assert.Empty(((IFactStore)_store).ReadChannelEvents(ws, JourneyOptions.DefaultTouchTypes, day5, day5));
        Assert.Equal("generic", Assert.Single(((IFactStore)_store).ReadChannelEvents(ws, JourneyOptions.DefaultTouchTypes), e => e.Id == "e32").Campaign);
    }

    [Fact]
    public void Build_Fixture_FastReadGivesTheSameJourneysAsThePlainRead()
    {
        var ws = _store.GetOrCreateWorkspace("acme");
        JourneyStory.Write(_store, ws);

        foreach (var goal in Goals)
        {
            AssertSameJourneys(ws, new JourneyOptions { Conversion = goal });
            AssertSameJourneys(ws, new JourneyOptions { Conversion = goal, LookbackDays = 5, Period = new(new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 27)) });
        }
    }

    [Fact]
    public void Build_DemoCompany_FastReadGivesTheSameJourneysAsThePlainRead()
    {
        var ws = _store.GetOrCreateWorkspace("demo");
        DemoCompany.Run(new SimulationOptions { Seed = 11, Contacts = 150, Years = 1 }, new StoreFactSink(_store, ws));
        var touches = ((IFactStore)_store).ReadChannelEvents(ws, JourneyOptions.DefaultTouchTypes).Count();

        AssertSameEvents(ws, JourneyOptions.DefaultTouchTypes, null, null);
        foreach (var goal in Goals)
        {
            var set = AssertSameJourneys(ws, new JourneyOptions { Conversion = goal });
            Assert.Contains(set.Journeys, j => j.Converted);
            AssertSameJourneys(ws, new JourneyOptions { Conversion = goal, Period = new(new DateOnly(2025, 4, 1), new DateOnly(2025, 7, 1)) });
        }

        Assert.True(touches > 1000, $"{touches} touch events: too few for the check to mean much");
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private void AssertSameEvents(Workspace ws, IReadOnlySet<EventType> types, DateTimeOffset? from, DateTimeOffset? until)
    {
        var plain = ChannelEvent.Select(_store.Read<EventFact>(ws), types, from, until).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var fast = ((IFactStore)_store).ReadChannelEvents(ws, types, from, until).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();

        Assert.NotEmpty(plain);
        Assert.Equal(plain, fast);
    }

    private JourneySet AssertSameJourneys(Workspace ws, JourneyOptions options)
    {
        var plain = JourneyBuilder.Build(new PlainReadStore(_store), ws, options);
        var fast = JourneyBuilder.Build(_store, ws, options);

        Assert.Equal(JourneyText.Exact(plain.Journeys), JourneyText.Exact(fast.Journeys));
        Assert.Equal(plain.UntouchedConversions, fast.UntouchedConversions);
        Assert.Equal(plain.UntouchedValue, fast.UntouchedValue);
        return fast;
    }
}

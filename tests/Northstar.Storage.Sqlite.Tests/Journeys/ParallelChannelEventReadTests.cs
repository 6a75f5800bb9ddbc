using System.Text;
using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Facts;
using Northstar.Core.Simulation;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.Sqlite.Tests.Journeys;

/// <summary>
/// The store's <see cref="IParallelChannelEventRead"/> (each reading thread's events, ids as UTF-8)
/// against the reference <see cref="ChannelEvent.Select"/> over every stored event.
/// </summary>
public sealed class ParallelChannelEventReadTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteFactStore _store;

    public ParallelChannelEventReadTests() => _store = SqliteFactStore.Open(_dir.File("parallel.db"));

    [Fact]
    public void ReadChannelEvents_Fixture_EqualsTheReferenceForEveryRange()
    {
        var ws = _store.GetOrCreateWorkspace("acme");
        JourneyStory.WriteWithChangedEvent(_store, ws);
        var day5 = JourneyStory.Day5;

        AssertSameEvents(ws, JourneyOptions.DefaultTouchTypes, null, null);
        AssertSameEvents(ws, JourneyOptions.DefaultTouchTypes, day5, null);
        AssertSameEvents(ws, JourneyOptions.DefaultTouchTypes, null, day5);
        AssertSameEvents(ws, new HashSet<EventType> { EventType.EmailSent, EventType.PageView }, null, null);
        Assert.Empty(Parallel(ws, JourneyOptions.DefaultTouchTypes, day5, day5));
        Assert.Equal("generic", Assert.Single(Parallel(ws, JourneyOptions.DefaultTouchTypes, null, null), e => e.Id == "e32").Campaign);
    }

    [Fact]
    public void ReadChannelEvents_DemoCompany_EqualsTheReference()
    {
        var ws = _store.GetOrCreateWorkspace("demo");
        DemoCompany.Run(new SimulationOptions { Seed = 11, Contacts = 150, Years = 1 }, new StoreFactSink(_store, ws));

        var count = AssertSameEvents(ws, JourneyOptions.DefaultTouchTypes, null, null);
        AssertSameEvents(ws, JourneyOptions.DefaultTouchTypes, new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.True(count > 1000, $"{count} touch events: too few for the check to mean much");
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private int AssertSameEvents(Workspace ws, IReadOnlySet<EventType> types, DateTimeOffset? from, DateTimeOffset? until)
    {
        var reference = ChannelEvent.Select(_store.Read<EventFact>(ws), types, from, until)
            .Select(e => e with { Timestamp = e.Timestamp.ToUniversalTime() }).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var parallel = Parallel(ws, types, from, until);

        Assert.NotEmpty(reference);
        Assert.Equal(reference, parallel);
        return parallel.Count;
    }

    /// <summary>The parallel read's events as <see cref="ChannelEvent"/>s (type unknown to it: taken from the reference by id), by id.</summary>
    private List<ChannelEvent> Parallel(Workspace ws, IReadOnlySet<EventType> types, DateTimeOffset? from, DateTimeOffset? until)
    {
        var typeOf = _store.Read<EventFact>(ws).ToDictionary(e => e.Id, e => e.Type, StringComparer.Ordinal);
        var receivers = new List<Collector>();
        ((IParallelChannelEventRead)_store).ReadChannelEvents(ws, types, from, until, () =>
        {
            var receiver = new Collector(typeOf);
            lock (receivers)
            {
                receivers.Add(receiver);
            }

            return receiver;
        });
        return [.. receivers.SelectMany(r => r.Events).OrderBy(e => e.Id, StringComparer.Ordinal)];
    }

    private sealed class Collector(Dictionary<string, EventType> typeOf) : IChannelEventReceiver
    {
        public List<ChannelEvent> Events { get; } = [];

        public void Add(in Utf8ChannelEvent channelEvent)
        {
            var id = Encoding.UTF8.GetString(channelEvent.Id);
            Events.Add(new ChannelEvent(
                new DateTimeOffset(channelEvent.UtcTicks, TimeSpan.Zero), id, typeOf[id],
                channelEvent.HasContact ? Encoding.UTF8.GetString(channelEvent.ContactId) : null,
                channelEvent.HasAnonymous ? Encoding.UTF8.GetString(channelEvent.AnonymousId) : null,
                channelEvent.Channel, channelEvent.Campaign));
        }
    }
}

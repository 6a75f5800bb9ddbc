using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Sqlite.Views;
using Northstar.Testing.Builders;
using Northstar.Testing.Contracts;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>SQLite-specific view maintenance: counts merged mid-session, the view tables' own rows.</summary>
public sealed class SqliteViewMaintenanceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Write_CountsFlushedMidSession_StillMatchReference()
    {
        var previous = EventViewCollector.FlushEntries;
        EventViewCollector.FlushEntries = 50;
        try
        {
            using var store = SqliteFactStore.Open(_dir.File("views.db"));
            var ws = store.GetOrCreateWorkspace("acme");
            using (var session = store.BeginWrite(ws))
            {
                var events = ViewsFixture.Events.Concat(Enumerable.Range(0, 500).Select(i =>
                    new EventBuilder($"x{i}").SessionStart().At(day: 1 + (i % 7)).Anonymous($"a{i % 40}").Channel(i % 3 == 0 ? "email" : null).Build())).ToArray();
                for (var start = 0; start < events.Length; start += 100)
                {
                    session.Write<EventFact>(events.AsSpan(start, Math.Min(100, events.Length - start)), new List<int>());
                }

                session.Commit();
            }

            var reference = DerivedViewBuilder.Build("UTC", store.Read<EventFact>(ws), [], [], []);
            var range = new Core.Metrics.DateRange(BuilderTime.Date(0), BuilderTime.Date(10));
            // 5 fixture session starts + 500 more.
            Assert.Equal(505, store.ReadEventRollup(ws, range, [EventType.SessionStart]).Sum(r => r.Count));
            Assert.Equal(reference.CountDistinctActors([EventType.SessionStart], range), store.CountDistinctActors(ws, [EventType.SessionStart], range));
        }
        finally
        {
            EventViewCollector.FlushEntries = previous;
        }
    }

    public void Dispose() => _dir.Dispose();
}

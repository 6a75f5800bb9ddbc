using Northstar.Core.Facts;
using Northstar.Testing.Builders;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>
/// One Write call larger than a chunk: rows are encoded a chunk ahead on another thread, so a
/// fact's conflict index and values must still come from the right row in every chunk.
/// </summary>
public sealed class SqliteChunkedWriteTests : IDisposable
{
    private const int Chunk = TableWriter<EventFact>.ChunkRows;
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Write_ContactsOverSeveralChunks_ReportsConflictsAtTheirOwnIndexes()
    {
        using var store = SqliteFactStore.Open(_dir.File("northstar.db"));
        var ws = store.GetOrCreateWorkspace("acme");
        var total = (2 * Chunk) + 100;
        var contacts = Enumerable.Range(0, total).Select(i => new ContactBuilder($"c{i}").Segment($"s{i}").Build()).ToList();
        // Index total: c5 again, other segment (a conflict); total + 1: c7 again, unchanged (not one).
        contacts.Add(new ContactBuilder("c5").Segment("other").Build());
        contacts.Add(contacts[7]);
        var conflicts = new List<int>();

        using (var session = store.BeginWrite(ws))
        {
            session.Write<Contact>(contacts.ToArray(), conflicts);
            session.Commit();
        }

        Assert.Equal([total], conflicts);
        var stored = store.Read<Contact>(ws).ToDictionary(c => c.ContactId);
        Assert.Equal(total, stored.Count);
        Assert.Equal("s5", stored["c5"].Segment);
        Assert.Equal($"s{total - 1}", stored[$"c{total - 1}"].Segment);
        Assert.All(contacts.Take(total), c => Assert.Equal(c, stored[c.ContactId]));
    }

    [Fact]
    public void Write_EventsOverSeveralChunks_StoresEachWithItsOwnValues()
    {
        using var store = SqliteFactStore.Open(_dir.File("northstar.db"));
        var ws = store.GetOrCreateWorkspace("acme");
        var total = (3 * Chunk) + 1;
        var events = Enumerable.Range(0, total)
            .Select(i => new EventBuilder($"e{i}").At(BuilderTime.Start.AddSeconds(i)).Page($"/p/{i}").Build()).ToList();
        events.Add(new EventBuilder("e9").At(BuilderTime.Start.AddSeconds(9)).Page("/changed").Build());
        var conflicts = new List<int>();

        using (var session = store.BeginWrite(ws))
        {
            session.Write<EventFact>(events.ToArray(), conflicts);
            session.Commit();
        }

        Assert.Equal([total], conflicts);
        var stored = store.Read<EventFact>(ws).ToDictionary(e => e.Id);
        Assert.Equal(total, stored.Count);
        Assert.Equal("/p/9", stored["e9"].Page);
        Assert.All(events.Take(total), e => Assert.Equal(e, stored[e.Id]));
    }

    public void Dispose() => _dir.Dispose();
}

using Northstar.Core.Metrics.Views;
using Northstar.Storage.Sqlite.Views;

namespace Northstar.Storage.Sqlite.Tests;

/// <summary>The fold's per-actor first candidates: earliest wins, ties by event id, exact ids under equal hashes, growth.</summary>
public sealed class CandidateTableTests
{
    [Fact]
    public void Offer_LaterThenEarlier_KeepsEarliestPerKind()
    {
        // Arrange
        var table = new CandidateTable();

        // Act: a form at 50, touches at 30 then 10, an event at 20.
        table.Offer(1, false, "a1", new FirstCandidate(50, "e50", 0), touch: false, form: true, any: false);
        table.Offer(1, false, "a1", new FirstCandidate(30, "e30", 1), touch: true, form: false, any: false);
        table.Offer(1, false, "a1", new FirstCandidate(10, "e10", 2), touch: true, form: false, any: false);
        table.Offer(1, false, "a1", new FirstCandidate(40, "e40", 3), touch: true, form: true, any: false);

        // Assert: touch e10 (earliest of 30, 10, 40), form e40 (40 before 50), no any-event offered.
        var firsts = table.Firsts().ToDictionary(f => f.Slot.Kind, f => f.Event.EventId);
        Assert.Equal(new Dictionary<FirstKind, string> { [FirstKind.Touch] = "e10", [FirstKind.FormSubmit] = "e40" }, firsts);
    }

    [Fact]
    public void Offer_SameMicroseconds_EventIdBreaksTie()
    {
        // Arrange
        var table = new CandidateTable();

        // Act: same time; "b" then "a" (a wins), then "c" (loses).
        table.Offer(9, true, "c1", new FirstCandidate(100, "b", 0), touch: false, form: false, any: true);
        table.Offer(9, true, "c1", new FirstCandidate(100, "a", 0), touch: false, form: false, any: true);
        table.Offer(9, true, "c1", new FirstCandidate(100, "c", 0), touch: false, form: false, any: true);

        // Assert
        var (slot, first) = Assert.Single(table.Firsts());
        Assert.Equal(new FirstSlot(FirstKind.AnyEvent, true, "c1"), slot);
        Assert.Equal("a", first.EventId);
    }

    [Fact]
    public void Offer_DifferentActorsSameHash_KeptApart()
    {
        // Arrange: three actors forced onto one hash; contact "x" and anonymous "x" are two actors.
        var table = new CandidateTable();

        // Act
        table.Offer(42, false, "x", new FirstCandidate(5, "e1", 0), touch: true, form: false, any: false);
        table.Offer(42, true, "x", new FirstCandidate(7, "e2", 0), touch: true, form: false, any: false);
        table.Offer(42, false, "y", new FirstCandidate(9, "e3", 0), touch: true, form: false, any: false);
        table.Offer(42, false, "y", new FirstCandidate(3, "e4", 0), touch: true, form: false, any: false);
        // A copy of "x" that is not the same string instance must find the same actor.
        table.Offer(42, false, new string("x".AsSpan()), new FirstCandidate(6, "e5", 0), touch: true, form: false, any: false);

        // Assert
        Assert.Equal(3, table.Count);
        var firsts = table.Firsts().ToDictionary(f => (f.Slot.IsContact, f.Slot.ActorId), f => f.Event.EventId);
        Assert.Equal("e1", firsts[(false, "x")]);
        Assert.Equal("e2", firsts[(true, "x")]);
        Assert.Equal("e4", firsts[(false, "y")]);
    }

    [Fact]
    public void Offer_LongIdsSameHashSameFirstEightChars_KeptApart()
    {
        // Arrange: ids longer than the slot's eight code units, alike in those eight and in length.
        var table = new CandidateTable();
        var (one, two) = ("visitor-0001", "visitor-0002");

        // Act
        table.Offer(7, false, one, new FirstCandidate(20, "e1", 0), touch: true, form: false, any: false);
        table.Offer(7, false, two, new FirstCandidate(30, "e2", 0), touch: true, form: false, any: false);
        table.Offer(7, false, new string(one.AsSpan()), new FirstCandidate(10, "e3", 0), touch: true, form: false, any: false);

        // Assert: "visitor-0002" kept its own (later) first; "visitor-0001" took the earlier copy's event.
        Assert.Equal(2, table.Count);
        var firsts = table.Firsts().ToDictionary(f => f.Slot.ActorId, f => f.Event.EventId);
        Assert.Equal("e3", firsts[one]);
        Assert.Equal("e2", firsts[two]);
    }

    [Fact]
    public void Offer_ManyActorsRandomOrder_MatchesMinimumWorkedOutSeparately()
    {
        // Arrange: 5,000 actors (past several doublings), 8 events each, shuffled; hashes from ActorHash.
        var random = new Random(3);
        var events = Enumerable.Range(0, 5_000).SelectMany(a => Enumerable.Range(0, 8).Select(k => (Actor: $"a{a}", Micros: (long)random.Next(1_000_000), Id: $"e{a}-{k}")))
            .OrderBy(_ => random.Next()).ToList();
        var table = new CandidateTable();

        // Act
        foreach (var (actor, micros, id) in events)
        {
            table.Offer(ActorHash.Of(null, actor)!.Value, false, actor, new FirstCandidate(micros, id, 0), touch: true, form: false, any: false);
        }

        // Assert: for each actor, the smallest time (ties: the smaller id in ordinal order).
        var expected = events.GroupBy(e => e.Actor).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Micros).ThenBy(e => e.Id, StringComparer.Ordinal).First().Id);
        Assert.Equal(5_000, table.Count);
        Assert.Equal(expected, table.Firsts().ToDictionary(f => f.Slot.ActorId, f => f.Event.EventId));
    }
}

using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Testing.Builders;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>Sequences of writes after which the views must still equal the reference.</summary>
public abstract partial class DerivedViewsContract
{
    [Fact]
    public void Views_IdenticalReimport_CountNothingTwice()
    {
        var ws = WriteFixture("acme");
        var before = Snapshot(ws);

        WriteFixture("acme");

        Assert.Equal(before, Snapshot(ws));
        Assert.Equal(5, Store.ReadEventRollup(ws, AllDays, [EventType.SessionStart]).Sum(r => r.Count));
        AssertMatchesReference(ws);
    }

    [Fact]
    public void Views_ReimportWithChangedRows_MoveTheirContributions()
    {
        var ws = WriteFixture("acme");

        Write(ws, ViewsFixture.ChangedEvents);

        AssertMatchesReference(ws);
        int SessionsOn(int day) => (int)Store.ReadEventRollup(ws, new DateRange(BuilderTime.Date(day), BuilderTime.Date(day + 1)), [EventType.SessionStart]).Sum(r => r.Count);
        // Day 1 lost e1 and gained e8; day 2 gained e1 (e6, e10, e1); day 4 lost e8.
        Assert.Equal((1, 3, 1, 0), (SessionsOn(1), SessionsOn(2), SessionsOn(3), SessionsOn(4)));
        // The daily totals the same, and day 4, whose only session moved, has no row left.
        var totals = Store.ReadEventTotals(ws, new DateRange(BuilderTime.Date(1), BuilderTime.Date(5)), [EventType.SessionStart]);
        Assert.Equal([(1, 1L), (2, 3L), (3, 1L)], totals.Select(r => (r.Day.DayNumber - BuilderTime.Date(0).DayNumber, r.Count)).Order());
        var day3 = new DateRange(BuilderTime.Date(3), BuilderTime.Date(4));
        Assert.Equal(2, Store.ReadEventRollup(ws, day3, [EventType.EmailOpen]).Sum(r => r.Count));
        Assert.Equal(1, Store.ReadEventRollup(ws, day3, [EventType.EmailClick]).Sum(r => r.Count));
        Assert.Equal(2, Store.CountDistinctActors(ws, [EventType.EmailOpen], day3));
        Assert.Contains(new IdentityLink("a1", "c1", BuilderTime.At(3, 9)), Store.ReadIdentities(ws));
        var lifecycles = Store.ReadLifecycles(ws).ToDictionary(l => l.ContactId);
        Assert.Equal((BuilderTime.At(2, 13), "paid_social"), (lifecycles["c1"].FirstTouch?.Timestamp, lifecycles["c1"].Channel));
        Assert.Equal((BuilderTime.At(1, 8), "direct"), (lifecycles["c2"].FirstTouch?.Timestamp, lifecycles["c2"].Channel));
    }

    [Fact]
    public void Views_ChangedThenRestored_EqualFirstImport()
    {
        var ws = WriteFixture("acme");
        var first = Snapshot(ws);

        Write(ws, ViewsFixture.ChangedEvents);
        Write(ws, ViewsFixture.Events);

        Assert.Equal(first, Snapshot(ws));
        AssertMatchesReference(ws);
    }

    [Fact]
    public void Views_ConflictInOneSession_CountOnlyTheAppliedFact()
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        var first = new EventBuilder("e1").SessionStart().Anonymous("a1").Channel("email").Build();
        var clash = new EventBuilder("e1").SessionStart().Anonymous("a9").Channel("direct").At(day: 2).Build();
        var repeat = new EventBuilder("e1").SessionStart().Anonymous("a1").Channel("email").Build();

        var conflicts = Write(ws, [first, clash, repeat]);

        Assert.Equal([1], conflicts);
        var row = Assert.Single(Store.ReadEventRollup(ws, AllDays));
        Assert.Equal((1L, "email"), (row.Count, row.Dims.Channel));
        Assert.Equal(1, Store.CountDistinctActors(ws, [EventType.SessionStart], AllDays));
        AssertMatchesReference(ws);
    }

    [Fact]
    public void Views_TwoWorkspaces_StayApart()
    {
        var acme = WriteFixture("acme");
        var beta = Store.GetOrCreateWorkspace("beta");
        Write(beta, ViewsFixture.ChangedEvents.Take(4).ToArray());

        Write(beta, ViewsFixture.Events.Take(4).ToArray());

        Assert.Equal(5, Store.ReadEventRollup(acme, AllDays, [EventType.SessionStart]).Sum(r => r.Count));
        Assert.Equal(2, Store.ReadEventRollup(beta, AllDays, [EventType.SessionStart]).Sum(r => r.Count));
        AssertMatchesReference(acme);
        AssertMatchesReference(beta);
    }

    [Fact]
    public void Views_SessionDisposedWithoutCommit_StayAsBefore()
    {
        var ws = WriteFixture("acme");
        var before = Snapshot(ws);
        var version = Store.DataVersion(ws);

        using (var session = Store.BeginWrite(ws))
        {
            session.Write<EventFact>(ViewsFixture.ChangedEvents, new List<int>());
            session.Write<EventFact>([new EventBuilder("new").SessionStart().Anonymous("a7").Build()], new List<int>());
            session.Write<Contact>([new ContactBuilder("c9").Build()], new List<int>());
        }

        Assert.Equal(before, Snapshot(ws));
        Assert.Equal(version, Store.DataVersion(ws));
        AssertMatchesReference(ws);
    }

    [Fact]
    public void Views_EventsBeforeAndAfterIdentify_ResolveToTheContact()
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        Write(ws, [new EventBuilder("v1").SessionStart().At(day: 1).Anonymous("a1").Channel("organic_search").Build()]);
        Write(ws, [new EventBuilder("v2").PageView().At(day: 2).Anonymous("a1").Contact("c1").Build()]);

        Write(ws, [new EventBuilder("v3").SessionStart().At(day: 3).Contact("c1").Channel("email").Build(),
                   new EventBuilder("v0").Type(EventType.EmailOpen).At(day: 0).Contact("c1").Build()]);

        var lifecycle = Assert.Single(Store.ReadLifecycles(ws));
        Assert.Equal(("organic_search", BuilderTime.At(0)), (lifecycle.Channel, lifecycle.FirstKnownAt));
        AssertMatchesReference(ws);
    }

    [Fact]
    public void Views_ManyEventsOverSeveralBatches_MatchReference()
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        var events = ManyEvents(12_000, seed: 1);
        var changed = ManyEvents(12_000, seed: 2);

        Write(ws, events);
        Write(ws, changed[..7_000]);
        Write(ws, events[5_000..]);

        AssertMatchesReference(ws);
    }

    /// <summary>Events over 20 days, 300 actors, a few types and channels; the seed changes values, not ids.</summary>
    protected static EventFact[] ManyEvents(int count, int seed)
    {
        var random = new Random(seed);
        EventType[] types = [EventType.SessionStart, EventType.PageView, EventType.FormSubmit, EventType.EmailOpen, EventType.CtaClick];
        string?[] channels = [null, "email", "organic_search", "paid_social"];
        return [.. Enumerable.Range(0, count).Select(i => new EventBuilder($"m{i}")
            .Type(types[random.Next(types.Length)])
            .At(BuilderTime.At(1 + random.Next(20), random.Next(24), random.Next(60)))
            .Anonymous(random.Next(4) == 0 ? null : $"a{random.Next(300)}")
            .Contact(random.Next(3) == 0 ? $"c{random.Next(100)}" : null)
            .Channel(channels[random.Next(channels.Length)])
            .Page($"/p{random.Next(5)}")
            .Value(random.Next(5) == 0 ? random.Next(100) / 4m : null)
            .Build())];
    }
}

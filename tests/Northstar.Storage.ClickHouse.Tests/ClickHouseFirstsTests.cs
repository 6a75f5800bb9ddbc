using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Testing.Builders;

namespace Northstar.Storage.ClickHouse.Tests;

/// <summary>
/// The kept firsts after a commit that only adds events (new keys: the path that combines the
/// staged firsts with the stored ones instead of reading the events again), and after commits
/// that replace events (the path that recomputes the actors concerned from their live events).
/// </summary>
public sealed class ClickHouseFirstsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Commit_NewEventsOnly_EarlierTouchAndNewLinkReplaceTheStoredFirsts(bool cluster)
    {
        using var database = cluster ? TestDatabase.Cluster() : TestDatabase.Single();
        var store = database.Open();
        var ws = store.GetOrCreateWorkspace("acme");
        // c1 starts an email session on day 5, 08:00; visitor a9 (not yet linked) comes from organic search on day 1, 09:00.
        Write(store, ws,
            new EventBuilder("e1").SessionStart().At(day: 5, hour: 8).Contact("c1").Channel("email").Build(),
            new EventBuilder("e2").SessionStart().At(day: 1, hour: 9).Anonymous("a9").Channel("organic_search").Build());
        var before = Assert.Single(store.ReadLifecycles(ws));
        Assert.Equal((BuilderTime.At(5, 8), "email"), (before.FirstTouch?.Timestamp, before.Channel));

        // Then: c1 from paid search on day 2, 10:00 (earlier than its stored first touch), a later
        // email session on day 8 (changes nothing), and a9 seen as c1 on day 7 (the link).
        Write(store, ws,
            new EventBuilder("e3").SessionStart().At(day: 2, hour: 10).Contact("c1").Channel("paid_search").Build(),
            new EventBuilder("e4").SessionStart().At(day: 8, hour: 8).Contact("c1").Channel("email").Build(),
            new EventBuilder("e5").PageView().At(day: 7, hour: 12).Anonymous("a9").Contact("c1").Build());

        Assert.Equal([new IdentityLink("a9", "c1", BuilderTime.At(7, 12))], store.ReadIdentities(ws));
        var after = Assert.Single(store.ReadLifecycles(ws));
        // The earliest touch of c1 and its linked a9: a9's, day 1, 09:00, organic search.
        Assert.Equal((BuilderTime.At(1, 9), "organic_search"), (after.FirstTouch?.Timestamp, after.Channel));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Commit_ReplacedEvents_FirstsAndLinksFollowTheLiveEvents(bool cluster, bool mergeBetween)
    {
        using var database = cluster ? TestDatabase.Cluster() : TestDatabase.Single();
        var store = database.Open();
        var ws = store.GetOrCreateWorkspace("acme");
        var e1 = new EventBuilder("e1").SessionStart().At(day: 2, hour: 10).Contact("c1").Channel("paid_search").Build();
        var e2 = new EventBuilder("e2").SessionStart().At(day: 5, hour: 8).Contact("c1").Channel("email").Build();
        var linked = new EventBuilder("e5").PageView().At(day: 7, hour: 12).Anonymous("a9").Contact("c1").Build();
        var e6 = new EventBuilder("e6").SessionStart().At(day: 1, hour: 9).Anonymous("a9").Channel("organic_search").Build();
        var link = new IdentityLink("a9", "c1", BuilderTime.At(7, 12));

        // c1's touches: e1 (day 2, 10:00) and e2 (day 5, 08:00); a9, linked to c1 by e5 on day 7, touched on day 1, 09:00.
        Write(store, ws, e1, e2, linked, e6);
        Check([link], (BuilderTime.At(1, 9), "organic_search"));

        // e5 again without its contact: no link, so c1's first touch is its own earliest, e1.
        Write(store, ws, linked with { ContactId = null });
        Check([], (BuilderTime.At(2, 10), "paid_search"));

        // e1 moved to day 9: c1's first touch is now e2 (day 5, 08:00, email).
        Write(store, ws, e1 with { Timestamp = BuilderTime.At(9, 10) });
        Check([], (BuilderTime.At(5, 8), "email"));

        // e5 with its contact again: the link is back, and a9's day-1 touch is c1's first again.
        Write(store, ws, linked);
        Check([link], (BuilderTime.At(1, 9), "organic_search"));

        void Check(IdentityLink[] links, (DateTimeOffset, string) firstTouch)
        {
            if (mergeBetween)
            {
                TestDatabase.MergeEvents(store);
            }

            Assert.Equal(links, store.ReadIdentities(ws));
            var lifecycle = Assert.Single(store.ReadLifecycles(ws));
            Assert.Equal(firstTouch, (lifecycle.FirstTouch?.Timestamp ?? default, lifecycle.Channel ?? ""));
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Commit_EventMovedBetweenContactsBackAndForth_EmptiedContactGoneAndFirstsFollow(bool cluster, bool mergeBetween)
    {
        using var database = cluster ? TestDatabase.Cluster() : TestDatabase.Single();
        var store = database.Open();
        var ws = store.GetOrCreateWorkspace("acme");
        var e1 = new EventBuilder("e1").SessionStart().At(day: 2, hour: 10).Contact("c1").Channel("paid_search").Build();
        var e7 = new EventBuilder("e7").SessionStart().At(day: 1, hour: 9).Contact("c2").Channel("email").Build();

        // c1 touched on day 2 (paid search), c2 on day 1 (email): two contacts.
        Write(store, ws, e1, e7);
        Check(("c1", BuilderTime.At(2, 10), "paid_search"), ("c2", BuilderTime.At(1, 9), "email"));

        // e7 now belongs to c1: c2 has no event left (its firsts written as deleted), and c1's first touch is e7's, day 1.
        Write(store, ws, e7 with { ContactId = "c1" });
        Check(("c1", BuilderTime.At(1, 9), "email"));

        // Back to c2 (a third version of e7, the second with these values): as at first.
        Write(store, ws, e7);
        Check(("c1", BuilderTime.At(2, 10), "paid_search"), ("c2", BuilderTime.At(1, 9), "email"));

        // And to c1 once more (a fourth version).
        Write(store, ws, e7 with { ContactId = "c1" });
        Check(("c1", BuilderTime.At(1, 9), "email"));

        void Check(params (string Contact, DateTimeOffset FirstTouch, string Channel)[] expected)
        {
            if (mergeBetween)
            {
                TestDatabase.MergeEvents(store);
            }

            var lifecycles = store.ReadLifecycles(ws)
                .Select(l => (l.ContactId, l.FirstTouch?.Timestamp ?? default, l.Channel ?? ""))
                .OrderBy(l => l.ContactId, StringComparer.Ordinal);
            Assert.Equal(expected, lifecycles);
        }
    }

    private static void Write(ClickHouseFactStore store, Core.Workspaces.Workspace ws, params EventFact[] events)
    {
        using var session = store.BeginWrite(ws);
        session.Write<EventFact>(events, new List<int>());
        session.Commit();
    }
}

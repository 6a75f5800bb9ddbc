using System.Text.Json;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Testing.Builders;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>
/// What every store's derived views must do: after any sequence of writes, every view read
/// from the store equals <see cref="DerivedViewBuilder"/>'s over the store's own facts, and a
/// few values equal numbers worked out by hand from <see cref="ViewsFixture"/>. Sequences of
/// writes are in the sibling partial file.
/// </summary>
public abstract partial class DerivedViewsContract : IDisposable
{
    /// <summary>A range wide enough for every fixture day.</summary>
    protected static readonly DateRange AllDays = new(BuilderTime.Date(-30), BuilderTime.Date(60));

    private IFactStore? _store;

    /// <summary>A new, empty store; called once per test.</summary>
    protected abstract IFactStore CreateStore();

    protected IFactStore Store => _store ??= CreateStore();

    [Fact]
    public void ReadEventRollup_FixtureImported_CountsAndValuesWorkedOutByHand()
    {
        var ws = WriteFixture("acme");

        var sessions = Store.ReadEventRollup(ws, AllDays, [EventType.SessionStart]);
        var forms = Store.ReadEventRollup(ws, new DateRange(BuilderTime.Date(1), BuilderTime.Date(2)), [EventType.FormSubmit]);
        var opens = Store.ReadEventRollup(ws, new DateRange(BuilderTime.Date(3), BuilderTime.Date(4)), [EventType.EmailOpen]);

        Assert.Equal(5, sessions.Sum(r => r.Count));
        Assert.Equal(2, sessions.Where(r => r.Day == BuilderTime.Date(2)).Sum(r => r.Count));
        Assert.Equal(10.5m, Assert.Single(forms).Value);
        Assert.Equal("/signup", forms[0].Dims.LandingPage);
        var open = Assert.Single(opens);
        Assert.Equal(3, open.Count);
        Assert.Equal(default, open.Dims);
        AssertMatchesReference(ws);
    }

    [Fact]
    public void ReadEventTotals_FixtureImported_OneRowPerDayAndTypeWorkedOutByHand()
    {
        var ws = WriteFixture("acme");

        var totals = Store.ReadEventTotals(ws, AllDays, [EventType.SessionStart, EventType.FormSubmit]);
        var day2 = Store.ReadEventTotals(ws, new DateRange(BuilderTime.Date(2), BuilderTime.Date(3)), [EventType.SessionStart]);

        // Sessions e1 (day 1), e6 and e10 (day 2, two sets of dimensions: one row), e4 (day 3), e8 (day 4); the form e3 (day 1, 10.5).
        Assert.Equal(
            [(1, EventType.FormSubmit, 1L, 10.5m), (1, EventType.SessionStart, 1L, 0m), (2, EventType.SessionStart, 2L, 0m), (3, EventType.SessionStart, 1L, 0m), (4, EventType.SessionStart, 1L, 0m)],
            totals.Select(r => (r.Day.DayNumber - BuilderTime.Date(0).DayNumber, r.Type, r.Count, r.Value)).OrderBy(r => r.Item1).ThenBy(r => r.Type == EventType.FormSubmit ? 0 : 1));
        Assert.All(totals, r => Assert.Equal(default, r.Dims));
        Assert.Equal(2, Assert.Single(day2).Count);
    }

    [Fact]
    public void CountDistinctActors_FixtureImported_CountsWorkedOutByHand()
    {
        var ws = WriteFixture("acme");

        var visitors = Store.CountDistinctActors(ws, [EventType.SessionStart], AllDays);
        var openersDay3 = Store.CountDistinctActors(ws, [EventType.EmailOpen], new DateRange(BuilderTime.Date(3), BuilderTime.Date(4)));
        var visitorsDay2 = Store.CountDistinctActors(ws, [EventType.SessionStart], new DateRange(BuilderTime.Date(2), BuilderTime.Date(3)));
        var either = Store.CountDistinctActors(ws, [EventType.SessionStart, EventType.EmailOpen], AllDays);

        // a1, c1, a2, c2, a3 / c1, c3 / a2, a3 / the five visitors and c3.
        Assert.Equal(5, visitors);
        Assert.Equal(2, openersDay3);
        Assert.Equal(2, visitorsDay2);
        Assert.Equal(6, either);
    }

    [Fact]
    public void CountDistinctActors_SeveralRangesAtOnce_EachAsItsOwnCount()
    {
        var ws = WriteFixture("acme");
        DateRange Days(int from, int to) => new(BuilderTime.Date(from), BuilderTime.Date(to));
        // The whole span, single days, overlapping and disjoint ranges, an empty one, a repeat.
        DateRange[] ranges = [Days(0, 5), Days(2, 3), Days(1, 3), Days(2, 5), Days(4, 5), Days(3, 3), Days(40, 50), Days(2, 3)];

        var counts = Store.CountDistinctActors(ws, [EventType.SessionStart], ranges);
        var either = Store.CountDistinctActors(ws, [EventType.SessionStart, EventType.EmailOpen], [Days(3, 4), AllDays]);

        Assert.Equal(ranges.Select(r => Store.CountDistinctActors(ws, [EventType.SessionStart], r)), counts);
        // As above: five visitors in all, two on day 2; nobody on an empty range or on days without events.
        Assert.Equal(5, counts[0]);
        Assert.Equal(2, counts[1]);
        Assert.Equal(0, counts[5]);
        Assert.Equal(0, counts[6]);
        Assert.Equal(counts[1], counts[7]);
        Assert.Equal(6, either[1]);
        Assert.Equal(Store.CountDistinctActors(ws, [EventType.SessionStart, EventType.EmailOpen], Days(3, 4)), either[0]);
    }

    [Fact]
    public void ReadIdentities_FixtureImported_LinksEachAnonymousIdByItsFirstEventWithBoth()
    {
        var ws = WriteFixture("acme");

        var links = Store.ReadIdentities(ws).OrderBy(l => l.AnonymousId, StringComparer.Ordinal).ToList();

        Assert.Equal(
            [new IdentityLink("a1", "c1", BuilderTime.At(1, 10, 5)), new IdentityLink("a2", "c2", BuilderTime.At(4, 8))],
            links);
    }

    [Fact]
    public void ReadLifecycles_FixtureImported_ValuesWorkedOutByHand()
    {
        var ws = WriteFixture("acme");

        var lifecycles = Store.ReadLifecycles(ws).ToDictionary(l => l.ContactId);

        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], lifecycles.Keys.Order(StringComparer.Ordinal));
        var c1 = lifecycles["c1"];
        Assert.Equal(BuilderTime.At(1, 10), c1.FirstTouch?.Timestamp);
        Assert.Equal(("paid_search", "google", "cpc", "spring"), (c1.Channel, c1.Source, c1.Medium, c1.Campaign));
        Assert.Equal("/signup", c1.LandingPage);
        Assert.Equal("enterprise", c1.Segment);
        var c2 = lifecycles["c2"];
        Assert.Equal(("organic_search", "/home"), (c2.Channel, c2.LandingPage));
        Assert.Equal(BuilderTime.At(4, 8), c2.FirstKnownAt);
        Assert.Equal(
            new DateTimeOffset?[] { BuilderTime.At(5), BuilderTime.At(5), BuilderTime.At(5), BuilderTime.At(9), BuilderTime.At(9), BuilderTime.At(9), BuilderTime.At(9), BuilderTime.At(9), null },
            c2.Entered);
        Assert.Null(lifecycles["c3"].FirstTouch);
        Assert.Equal(BuilderTime.At(3, 7), lifecycles["c3"].FirstKnownAt);
        Assert.Null(lifecycles["c4"].FirstTouch);
        Assert.Equal(("paid_social", "linkedin"), (lifecycles["c4"].Channel, lifecycles["c4"].Source));
        AssertMatchesReference(ws);
    }

    [Fact]
    public void ReadStageRollup_FixtureImported_CountsWorkedOutByHand()
    {
        var ws = WriteFixture("acme");

        var leads = Store.ReadStageRollup(ws, AllDays, [ContactMoment.Lead]).OrderBy(r => r.Day).ToList();
        var firstKnown = Store.ReadStageRollup(ws, AllDays, [ContactMoment.FirstKnown]);
        var all = Store.ReadStageRollup(ws, AllDays);
        var customersDays5To8 = Store.ReadStageRollup(ws, new DateRange(BuilderTime.Date(5), BuilderTime.Date(9)), [ContactMoment.Customer]);
        var customersDay9 = Store.ReadStageRollup(ws, new DateRange(BuilderTime.Date(9), BuilderTime.Date(10)), [ContactMoment.Customer]);

        // Leads: c2 on day 5 (filled from its MQL; first touch e6 via a2: organic_search, /home), c5 on day 7 (no values).
        Assert.Equal(
            [
                new StageRollupRow(BuilderTime.Date(5), ContactMoment.Lead, new ContactDims("organic_search", "google", "organic", null, "/home", null, null, null), 1),
                new StageRollupRow(BuilderTime.Date(7), ContactMoment.Lead, default, 1),
            ],
            leads);
        // First known: c1 day 1, c3 day 3, c2 day 4 (its event e8), c4 day 6, c5 day 7.
        Assert.Equal([1, 3, 4, 6, 7], firstKnown.Select(r => r.Day.DayNumber - BuilderTime.Date(0).DayNumber).Order());
        Assert.Equal("enterprise", firstKnown.Single(r => r.Day == BuilderTime.Date(1)).Dims.Segment);
        // Five first known, c2's eight stages (lead to customer), c5's lead; churned never.
        Assert.Equal(14, all.Sum(r => r.Count));
        Assert.DoesNotContain(all, r => r.Moment == ContactMoment.Churned);
        Assert.Empty(customersDays5To8);
        Assert.Equal(1, Assert.Single(customersDay9).Count);
        AssertMatchesReference(ws);
    }

    [Fact]
    public void ReadStageCounts_FixtureImported_SummedPerDayAndValueByHand()
    {
        var ws = WriteFixture("acme");

        var leadsByChannel = Store.ReadStageCounts(ws, AllDays, ContactMoment.Lead, Dimensions.Channel).OrderBy(r => r.Day).ToList();
        var knownBySegment = Store.ReadStageCounts(ws, AllDays, ContactMoment.FirstKnown, Dimensions.Segment).OrderBy(r => r.Day).ToList();
        var knownDays1To4 = Store.ReadStageCounts(ws, new DateRange(BuilderTime.Date(1), BuilderTime.Date(5)), ContactMoment.FirstKnown, null);

        // c2 (organic_search) on day 5, c5 (no channel: empty) on day 7.
        Assert.Equal([new StageCountRow(BuilderTime.Date(5), "organic_search", 1), new StageCountRow(BuilderTime.Date(7), "", 1)], leadsByChannel);
        // Only c1 has a segment (its account's): enterprise on day 1; c3, c2, c4, c5 none.
        Assert.Equal(
            [("enterprise", 1L), ("", 1L), ("", 1L), ("", 1L), ("", 1L)],
            knownBySegment.Select(r => (r.Value, r.Count)));
        // Days 1-4: c1, c3, c2.
        Assert.Equal(3, knownDays1To4.Sum(r => r.Count));
        Assert.All(knownDays1To4, r => Assert.Equal("", r.Value));
        Assert.Throws<ArgumentException>(() => Store.ReadStageCounts(ws, AllDays, ContactMoment.Lead, Dimensions.Page));
    }

    [Fact]
    public void ReadLifecyclesOf_SomeIds_OnlyThoseThatHaveALifecycle()
    {
        var ws = WriteFixture("acme");

        var some = Store.ReadLifecyclesOf(ws, ["c4", "nobody", "c2", "c4"]).OrderBy(l => l.ContactId, StringComparer.Ordinal).ToList();

        Assert.Equal(["c2", "c4"], some.Select(l => l.ContactId));
        Assert.Equal(("organic_search", "/home"), (some[0].Channel, some[0].LandingPage));
        Assert.Equal(("paid_social", "linkedin"), (some[1].Channel, some[1].Source));
        Assert.Empty(Store.ReadLifecyclesOf(ws, []));
    }

    [Fact]
    public void ReadStageTimes_FixtureImported_TimesAndValuesWorkedOutByHand()
    {
        var ws = WriteFixture("acme");

        var times = Store.ReadStageTimes(ws);

        // Only c2 (lead to customer: lead, iql, mql on day 5, the rest on day 9) and c5 (lead on day 7) entered a stage.
        Assert.Equal(2, times.Count);
        var c2 = times.EnteredTicks(Stage.Customer).IndexOf(BuilderTime.At(9).UtcTicks);
        var c5 = 1 - c2;
        Assert.Equal(
            [BuilderTime.At(5), BuilderTime.At(5), BuilderTime.At(5), BuilderTime.At(9), BuilderTime.At(9), BuilderTime.At(9), BuilderTime.At(9), BuilderTime.At(9)],
            Enum.GetValues<Stage>().Where(s => s != Stage.Churned).Select(s => new DateTimeOffset(times.EnteredTicks(s)[c2], TimeSpan.Zero)));
        Assert.Equal(StageTimes.NotEntered, times.EnteredTicks(Stage.Churned)[c2]);
        Assert.Equal(new ContactDims("organic_search", "google", "organic", null, "/home", null, null, null), times.Dims(c2));
        Assert.Equal(BuilderTime.At(7).UtcTicks, times.EnteredTicks(Stage.Lead)[c5]);
        Assert.Equal(StageTimes.NotEntered, times.EnteredTicks(Stage.Mql)[c5]);
        Assert.Equal(default, times.Dims(c5));
    }

    [Fact]
    public void DataVersion_EveryCommitAndClear_Changes()
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        var before = Store.DataVersion(ws);

        Write(ws, ViewsFixture.Events);
        var afterFirst = Store.DataVersion(ws);
        Write(ws, ViewsFixture.Events);
        var afterSecond = Store.DataVersion(ws);
        Store.ClearFacts(ws);
        var afterClear = Store.DataVersion(ws);

        Assert.Equal(4, new[] { before, afterFirst, afterSecond, afterClear }.Distinct().Count());
        Assert.Empty(Store.ReadEventRollup(ws, AllDays));
        Assert.Empty(Store.ReadLifecycles(ws));
        Assert.Empty(Store.ReadStageRollup(ws, AllDays));
        Assert.Equal(0, Store.ReadStageTimes(ws).Count);
        Assert.Empty(Store.ReadIdentities(ws));
        Assert.Equal(0, Store.CountDistinctActors(ws, [EventType.SessionStart], AllDays));
    }

    [Fact]
    public void CountDistinctActors_TypeNotKept_Throws()
    {
        var ws = WriteFixture("acme");

        Assert.Throws<ArgumentException>(() => Store.CountDistinctActors(ws, [EventType.PageView], AllDays));
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _store?.Dispose();
        }
    }

    protected Workspace WriteFixture(string name)
    {
        var ws = Store.GetOrCreateWorkspace(name);
        using var session = Store.BeginWrite(ws);
        var conflicts = new List<int>();
        session.Write<Contact>(ViewsFixture.Contacts, conflicts);
        session.Write<Account>(ViewsFixture.Accounts, conflicts);
        session.Write<StageChange>(ViewsFixture.Stages, conflicts);
        session.Write<EventFact>(ViewsFixture.Events, conflicts);
        session.Commit();
        Assert.Empty(conflicts);
        return ws;
    }

    protected List<int> Write<TFact>(Workspace workspace, TFact[] facts)
        where TFact : class, IFact
    {
        var conflicts = new List<int>();
        using var session = Store.BeginWrite(workspace);
        session.Write<TFact>(facts, conflicts);
        session.Commit();
        return conflicts;
    }

    /// <summary>Every view read from the store equals the reference builder's over the store's facts.</summary>
    protected void AssertMatchesReference(Workspace workspace)
    {
        var reference = DerivedViewBuilder.Build(workspace.TimeZone, Store.Read<EventFact>(workspace), Store.Read<Contact>(workspace), Store.Read<StageChange>(workspace), Store.Read<Account>(workspace));
        Assert.Equal(Canonical(reference.Rollup), Canonical(Store.ReadEventRollup(workspace, AllDays)));
        Assert.Equal(Json(reference.Lifecycles), Json(Store.ReadLifecycles(workspace)));
        Assert.Equal(Canonical(StageRollup.From(reference.Lifecycles, workspace.TimeZone, AllDays)), Canonical(Store.ReadStageRollup(workspace, AllDays)));
        var middle = new DateRange(BuilderTime.Date(3), BuilderTime.Date(6));
        Assert.Equal(
            Canonical(StageRollup.From(reference.Lifecycles, workspace.TimeZone, middle, [ContactMoment.Lead, ContactMoment.FirstKnown])),
            Canonical(Store.ReadStageRollup(workspace, middle, [ContactMoment.Lead, ContactMoment.FirstKnown])));
        var rollup = StageRollup.From(reference.Lifecycles, workspace.TimeZone, AllDays);
        foreach (var moment in new[] { ContactMoment.Lead, ContactMoment.Customer, ContactMoment.FirstKnown })
        {
            foreach (var dimension in ContactDims.Names.Append(null))
            {
                Assert.Equal(
                    Canonical(StageRollup.Counts(rollup.Where(r => r.Moment == moment), dimension)),
                    Canonical(Store.ReadStageCounts(workspace, AllDays, moment, dimension)));
            }
        }
        Assert.Equal(StageTimesText.Canonical(StageTimes.From(reference.Lifecycles)), StageTimesText.Canonical(Store.ReadStageTimes(workspace)));
        var someIds = reference.Lifecycles.Where((_, i) => i % 2 == 0).Select(l => l.ContactId).Append("no-such-contact").ToList();
        Assert.Equal(Json(reference.Lifecycles.Where((_, i) => i % 2 == 0)), Json(Store.ReadLifecyclesOf(workspace, someIds).OrderBy(l => l.ContactId, StringComparer.Ordinal)));
        Assert.Equal(Json(reference.Identities.OrderBy(i => i.AnonymousId, StringComparer.Ordinal)), Json(Store.ReadIdentities(workspace).OrderBy(i => i.AnonymousId, StringComparer.Ordinal)));
        var days = reference.Rollup.Select(r => r.Day).Distinct().ToList();
        foreach (var types in TypeSets())
        {
            Assert.Equal(reference.CountDistinctActors(types, AllDays), Store.CountDistinctActors(workspace, types, AllDays));
            foreach (var day in days)
            {
                var range = new DateRange(day, day.AddDays(1));
                Assert.Equal(reference.CountDistinctActors(types, range), Store.CountDistinctActors(workspace, types, range));
            }
        }
    }

    /// <summary>Everything a store's views hold for the workspace, as text (to compare a store with itself at two times).</summary>
    protected string Snapshot(Workspace workspace) =>
        Canonical(Store.ReadEventRollup(workspace, AllDays)) + Json(Store.ReadLifecycles(workspace)) + Canonical(Store.ReadStageRollup(workspace, AllDays)) +
        string.Join("\n", StageTimesText.Canonical(Store.ReadStageTimes(workspace))) +
        Json(Store.ReadIdentities(workspace).OrderBy(i => i.AnonymousId, StringComparer.Ordinal)) +
        string.Join(",", TypeSets().Select(t => Store.CountDistinctActors(workspace, t, AllDays)));

    private static IEnumerable<EventType[]> TypeSets() =>
        [[.. DistinctActorTypes.All], [EventType.SessionStart], [EventType.EmailOpen, EventType.EmailClick], [EventType.FormSubmit]];

    private static string Canonical(IEnumerable<EventRollupRow> rows) =>
        string.Join("\n", rows.Select(r => $"{r.Day:yyyy-MM-dd} {r.Type} {r.Dims} {r.Count} {r.Value / 1.0000000000000000000000000000m}").Order(StringComparer.Ordinal));

    private static string Canonical(IEnumerable<StageRollupRow> rows) =>
        string.Join("\n", rows.Select(r => $"{r.Day:yyyy-MM-dd} {r.Moment} {r.Dims} {r.Count}").Order(StringComparer.Ordinal));

    private static string Canonical(IEnumerable<StageCountRow> rows) =>
        string.Join("\n", rows.Select(r => $"{r.Day:yyyy-MM-dd} {r.Value} {r.Count}").Order(StringComparer.Ordinal));

    private static string Json<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items.ToList());
}

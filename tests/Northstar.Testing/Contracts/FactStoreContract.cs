using Northstar.Core.Facts;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;
using Northstar.Testing.Builders;
using Xunit;

namespace Northstar.Testing.Contracts;

/// <summary>
/// What every <see cref="IFactStore"/> backend must do. A backend's test project derives from
/// this class and supplies a fresh, empty store. Facts are written and read through the
/// public interface only. Round trips of every kind are in <see cref="FactStoreContract"/>'s
/// sibling partial file.
/// </summary>
public abstract partial class FactStoreContract : IDisposable
{
    private IFactStore? _store;

    /// <summary>A new, empty store; called once per test.</summary>
    protected abstract IFactStore CreateStore();

    protected IFactStore Store => _store ??= CreateStore();

    [Fact]
    public void Write_SameFactsAgainInNewSession_ChangesNothing()
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        EventFact[] events = [new EventBuilder("e1").At(day: 1).Build(), new EventBuilder("e2").At(day: 2).Build()];
        Write(ws, events);

        var conflicts = Write(ws, events);

        Assert.Empty(conflicts);
        Assert.Equal(events, Sorted(Store.Read<EventFact>(ws)));
    }

    [Fact]
    public void Write_ChangedFactInNewSession_ReplacesStoredFact()
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        Write(ws, [new ContactBuilder("c1").Segment("smb").Build(), new ContactBuilder("c2").Build()]);
        var changed = new ContactBuilder("c1").Segment("enterprise").Owner("ana").Build();

        Write(ws, [changed]);

        Assert.Equal([changed, new ContactBuilder("c2").Build()], Sorted(Store.Read<Contact>(ws)));
    }

    [Fact]
    public void Write_SameKeyDifferentValuesInOneSession_ReportsConflictAndKeepsFirst()
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        var first = new EventBuilder("e1").Channel("email").Build();
        var other = new EventBuilder("e2").Build();
        var clash = new EventBuilder("e1").Channel("direct").Build();
        var conflicts = new List<int>();

        using (var session = Store.BeginWrite(ws))
        {
            session.Write<EventFact>([first, other, clash], conflicts);
            session.Commit();
        }

        Assert.Equal([2], conflicts);
        Assert.Equal([first, other], Sorted(Store.Read<EventFact>(ws)));
    }

    [Fact]
    public void Write_ConflictAcrossTwoBatchesOfOneSession_IsReportedWithIndexInItsBatch()
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        var first = new SpendBuilder("paid_search").On(3).Campaign("spring").Amount(100m).Build();
        var clash = new SpendBuilder("paid_search").On(3).Campaign("spring").Amount(250m).Build();
        var otherDay = new SpendBuilder("paid_search").On(4).Campaign("spring").Amount(250m).Build();
        var firstBatch = new List<int>();
        var secondBatch = new List<int>();

        using (var session = Store.BeginWrite(ws))
        {
            session.Write<Spend>([first], firstBatch);
            session.Write<Spend>([otherDay, clash], secondBatch);
            session.Commit();
        }

        Assert.Empty(firstBatch);
        Assert.Equal([1], secondBatch);
        Assert.Equal([first, otherDay], Sorted(Store.Read<Spend>(ws)));
    }

    [Fact]
    public void Write_SameKeySameValuesInOneSession_IsNotAConflict()
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        var stage = new StageChangeBuilder("c1").Stage(Stage.Mql).EnteredAt(day: 3).Build();
        var conflicts = new List<int>();

        using (var session = Store.BeginWrite(ws))
        {
            session.Write<StageChange>([stage, stage], conflicts);
            session.Write<StageChange>([stage], conflicts);
            session.Commit();
        }

        Assert.Empty(conflicts);
        Assert.Equal([stage], Store.Read<StageChange>(ws));
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesStoreAsBefore()
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        var kept = new EventBuilder("e1").Channel("email").Build();
        Write(ws, [kept]);

        using (var session = Store.BeginWrite(ws))
        {
            session.Write<EventFact>([new EventBuilder("e1").Channel("direct").Build(), new EventBuilder("e2").Build()], new List<int>());
            session.Write<Contact>([new ContactBuilder("c1").Build()], new List<int>());
        }

        Assert.Equal([kept], Store.Read<EventFact>(ws));
        Assert.Empty(Store.Read<Contact>(ws));
        Assert.Equal(1, Count(ws, FactKind.Events));
    }

    [Fact]
    public void Read_WhileSessionUncommitted_DoesNotSeeItsFacts()
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        using var session = Store.BeginWrite(ws);
        session.Write<Account>([new AccountBuilder("acc1").Build()], new List<int>());

        var seen = Store.Read<Account>(ws).ToList();

        Assert.Empty(seen);
        session.Commit();
        Assert.Equal([new AccountBuilder("acc1").Build()], Store.Read<Account>(ws));
    }

    [Fact]
    public void Read_OtherWorkspace_SeesNothing()
    {
        var a = Store.GetOrCreateWorkspace("a");
        var b = Store.GetOrCreateWorkspace("b");
        Write(a, [new EventBuilder("e1").Build()]);
        Write(a, [new DealBuilder("d1").Build()]);

        Assert.Empty(Store.Read<EventFact>(b));
        Assert.Empty(Store.Read<Deal>(b));
        Assert.All(Store.Summarize(b).Kinds, k => Assert.Equal(0, k.Count));
    }

    [Fact]
    public void Write_SameKeyInTwoWorkspaces_KeepsTwoFacts()
    {
        var a = Store.GetOrCreateWorkspace("a");
        var b = Store.GetOrCreateWorkspace("b");
        var inA = new EventBuilder("e1").Channel("email").Build();
        var inB = new EventBuilder("e1").Channel("direct").Build();
        var contactA = new ContactBuilder("c1").Segment("smb").Build();
        var contactB = new ContactBuilder("c1").Segment("enterprise").Build();

        Write(a, [inA]);
        Write(a, [contactA]);
        Write(b, [inB]);
        Write(b, [contactB]);

        Assert.Equal([inA], Store.Read<EventFact>(a));
        Assert.Equal([inB], Store.Read<EventFact>(b));
        Assert.Equal([contactA], Store.Read<Contact>(a));
        Assert.Equal([contactB], Store.Read<Contact>(b));
    }

    [Fact]
    public void Summarize_FactsOfSeveralKinds_CountsAndRangesByMainTimestamp()
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        Write(ws, [new EventBuilder("e1").At(day: 5, hour: 7).Build(), new EventBuilder("e2").At(day: 2).Build(), new EventBuilder("e3").At(day: 9, hour: 23, minute: 59).Build()]);
        Write(ws, [new SpendBuilder().On(10).Build(), new SpendBuilder().On(3).Build()]);
        Write(ws, [new ContactBuilder("c1").CreatedAt(at: null).Build()]);

        var kinds = Store.Summarize(ws).Kinds.ToDictionary(k => k.Kind);

        Assert.Equal(Enum.GetValues<FactKind>(), kinds.Keys.Order());
        Assert.Equal(new FactKindSummary(FactKind.Events, 3, BuilderTime.At(2), BuilderTime.At(9, 23, 59)), kinds[FactKind.Events]);
        Assert.Equal(new FactKindSummary(FactKind.Spend, 2, BuilderTime.At(3), BuilderTime.At(10)), kinds[FactKind.Spend]);
        Assert.Equal(new FactKindSummary(FactKind.Contacts, 1, null, null), kinds[FactKind.Contacts]);
        Assert.Equal(new FactKindSummary(FactKind.Deals, 0, null, null), kinds[FactKind.Deals]);
    }

    [Fact]
    public void Read_TimestampWithOffset_ComesBackAsSameInstantInUtc()
    {
        var ws = Store.GetOrCreateWorkspace("acme");
        var local = new DateTimeOffset(2026, 3, 29, 10, 15, 30, 123, TimeSpan.FromHours(2)).AddTicks(4560);
        Write(ws, [new EventBuilder("e1").At(local).Build()]);

        var stored = Assert.Single(Store.Read<EventFact>(ws)).Timestamp;

        Assert.Equal(TimeSpan.Zero, stored.Offset);
        Assert.Equal(new DateTime(2026, 3, 29, 8, 15, 30, 123, DateTimeKind.Utc).AddTicks(4560), stored.UtcDateTime);
    }

    [Fact]
    public void GetOrCreateWorkspace_SameNameTwice_ReturnsSameWorkspace()
    {
        var first = Store.GetOrCreateWorkspace("acme");

        var second = Store.GetOrCreateWorkspace("acme");

        Assert.Equal(first, second);
        Assert.Equal("UTC", first.TimeZone);
        Assert.Equal(first, Store.FindWorkspace("acme"));
        Assert.Null(Store.FindWorkspace("other"));
    }

    [Fact]
    public void ListWorkspaces_Several_ReturnsThemByName()
    {
        var zeta = Store.GetOrCreateWorkspace("zeta");
        var alpha = Store.GetOrCreateWorkspace("alpha");

        Assert.Equal([alpha, zeta], Store.ListWorkspaces());
        Assert.NotEqual(alpha.Id, zeta.Id);
    }

    [Fact]
    public void SetChannelRules_ThenGet_ReturnsThemInOrderPerWorkspace()
    {
        var a = Store.GetOrCreateWorkspace("a");
        var b = Store.GetOrCreateWorkspace("b");
        Core.Channels.ChannelRule[] rules = [new("partner", Source: "^partnerco$"), new("events", Medium: "event", Campaign: "summit.*"), new("email")];
        Store.SetChannelRules(a, [new("old", Source: "x")]);

        Store.SetChannelRules(a, rules);

        Assert.Equal(rules, Store.GetChannelRules(a));
        Assert.Empty(Store.GetChannelRules(b));
    }

    [Fact]
    public void ClearFacts_OneWorkspace_EmptiesItAndLeavesTheOtherAndItsRules()
    {
        var a = Store.GetOrCreateWorkspace("a");
        var b = Store.GetOrCreateWorkspace("b");
        Write(a, [new EventBuilder("e1").Build(), new EventBuilder("e2").Build()]);
        Write(a, [new ContactBuilder("c1").Build()]);
        Write(b, [new EventBuilder("e1").Build()]);
        Store.SetChannelRules(a, [new("partner", Source: "^p$")]);

        Store.ClearFacts(a);

        Assert.All(Store.Summarize(a).Kinds, k => Assert.Equal(0, k.Count));
        Assert.Equal(1, Count(b, FactKind.Events));
        Assert.Single(Store.GetChannelRules(a));
        Write(a, [new EventBuilder("e1").Build()]);
        Assert.Equal(1, Count(a, FactKind.Events));
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

    /// <summary>Writes one batch in its own committed session; returns the conflicts reported.</summary>
    protected List<int> Write<TFact>(Workspace workspace, TFact[] facts)
        where TFact : class, IFact
    {
        var conflicts = new List<int>();
        using var session = Store.BeginWrite(workspace);
        session.Write<TFact>(facts, conflicts);
        session.Commit();
        return conflicts;
    }

    protected long Count(Workspace workspace, FactKind kind) =>
        Store.Summarize(workspace).Kinds.Single(k => k.Kind == kind).Count;

    /// <summary>Facts by natural key (stores return them in no particular order).</summary>
    protected static List<TFact> Sorted<TFact>(IEnumerable<TFact> facts)
        where TFact : IFact => [.. facts.OrderBy(f => f.NaturalKey, StringComparer.Ordinal)];
}

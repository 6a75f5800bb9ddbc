using System.Runtime.InteropServices;
using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// What a write session's events change in the derived views, gathered in memory and merged
/// into the view tables at commit (the counts also earlier, when they grow large). Counts are
/// signed (an updated event takes its old values out); firsts and identity links are
/// candidates that only win when earlier than what is stored, so taking an event out of them
/// is the session's commit step's job (<see cref="ViewMaintainer"/>).
/// </summary>
internal sealed class ViewDelta(LocalDays days)
{
    public Dictionary<RollupKey, RollupSum> Rollup { get; } = [];

    /// <summary>Per (type, local day number): actor hash to signed count of events.</summary>
    public Dictionary<(EventType Type, int Day), Dictionary<long, int>> Actors { get; } = [];

    public Dictionary<FirstSlot, EventFact> Firsts { get; } = [];

    /// <summary>Per anonymous id: the earliest event that carried it together with a contact id.</summary>
    public Dictionary<string, EventFact> Links { get; } = new(StringComparer.Ordinal);

    /// <summary>Entries held for the counting views (what an early flush frees).</summary>
    public int CountEntries { get; private set; }

    /// <summary>Adds a stored event (timestamp already at store precision) to every view.</summary>
    public void Add(EventFact fact)
    {
        Count(fact, +1);
        if (fact.ContactId is { } contact)
        {
            Offer(FirstKind.AnyEvent, true, contact, fact);
            OfferTouchAndForm(true, contact, fact);
            if (fact.AnonymousId is { } anonymous)
            {
                OfferLink(anonymous, fact);
            }
        }

        if (fact.AnonymousId is { } anon)
        {
            OfferTouchAndForm(false, anon, fact);
        }
    }

    /// <summary>Adds (+1) or takes out (-1) an event's contribution to the rollup and the distinct actors.</summary>
    public void Count(EventFact fact, int sign)
    {
        var day = days.DayOf(fact.Timestamp).DayNumber;
        ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(Rollup, new RollupKey(fact.Type, day, Touchpoints.DimsOf(fact)), out var existed);
        sum = new RollupSum(sum.Count + sign, fact.Value is { } v ? sum.Value + (sign * v) : sum.Value);
        CountEntries += existed ? 0 : 1;
        if (DistinctActorTypes.All.Contains(fact.Type) && ActorHash.Of(fact.ContactId, fact.AnonymousId) is { } actor)
        {
            ref var perDay = ref CollectionsMarshal.GetValueRefOrAddDefault(Actors, (fact.Type, day), out _);
            perDay ??= [];
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(perDay, actor, out var known);
            count += sign;
            CountEntries += known ? 0 : 1;
        }
    }

    /// <summary>Forgets the counts (after they were merged into the tables).</summary>
    public void ClearCounts()
    {
        Rollup.Clear();
        Actors.Clear();
        CountEntries = 0;
    }

    /// <summary>The event with its timestamp cut to what the store keeps (microseconds), so "earliest" agrees with stored rows.</summary>
    public static EventFact AtStorePrecision(EventFact fact) =>
        fact.Timestamp.UtcTicks % 10 == 0 && fact.Timestamp.Offset == TimeSpan.Zero
            ? fact
            : fact with { Timestamp = StoreValues.FromMicros(StoreValues.ToMicros(fact.Timestamp)) };

    private void OfferTouchAndForm(bool isContact, string actor, EventFact fact)
    {
        if (Touchpoints.IsTouch(fact))
        {
            Offer(FirstKind.Touch, isContact, actor, fact);
        }

        if (fact.Type == EventType.FormSubmit)
        {
            Offer(FirstKind.FormSubmit, isContact, actor, fact);
        }
    }

    private void Offer(FirstKind kind, bool isContact, string actor, EventFact fact)
    {
        ref var best = ref CollectionsMarshal.GetValueRefOrAddDefault(Firsts, new FirstSlot(kind, isContact, actor), out _);
        if (best is null || Touchpoints.Earlier(fact.Timestamp, fact.Id, best.Timestamp, best.Id))
        {
            best = fact;
        }
    }

    private void OfferLink(string anonymous, EventFact fact)
    {
        ref var best = ref CollectionsMarshal.GetValueRefOrAddDefault(Links, anonymous, out _);
        if (best is null || Touchpoints.Earlier(fact.Timestamp, fact.Id, best.Timestamp, best.Id))
        {
            best = fact;
        }
    }
}

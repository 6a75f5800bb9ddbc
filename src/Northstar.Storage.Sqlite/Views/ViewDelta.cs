using System.Runtime.CompilerServices;
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
/// is the commit step's job (<see cref="ViewMaintainer"/>). Built for the import's hot path:
/// dimension tuples are interned (a rollup key is one 64-bit number, a candidate holds no
/// event), and each actor id is looked up once per event.
/// </summary>
internal sealed class ViewDelta(LocalDays days)
{
    /// <summary>By event type: whether distinct actors are counted for it (<see cref="DistinctActorTypes.All"/>), as an array lookup.</summary>
    private static readonly bool[] KeepsActors = [.. Enumerable.Range(0, Enum.GetValues<EventType>().Max(t => (int)t) + 1).Select(t => DistinctActorTypes.All.Contains((EventType)t))];

    private readonly Dictionary<EventDims, int> _dimsIndex = [];
    private readonly List<EventDims> _dims = [];
    private readonly List<long> _storedDims = [];
    // Per local day number: (dims index << 8 | type) to change. Small per-day maps stay in cache
    // (one map of every key did not: a profile put its lookups first), and events of one day
    // usually come together, so the last day's map is kept at hand.
    private readonly Dictionary<int, Dictionary<long, RollupSum>> _rollup = [];
    private int _lastDayKey = -1;
    private Dictionary<long, RollupSum> _lastDay = [];
    // Candidates by the actor's 64-bit hash (worked out with the event still in cache); an id
    // whose hash another id already holds goes to the exact map instead.
    private readonly Dictionary<long, ActorCandidates> _byHash = new(MixedKeyComparer.Instance);
    private readonly Dictionary<(bool IsContact, string Id), ActorCandidates> _collided = [];

    /// <summary>Per (type, local day number): actor hash to signed count of events.</summary>
    public Dictionary<(EventType Type, int Day), Dictionary<long, int>> Actors { get; } = [];

    /// <summary>Per anonymous id: the earliest event that carried it together with a contact id.</summary>
    public Dictionary<string, LinkCandidate> Links { get; } = new(StringComparer.Ordinal);

    /// <summary>Entries held for the counting views (what an early flush frees).</summary>
    public int CountEntries { get; private set; }

    /// <summary>The rollup changes: type, local day number, dims index, change.</summary>
    public IEnumerable<(EventType Type, int Day, int Dims, RollupSum Change)> Rollup =>
        _rollup.SelectMany(d => d.Value.Select(r => ((EventType)(r.Key & 0xff), d.Key, (int)(r.Key >> 8), r.Value)));

    /// <summary>The candidate firsts by slot.</summary>
    public IEnumerable<(FirstSlot Slot, FirstCandidate Event)> Firsts => _byHash.Values.Concat(_collided.Values).SelectMany(Slots);

    /// <summary>The stored id (<see cref="DimsTable"/>) of interned tuple <paramref name="index"/>, looked up once per session.</summary>
    public long StoredDims(int index, DimsTable table)
    {
        while (_storedDims.Count <= index)
        {
            _storedDims.Add(-1);
        }

        return _storedDims[index] >= 0 ? _storedDims[index] : _storedDims[index] = table.IdOf(_dims[index]);
    }

    /// <summary>What the views need of an event (on the encoding thread, while it is in cache).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PreparedEvent Prepare(EventFact fact)
    {
        var contactKey = fact.ContactId is null ? 0 : ActorHash.Of(fact.ContactId, null)!.Value;
        var anonymousKey = fact.AnonymousId is null ? 0 : ActorHash.Of(null, fact.AnonymousId)!.Value;
        // The actor's hash is the contact's when there is one, else the anonymous id's (ActorHash.Of): not hashed a third time.
        long? actor = !KeepsActors[(int)fact.Type] ? null
            : fact.ContactId is not null ? contactKey
            : fact.AnonymousId is not null ? anonymousKey
            : null;
        return new(
            fact,
            fact.Type,
            days.DayOf(fact.Timestamp).DayNumber,
            Intern(Touchpoints.DimsOf(fact)),
            actor,
            contactKey,
            anonymousKey,
            StoreValues.ToMicros(fact.Timestamp),
            Touchpoints.IsTouch(fact),
            fact.Type == EventType.FormSubmit);
    }

    /// <summary>Adds a stored event to every view.</summary>
    public void Add(EventFact fact) => Add(Prepare(fact));

    /// <summary>Adds a stored event to every view.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(in PreparedEvent e)
    {
        Count(e, +1);
        var (fact, touch, form) = (e.Fact, e.Touch, e.Form);
        var candidate = new FirstCandidate(e.Micros, fact.Id, e.Dims);
        if (fact.ContactId is { } contact)
        {
            var candidates = Candidates(true, contact, e.ContactKey);
            candidates.AnyEvent = candidate.Before(candidates.AnyEvent) ? candidate : candidates.AnyEvent;
            Offer(candidates, candidate, touch, form);
            if (fact.AnonymousId is { } linked)
            {
                ref var link = ref CollectionsMarshal.GetValueRefOrAddDefault(Links, linked, out var known);
                link = !known || candidate.Before(link.Event) ? new LinkCandidate(candidate, contact) : link;
            }
        }

        if ((touch || form) && fact.AnonymousId is { } anonymous)
        {
            Offer(Candidates(false, anonymous, e.AnonymousKey), candidate, touch, form);
        }
    }

    /// <summary>Adds (+1) or takes out (-1) an event's contribution to the rollup and the distinct actors.</summary>
    public void Count(EventFact fact, int sign) => Count(Prepare(fact), sign);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Count(in PreparedEvent e, int sign)
    {
        var day = e.Day;
        if (day != _lastDayKey)
        {
            ref var map = ref CollectionsMarshal.GetValueRefOrAddDefault(_rollup, day, out _);
            (_lastDayKey, _lastDay) = (day, map ??= new Dictionary<long, RollupSum>(MixedKeyComparer.Instance));
        }

        ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(_lastDay, ((long)e.Dims << 8) | (byte)e.Type, out var existed);
        sum = new RollupSum(sum.Count + sign, e.Fact.Value is { } v ? sum.Value + (sign * v) : sum.Value);
        CountEntries += existed ? 0 : 1;
        if (e.Actor is { } actor)
        {
            ref var perDay = ref CollectionsMarshal.GetValueRefOrAddDefault(Actors, (e.Type, day), out _);
            perDay ??= new Dictionary<long, int>(MixedKeyComparer.Instance);
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(perDay, actor, out var known);
            count += sign;
            CountEntries += known ? 0 : 1;
        }
    }

    /// <summary>Forgets the counts (after they were merged into the tables); interned tuples stay.</summary>
    public void ClearCounts()
    {
        _rollup.Clear();
        _lastDayKey = -1;
        Actors.Clear();
        CountEntries = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Intern(EventDims dims)
    {
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_dimsIndex, dims, out var known);
        if (!known)
        {
            index = _dims.Count;
            _dims.Add(dims);
        }

        return index;
    }

    private ActorCandidates Candidates(bool isContact, string id, long hash)
    {
        ref var candidates = ref CollectionsMarshal.GetValueRefOrAddDefault(_byHash, hash, out _);
        candidates ??= new ActorCandidates(isContact, id);
        if (candidates.IsContact == isContact && string.Equals(candidates.ActorId, id, StringComparison.Ordinal))
        {
            return candidates;
        }

        ref var exact = ref CollectionsMarshal.GetValueRefOrAddDefault(_collided, (isContact, id), out _);
        return exact ??= new ActorCandidates(isContact, id);
    }

    private static void Offer(ActorCandidates candidates, FirstCandidate candidate, bool touch, bool form)
    {
        if (touch && candidate.Before(candidates.Touch))
        {
            candidates.Touch = candidate;
        }

        if (form && candidate.Before(candidates.FormSubmit))
        {
            candidates.FormSubmit = candidate;
        }
    }

    private static IEnumerable<(FirstSlot, FirstCandidate)> Slots(ActorCandidates candidates)
    {
        var (isContact, id) = (candidates.IsContact, candidates.ActorId);
        if (candidates.Touch is { } touch)
        {
            yield return (new FirstSlot(FirstKind.Touch, isContact, id), touch);
        }

        if (candidates.FormSubmit is { } form)
        {
            yield return (new FirstSlot(FirstKind.FormSubmit, isContact, id), form);
        }

        if (candidates.AnyEvent is { } any)
        {
            yield return (new FirstSlot(FirstKind.AnyEvent, isContact, id), any);
        }
    }
}

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
/// dimension tuples are interned (a recent-tuple cache in front of the dictionary), a rollup key
/// is one 64-bit number, counts and candidates live in flat open-addressing tables
/// (<see cref="FlatMap{TValue}"/>, <see cref="CandidateTable"/>) whose entries the fold prefetches
/// a few events ahead (<see cref="Prefetch"/>), and no allocation is made per event.
/// </summary>
internal sealed class ViewDelta(LocalDays days)
{
    private const int RecentDims = 4096;

    /// <summary>Event types, at most 64: <see cref="RollupGroups"/> gathers a day's types as bits of one mask.</summary>
    private static readonly int TypeCount = Enum.GetValues<EventType>().Max(t => (int)t) + 1 is var count and <= 64
        ? count
        : throw new InvalidOperationException("More than 64 event types: ViewDelta.RollupGroups keeps a day's types in a 64-bit mask.");

    /// <summary>By event type: whether distinct actors are counted for it (<see cref="DistinctActorTypes.All"/>), as an array lookup.</summary>
    private static readonly bool[] KeepsActors = [.. Enumerable.Range(0, TypeCount).Select(t => DistinctActorTypes.All.Contains((EventType)t))];

    private readonly Dictionary<EventDims, int> _dimsIndex = new(DimsComparer.Instance);
    private readonly List<EventDims> _dims = [];
    private readonly (EventDims Dims, int Hash, int Index)[] _recentDims = new (EventDims, int, int)[RecentDims];
    private readonly List<long> _storedDims = [];
    // Per local day number: the day's counts. A chunk of events spans several days in random
    // order (the writer sorts by key hash), so the recent days are kept at hand by day number
    // modulo 64 (one array access), the rest found in the map.
    private readonly Dictionary<int, DayCounts> _counts = [];
    private readonly DayCounts?[] _recentDays = new DayCounts?[64];
    private readonly Stack<DayCounts> _spareDays = [];
    private readonly CandidateTable _candidates = new();

    /// <summary>Per anonymous id: the earliest event that carried it together with a contact id.</summary>
    public Dictionary<string, LinkCandidate> Links { get; } = new(StringComparer.Ordinal);

    /// <summary>Entries held for the counting views (what an early flush frees).</summary>
    public int CountEntries { get; private set; }

    /// <summary>
    /// The (type, local day) groups that hold rollup changes, in (type, day) order, each with its
    /// day's counts: a group's entries are those of <see cref="DayCounts.Rollup"/> whose key has
    /// the type in its low byte. Read in place (<see cref="RollupTable.Merge"/>): a list per group
    /// held every change of a flush at once (half a million entries, 60 MB allocated), alive
    /// across the collections its own allocation triggered, which promoted it to gen2.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<(EventType Type, DayCounts Counts)> RollupGroups()
    {
        var groups = new List<(EventType Type, DayCounts Counts)>();
        foreach (var day in _counts.Values)
        {
            var types = 0UL;
            for (var i = 0; i < day.Rollup.Capacity; i++)
            {
                types |= day.Rollup.At(i, out var key, out _) ? 1UL << (int)(key & 0xff) : 0;
            }

            for (; types != 0; types &= types - 1)
            {
                groups.Add(((EventType)System.Numerics.BitOperations.TrailingZeroCount(types), day));
            }
        }

        groups.Sort((a, b) => a.Type != b.Type ? a.Type.CompareTo(b.Type) : a.Counts.Day.CompareTo(b.Counts.Day));
        return groups;
    }

    /// <summary>Per (type, local day number): actor hash to signed count of events.</summary>
    public IEnumerable<(EventType Type, int Day, IEnumerable<KeyValuePair<long, int>> Changes)> Actors =>
        _counts.Values.SelectMany(d => d.Actors.Select((map, type) => (map, type)).Where(m => m.map is not null)
            .Select(m => ((EventType)m.type, d.Day, m.map!.Entries())));

    /// <summary>The candidate firsts by slot.</summary>
    public IEnumerable<(FirstSlot Slot, FirstCandidate Event)> Firsts => _candidates.Firsts();

    /// <summary>The stored id (<see cref="DimsTable"/>) of interned tuple <paramref name="index"/>, looked up once per session.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        return new(
            fact.Id,
            fact.ContactId,
            fact.AnonymousId,
            fact.Value,
            fact.Type,
            days.DayOf(fact.Timestamp).DayNumber,
            Intern(Touchpoints.DimsOf(fact)),
            KeepsActors[(int)fact.Type],
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
        var (touch, form) = (e.Touch, e.Form);
        var candidate = new FirstCandidate(e.Micros, e.Id, e.Dims);
        if (e.ContactId is { } contact)
        {
            _candidates.Offer(e.ContactKey, true, contact, candidate, touch, form, any: true);
            if (e.AnonymousId is { } linked)
            {
                ref var link = ref CollectionsMarshal.GetValueRefOrAddDefault(Links, linked, out var known);
                link = !known || candidate.Before(link.Event) ? new LinkCandidate(candidate, contact) : link;
            }
        }

        if ((touch || form) && e.AnonymousId is { } anonymous)
        {
            _candidates.Offer(e.AnonymousKey, false, anonymous, candidate, touch, form, any: false);
        }
    }

    /// <summary>
    /// Announces an event that <see cref="Add(in PreparedEvent)"/> will get soon: stage 1 some
    /// events ahead (its actors' candidate slots), stage 2 fewer ahead (the ids in those slots).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(in PreparedEvent e, bool stage2)
    {
        if (e.ContactId is { } contact)
        {
            _candidates.Prefetch(e.ContactKey, contact, stage2);
        }

        if ((e.Touch || e.Form) && e.AnonymousId is { } anonymous)
        {
            _candidates.Prefetch(e.AnonymousKey, anonymous, stage2);
        }

        if (!stage2)
        {
            var counts = DayOf(e.Day);
            counts.Rollup.Prefetch(RollupKey(e));
            if (e.Actor is { } actor && counts.Actors[(int)e.Type] is { } actors)
            {
                actors.Prefetch(actor);
            }
        }
    }

    /// <summary>Adds (+1) or takes out (-1) an event's contribution to the rollup and the distinct actors.</summary>
    public void Count(EventFact fact, int sign) => Count(Prepare(fact), sign);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Count(in PreparedEvent e, int sign)
    {
        var counts = DayOf(e.Day);
        var key = RollupKey(e);
        counts.Rollup.GetOrAdd(key, out var existed) += sign;
        CountEntries += existed ? 0 : 1;
        if (e.Value is { } v)
        {
            counts.Values.GetOrAdd(key, out _) += sign * v;
        }

        if (e.Actor is { } actor)
        {
            ref var perType = ref counts.Actors[(int)e.Type];
            perType ??= new FlatMap<int>(64);
            ref var count = ref perType.GetOrAdd(actor, out var known);
            count += sign;
            CountEntries += known ? 0 : 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long RollupKey(in PreparedEvent e) => ((long)e.Dims << 8) | (byte)e.Type;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private DayCounts DayOf(int day)
    {
        ref var recent = ref _recentDays[day & 63];
        if (recent is not null && recent.Day == day)
        {
            return recent;
        }

        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, day, out _);
        return recent = counts ??= _spareDays.TryPop(out var spare) ? spare.Reuse(day) : new DayCounts(day);
    }

    /// <summary>Forgets the counts (after they were merged into the tables); interned tuples stay.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ClearCounts()
    {
        foreach (var day in _counts.Values)
        {
            _spareDays.Push(day);
        }

        _counts.Clear();
        Array.Clear(_recentDays);
        CountEntries = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Intern(in EventDims dims)
    {
        // Most events repeat a recent tuple: a direct-mapped cache by hash answers them with one
        // compare (by reference first), without the dictionary's interface calls and entry chain.
        var hash = DimsComparer.Instance.GetHashCode(dims);
        ref var cached = ref _recentDims[hash & (RecentDims - 1)];
        if (cached.Index > 0 && cached.Hash == hash && DimsComparer.Instance.Equals(cached.Dims, dims))
        {
            return cached.Index - 1;
        }

        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_dimsIndex, dims, out var known);
        if (!known)
        {
            index = _dims.Count;
            _dims.Add(dims);
        }

        cached = (dims, hash, index + 1);
        return index;
    }
}

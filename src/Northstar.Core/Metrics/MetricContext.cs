using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Metrics;

/// <summary>
/// What the KPI computations read for one workspace: the derived views and the small fact
/// kinds, each loaded once on first use. One context serves one engine call (or many, while
/// the store's <see cref="IDerivedViews.DataVersion"/> stays the same).
/// </summary>
internal sealed class MetricContext
{
    private readonly IFactStore _facts;
    private readonly IDerivedViews _views;
    private readonly Dictionary<string, List<(DateRange Span, DayRows<EventRollupRow> Rows)>> _eventRows = [];
    private readonly Dictionary<string, List<(DateRange Span, DayRows<EventRollupRow> Rows)>> _eventTotals = [];
    private readonly Dictionary<ContactMoment, (DateRange Span, DayRows<StageRollupRow> Rows)> _stageRows = [];
    private readonly Dictionary<(ContactMoment, string?), (DateRange Span, DayRows<StageCountRow> Counts)> _stageCounts = [];
    private readonly Lazy<IReadOnlyList<ContactLifecycle>> _lifecycles;
    private readonly Lazy<StageTimes> _stageTimes;
    private readonly Lazy<Dictionary<string, ContactLifecycle>> _byContact;
    private readonly Lazy<Dictionary<string, ContactLifecycle>> _dealContacts;
    private readonly Lazy<Dictionary<string, Account>> _accounts;
    private readonly Dictionary<Type, object> _kinds = [];
    private readonly Dictionary<object, object> _derived = [];
    private readonly Dictionary<(string Types, DateRange Range), long> _distinct = [];
    private readonly LocalDays _days;

    public MetricContext(IFactStore facts, IDerivedViews views, Workspace workspace, MetricOptions options, DateOnly today)
    {
        _facts = facts;
        _views = views;
        Workspace = workspace;
        Options = options;
        Today = today;
        Zone = TimeZoneInfo.TryFindSystemTimeZoneById(workspace.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        // The views' own day rule (UTC without a zone lookup), so KPIs and rollups agree on days.
        _days = new LocalDays(Zone == TimeZoneInfo.Utc ? "UTC" : workspace.TimeZone);
        _lifecycles = new(() => _views.ReadLifecycles(Workspace));
        _stageTimes = new(() => _views.ReadStageTimes(Workspace));
        _byContact = new(() => Lifecycles.ToDictionary(l => l.ContactId, StringComparer.Ordinal));
        _dealContacts = new(() => _views.ReadLifecyclesOf(Workspace, Read<Deal>().Select(d => d.ContactId).OfType<string>().ToHashSet(StringComparer.Ordinal))
            .ToDictionary(l => l.ContactId, StringComparer.Ordinal));
        _accounts = new(() => Read<Account>().ToDictionary(a => a.AccountId, StringComparer.Ordinal));
    }

    public Workspace Workspace { get; }

    public MetricOptions Options { get; }

    /// <summary>Today in the workspace's time zone: buckets reaching past it are incomplete.</summary>
    public DateOnly Today { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The days every event read covers (set by the engine to the query's whole span).</summary>
    public DateRange EventSpan { get; set; }

    /// <summary>Every range the query being answered computes (its buckets, the whole period, the period compared with), set as it starts.</summary>
    public IReadOnlyList<DateRange> QueryRanges { get; set; } = [];

    public IReadOnlyList<ContactLifecycle> Lifecycles => _lifecycles.Value;

    /// <summary>The lifecycles' stage times and values in columns (<see cref="IDerivedViews.ReadStageTimes"/>): what cohorts and velocities read.</summary>
    public StageTimes StageTimes => _stageTimes.Value;

    /// <summary>The local day of an instant.</summary>
    public DateOnly Day(DateTimeOffset instant) => _days.DayOf(instant);

    /// <summary>The contact's lifecycle, or null when the contact is unknown (or the id null).</summary>
    public ContactLifecycle? Contact(string? contactId) =>
        contactId is not null && _byContact.Value.TryGetValue(contactId, out var lifecycle) ? lifecycle : null;

    /// <summary>
    /// The lifecycle of a deal's contact, or null: from the lifecycles of the contacts the deals
    /// name, read once for every deal (at 100M events 28,701 of 368,767 lifecycles) unless every
    /// lifecycle is read already. What a deal's dimensions and marketing-sourced test read.
    /// </summary>
    public ContactLifecycle? DealContact(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (deal.ContactId is null)
        {
            return null;
        }

        var lifecycles = _lifecycles.IsValueCreated ? _byContact.Value : _dealContacts.Value;
        return lifecycles.TryGetValue(deal.ContactId, out var lifecycle) ? lifecycle : null;
    }

    /// <summary>The account, or null.</summary>
    public Account? Account(string? accountId) =>
        accountId is not null && _accounts.Value.TryGetValue(accountId, out var account) ? account : null;

    /// <summary>Every fact of a small kind (deals, spend, subscriptions, surveys, series, activities, accounts), read once.</summary>
    public IReadOnlyList<T> Read<T>()
        where T : class, IFact
    {
        if (!_kinds.TryGetValue(typeof(T), out var list))
        {
            list = _facts.Read<T>(Workspace).ToList();
            _kinds.Add(typeof(T), list);
        }

        return (IReadOnlyList<T>)list;
    }

    /// <summary>
    /// A value worked out once per context from what it reads (a measure's lifecycles sorted by
    /// day, say), kept under <paramref name="key"/>: a query by month asks every measure for
    /// many ranges, and a dashboard's engine keeps its context while the data stays the same.
    /// </summary>
    public T Derived<T>(object key, Func<T> create)
        where T : class
    {
        if (!_derived.TryGetValue(key, out var value))
        {
            value = create();
            _derived.Add(key, value);
        }

        return (T)value;
    }

    /// <summary>
    /// The event rollup rows of these types covering <see cref="EventSpan"/>, sorted by day: rows
    /// read earlier for a span that covers it are reused (callers pick their days with
    /// <see cref="DayRows{T}.In"/>); a few spans per type set are kept.
    /// </summary>
    public DayRows<EventRollupRow> Events(IReadOnlyList<EventType> types) =>
        CachedEvents(_eventRows, EventKey(types)) ?? KeepEvents(_eventRows, EventKey(types), ReadEvents(types, EventSpan));

    /// <summary>
    /// The daily event totals of these types covering <see cref="EventSpan"/> (one row per day and
    /// type, no dimensions: <see cref="IDerivedViews.ReadEventTotals"/>), sorted by day, reused as
    /// <see cref="Events"/> is: what a count without breakdown or filter reads.
    /// </summary>
    public DayRows<EventRollupRow> EventTotals(IReadOnlyList<EventType> types) =>
        CachedEvents(_eventTotals, EventKey(types)) ?? KeepEvents(_eventTotals, EventKey(types), ReadEventTotals(types, EventSpan));

    /// <summary>The cache key of a set of event types (order and repeats do not matter).</summary>
    public static string EventKey(IReadOnlyList<EventType> types) => string.Join(',', types.Select(t => (int)t).Distinct().Order());

    /// <summary>
    /// Reads what <paramref name="needs"/> names and this context does not hold yet for
    /// <see cref="EventSpan"/>, the reads issued at once (each on a thread of its own, the store
    /// is thread-safe) and kept as if read on first use: the wall time of a batch of queries is then
    /// about its slowest read instead of the sum. (On a version whose stage rollup is not kept
    /// yet, the stores assemble the lifecycles once for the stage reads that come together.) A
    /// failed read throws here, after every read has ended.
    /// </summary>
    public void Prefetch(ReadNeeds needs)
    {
        ArgumentNullException.ThrowIfNull(needs);
        var span = EventSpan;
        var reads = new List<Func<Action>>();
        foreach (var (type, read) in needs.Kinds.Where(k => !_kinds.ContainsKey(k.Key)))
        {
            reads.Add(() =>
            {
                var list = read(_facts, Workspace);
                return () => _kinds.TryAdd(type, list);
            });
        }

        AddEventReads(reads, needs.EventRollups, _eventRows, span, ReadEvents);
        AddEventReads(reads, needs.EventTotalSets, _eventTotals, span, ReadEventTotals);
        foreach (var (moment, dimension) in needs.StageCountSets.Where(c => !(_stageCounts.TryGetValue(c, out var kept) && kept.Span.Covers(span))))
        {
            reads.Add(() =>
            {
                var rows = ReadStageCounts(moment, dimension, span);
                return () => _stageCounts[(moment, dimension)] = (span, rows);
            });
        }

        foreach (var moment in needs.StageMoments.Where(m => !(_stageRows.TryGetValue(m, out var kept) && kept.Span.Covers(span))))
        {
            reads.Add(() =>
            {
                var rows = ReadStages(moment, span);
                return () => _stageRows[moment] = (span, rows);
            });
        }

        RunAtOnce(reads);
    }

    private static void AddEventReads(
        List<Func<Action>> reads,
        IReadOnlyDictionary<string, IReadOnlyList<EventType>> sets,
        Dictionary<string, List<(DateRange Span, DayRows<EventRollupRow> Rows)>> cache,
        DateRange span,
        Func<IReadOnlyList<EventType>, DateRange, DayRows<EventRollupRow>> read)
    {
        foreach (var (key, types) in sets)
        {
            if (cache.TryGetValue(key, out var cached) && cached.Exists(c => c.Span.Covers(span)))
            {
                continue;
            }

            reads.Add(() =>
            {
                var rows = read(types, span);
                return () => KeepEvents(cache, key, rows, span);
            });
        }
    }

    private static void RunAtOnce(List<Func<Action>> reads)
    {
        if (reads.Count == 0)
        {
            return;
        }

        // A thread each: the reads block on the server, and a few pool threads on a small machine
        // would take them two at a time until the pool grows.
        var tasks = reads.Select(read => Task.Factory.StartNew(read, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
            // Rethrown below as the first failed read's own exception, after every read has ended.
        }

        var keep = tasks.Select(t => t.GetAwaiter().GetResult()).ToList();
        keep.ForEach(k => k());
    }

    private DayRows<EventRollupRow>? CachedEvents(Dictionary<string, List<(DateRange Span, DayRows<EventRollupRow> Rows)>> cache, string key)
    {
        if (cache.TryGetValue(key, out var cached))
        {
            foreach (var (span, rows) in cached)
            {
                if (span.Covers(EventSpan))
                {
                    return rows;
                }
            }
        }

        return null;
    }

    private DayRows<EventRollupRow> KeepEvents(
        Dictionary<string, List<(DateRange Span, DayRows<EventRollupRow> Rows)>> cache, string key, DayRows<EventRollupRow> rows) =>
        KeepEvents(cache, key, rows, EventSpan);

    /// <summary>Keeps rows read for a span (a few spans per type set).</summary>
    private static DayRows<EventRollupRow> KeepEvents(
        Dictionary<string, List<(DateRange Span, DayRows<EventRollupRow> Rows)>> cache, string key, DayRows<EventRollupRow> rows, DateRange span)
    {
        if (!cache.TryGetValue(key, out var cached))
        {
            cache[key] = cached = [];
        }

        if (cached.Count == 8)
        {
            cached.RemoveAt(0);
        }

        cached.Add((span, rows));
        return rows;
    }

    private DayRows<EventRollupRow> ReadEvents(IReadOnlyList<EventType> types, DateRange span) =>
        new(_views.ReadEventRollup(Workspace, span, types), static r => r.Day);

    private DayRows<EventRollupRow> ReadEventTotals(IReadOnlyList<EventType> types, DateRange span) =>
        new(_views.ReadEventTotals(Workspace, span, types), static r => r.Day);

    private DayRows<StageRollupRow> ReadStages(ContactMoment moment, DateRange span) =>
        new(_views.ReadStageRollup(Workspace, span, [moment]), static r => r.Day);

    private DayRows<StageCountRow> ReadStageCounts(ContactMoment moment, string? dimension, DateRange span) =>
        new(_views.ReadStageCounts(Workspace, span, moment, dimension), static r => r.Day);

    /// <summary>
    /// The stage rollup rows of one moment covering <see cref="EventSpan"/>, sorted by day: the
    /// rows read last for a span that covers it are reused (callers pick their days with
    /// <see cref="DayRows{T}.In"/>). Counting contacts this way never reads a lifecycle.
    /// </summary>
    public DayRows<StageRollupRow> Stages(ContactMoment moment)
    {
        if (_stageRows.TryGetValue(moment, out var cached) && cached.Span.Covers(EventSpan))
        {
            return cached.Rows;
        }

        var rows = ReadStages(moment, EventSpan);
        _stageRows[moment] = (EventSpan, rows);
        return rows;
    }

    /// <summary>
    /// The stage rollup of one moment summed per day and value of one contact dimension (per day
    /// when null) covering <see cref="EventSpan"/>, reused as <see cref="Stages"/> is.
    /// </summary>
    public DayRows<StageCountRow> StageCounts(ContactMoment moment, string? dimension)
    {
        if (_stageCounts.TryGetValue((moment, dimension), out var cached) && cached.Span.Covers(EventSpan))
        {
            return cached.Counts;
        }

        var counts = ReadStageCounts(moment, dimension, EventSpan);
        _stageCounts[(moment, dimension)] = (EventSpan, counts);
        return counts;
    }

    /// <summary>
    /// Distinct actors with an event of these types in the range. A range of the query's
    /// <see cref="QueryRanges"/> is counted together with all of them (the store reads their
    /// days once), and every count is kept for the context's life.
    /// </summary>
    public long DistinctActors(IReadOnlyList<EventType> types, DateRange range)
    {
        var key = EventKey(types);
        if (_distinct.TryGetValue((key, range), out var count))
        {
            return count;
        }

        IReadOnlyList<DateRange> ranges = QueryRanges.Contains(range) ? [.. QueryRanges.Distinct().Where(r => !_distinct.ContainsKey((key, r)))] : [range];
        var counts = _views.CountDistinctActors(Workspace, types, ranges);
        for (var i = 0; i < ranges.Count; i++)
        {
            _distinct[(key, ranges[i])] = counts[i];
        }

        return _distinct[(key, range)];
    }
}

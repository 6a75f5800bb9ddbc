using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Attribution.Reports;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Server.Hosting;

/// <summary>
/// One <see cref="MetricsEngine"/> per workspace kept between requests, shared by the JSON API and
/// the dashboard (so both answer from the same warm engine): an engine reads the derived views
/// once per data version and answers later questions from memory (10M-event store: ~40 ms a new
/// engine's first overview, a few ms warm). It is replaced when the workspace's settings or
/// custom KPIs change (compared on every request: two small reads), and reads the views again by
/// itself when facts arrive. Concurrent requests may share an engine: its queries run one at a
/// time under the engine's own lock (they share its cached reads); the catalogue it holds is
/// read-only once built. It also keeps the last attribution journeys built (<see cref="Journeys"/>),
/// for the API's attribution routes and the channels and attribution pages alike.
/// </summary>
public sealed class WorkspaceEngines(IFactStore store, ICustomKpiStore custom, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, Entry> _engines = new();
    private readonly ConcurrentDictionary<long, (long Version, DateOnly Today, DateOnly? LastDay)> _lastDays = new();
    private readonly List<JourneyEntry> _journeys = [];
    private int _journeyBuilds;

    /// <summary>The workspace's engine with its settings and custom KPIs as they are now.</summary>
    public MetricsEngine For(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var options = MetricSettings.Load(custom, workspace);
        var kpis = custom.ListCustomKpis(workspace);
        var fingerprint = JsonSerializer.Serialize(new { options, kpis });
        if (_engines.TryGetValue(workspace.Id, out var entry) && entry.Fingerprint == fingerprint)
        {
            return entry.Engine;
        }

        var engine = new MetricsEngine(store, workspace, options, time, kpis);
        _engines[workspace.Id] = new Entry(fingerprint, engine);
        return engine;
    }

    /// <summary>
    /// The last day with data before today: the last tracked event's or spend's day (whichever is
    /// later), capped at yesterday; null for a workspace without facts. Kept per data version.
    /// </summary>
    public DateOnly? LastDataDay(Workspace workspace, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var version = DataVersion(workspace);
        if (_lastDays.TryGetValue(workspace.Id, out var known) && known.Version == version && known.Today == today)
        {
            return known.LastDay;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(workspace.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var last = store.Summarize(workspace).Kinds.Select(k => k.Last).OfType<DateTimeOffset>().DefaultIfEmpty().Max();
        DateOnly? day = last == default ? null : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(last, zone).DateTime);
        if (day is { } d && d >= today)
        {
            day = today.AddDays(-1);
        }

        _lastDays[workspace.Id] = (version, today, day);
        return day;
    }

    /// <summary>
    /// The period's journeys to new customers and to won deals (<see cref="AttributionData"/>) with
    /// the attribution settings, for the channels and attribution pages: the entry of
    /// <see cref="Journeys"/> for those two goals (the API's <c>attribution/economics</c> shares
    /// it), the same object while the entry and the settings last.
    /// </summary>
    public AttributionData Attribution(Workspace workspace, DateRange period)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var config = AttributionSettings.Load(custom, workspace);
        var settings = JsonSerializer.Serialize(AttributionSettings.Describe(config));
        var entry = Find(workspace, [config.Journeys(ConversionGoal.Entered(Stage.Customer), period), config.Journeys(ConversionGoal.Won, period)]);
        lock (entry)
        {
            if (entry.Page is not { } page || page.Settings != settings)
            {
                page = (settings, new AttributionData(config, entry.Inputs[0], entry.Inputs[1]));
                entry.Page = page;
            }

            return page.Data;
        }
    }

    /// <summary>
    /// The journeys of each of <paramref name="options"/> (any goal, period or all time), as
    /// attribution inputs (their paths aggregated once, when a model first needs them), built
    /// together from one read of the touches (1.5-2 s on a 10M-event store) and kept for the
    /// store's data version: a request after facts arrive builds them again. The
    /// <see cref="MaxJourneyEntries"/> last used lists are kept, by the options' content.
    /// </summary>
    public IReadOnlyList<AttributionInput> Journeys(Workspace workspace, IReadOnlyList<JourneyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(options);
        return Find(workspace, options).Inputs;
    }

    /// <summary>How many journey lists are kept (the last used).</summary>
    internal const int MaxJourneyEntries = 8;

    /// <summary>How many times journeys were built from the store (a miss of <see cref="Journeys"/>), for the tests.</summary>
    internal int JourneyBuilds => Volatile.Read(ref _journeyBuilds);

    private JourneyEntry Find(Workspace workspace, IReadOnlyList<JourneyOptions> options)
    {
        var key = new JourneyKey(workspace.Id, workspace.TimeZone, DataVersion(workspace), Describe(options));
        lock (_journeys)
        {
            if (Take(key) is { } kept)
            {
                return kept;
            }
        }

        var sets = JourneyBuilder.Build(store, workspace, options);
        Interlocked.Increment(ref _journeyBuilds);
        var entry = new JourneyEntry(key, [.. sets.Select(s => AttributionInput.FromJourneys(s.Journeys, s.UntouchedConversions, s.UntouchedValue))]);
        lock (_journeys)
        {
            // Another request may have built the same list meanwhile: keep one.
            if (Take(key) is { } built)
            {
                return built;
            }

            _journeys.Insert(0, entry);
            if (_journeys.Count > MaxJourneyEntries)
            {
                _journeys.RemoveAt(_journeys.Count - 1);
            }
        }

        return entry;
    }

    // The entry of the key, moved to the front (most recently used); under the list's lock.
    private JourneyEntry? Take(JourneyKey key)
    {
        var at = _journeys.FindIndex(e => e.Key == key);
        if (at < 0)
        {
            return null;
        }

        var entry = _journeys[at];
        _journeys.RemoveAt(at);
        _journeys.Insert(0, entry);
        return entry;
    }

    /// <summary>
    /// Every field of the options as text (touch types sorted), so that equal options give equal
    /// keys: the record's own equality compares its set of touch types by reference.
    /// </summary>
    internal static string Describe(IReadOnlyList<JourneyOptions> options) =>
        string.Join(';', options.Select(o => string.Create(
            CultureInfo.InvariantCulture,
            $"{o.Conversion.Kind}/{o.Conversion.Stage}|{o.LookbackDays}|{string.Join(',', o.TouchTypes.Select(t => (int)t).Order())}|{o.SameInteraction.Ticks}|{(o.Period is { } p ? $"{p.Start:yyyy-MM-dd}..{p.End:yyyy-MM-dd}" : "all")}")));

    private long DataVersion(Workspace workspace) => store.DataVersion(workspace);

    /// <summary>A kept journey list: the workspace (and its time zone, which sets the period's days), the data version, the options.</summary>
    private readonly record struct JourneyKey(long Workspace, string TimeZone, long Version, string Options);

    private sealed class JourneyEntry(JourneyKey key, IReadOnlyList<AttributionInput> inputs)
    {
        public JourneyKey Key { get; } = key;

        public IReadOnlyList<AttributionInput> Inputs { get; } = inputs;

        /// <summary>The pages' view of a customer-and-won entry, with the settings it was made with (under the entry's lock).</summary>
        public (string Settings, AttributionData Data)? Page { get; set; }
    }

    private sealed record Entry(string Fingerprint, MetricsEngine Engine);
}

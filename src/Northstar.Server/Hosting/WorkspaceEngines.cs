using System.Collections.Concurrent;
using System.Text.Json;
using Northstar.Core.Attribution.Reports;
using Northstar.Core.Metrics;
using Northstar.Core.Metrics.Views;
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
/// read-only once built.
/// </summary>
public sealed class WorkspaceEngines(IFactStore store, ICustomKpiStore custom, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, Entry> _engines = new();
    private readonly ConcurrentDictionary<long, (long Version, DateOnly Today, DateOnly? LastDay)> _lastDays = new();
    private readonly List<((long Workspace, long Version, DateRange Period, string Config) Key, AttributionData Data)> _journeys = [];

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
    /// The period's journeys (<see cref="AttributionData"/>), kept for the store's data version and
    /// the attribution settings: building them reads every touch event (1.5-2 s on a 10M-event
    /// store), while the journeys kept are only the period's conversions'. The 8 latest are kept.
    /// </summary>
    public AttributionData Attribution(Workspace workspace, DateRange period)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var config = AttributionSettings.Load(custom, workspace);
        var key = (workspace.Id, DataVersion(workspace), period, JsonSerializer.Serialize(AttributionSettings.Describe(config)));
        lock (_journeys)
        {
            var at = _journeys.FindIndex(e => e.Key == key);
            if (at >= 0)
            {
                return _journeys[at].Data;
            }
        }

        var data = AttributionData.Build(store, config, workspace, period);
        lock (_journeys)
        {
            _journeys.Insert(0, (key, data));
            if (_journeys.Count > 8)
            {
                _journeys.RemoveAt(_journeys.Count - 1);
            }
        }

        return data;
    }

    // A store without derived views has no version: its answers are never kept past a change.
    private long DataVersion(Workspace workspace) => store is IDerivedViews views ? views.DataVersion(workspace) : 0;

    private sealed record Entry(string Fingerprint, MetricsEngine Engine);
}

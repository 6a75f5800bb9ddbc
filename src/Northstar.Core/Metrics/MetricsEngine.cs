using Northstar.Core.Metrics.Formulas;
using Northstar.Core.Metrics.Kpis;
using Northstar.Core.Metrics.Periods;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Metrics;

/// <summary>
/// Answers <see cref="MetricQuery"/>s for one workspace: every KPI of the catalogue and the
/// workspace's custom KPIs, per bucket, per group, with comparisons. Reads the derived views and
/// the small fact kinds once per data version (the store's <see cref="IDerivedViews.DataVersion"/>),
/// so a dashboard asking many questions reads the store once. Thread-safe: queries on one engine
/// run one at a time (they share that cached read).
/// </summary>
public sealed class MetricsEngine
{
    private readonly IFactStore _facts;
    private readonly IDerivedViews _views;
    private readonly Workspace _workspace;
    private readonly TimeProvider _time;
    private readonly KpiCatalog _catalog;
    private readonly Lock _lock = new();
    private MetricContext? _context;
    private long _version = long.MinValue;

    /// <summary>An engine over the store's workspace; <paramref name="customKpis"/> are the workspace's saved custom KPIs.</summary>
    public MetricsEngine(
        IFactStore store, Workspace workspace, MetricOptions? options = null, TimeProvider? time = null, IEnumerable<KpiDefinition>? customKpis = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(workspace);
        _facts = store;
        _views = store as IDerivedViews ?? throw new ArgumentException("The store does not keep derived views.", nameof(store));
        _workspace = workspace;
        _time = time ?? TimeProvider.System;
        Options = options ?? new MetricOptions();
        Calendar = new FiscalCalendar(Options.FiscalYearStartMonth);
        _catalog = new KpiCatalog(Options, customKpis);
    }

    public MetricOptions Options { get; }

    /// <summary>The fiscal calendar the quarter and year grains follow.</summary>
    public FiscalCalendar Calendar { get; }

    /// <summary>Every KPI: the built-in catalogue, then custom KPIs.</summary>
    public IReadOnlyList<KpiDefinition> Kpis => [.. _catalog.All.Select(k => k.Definition)];

    /// <summary>The measures formulas can use (for <see cref="FormulaParser.Parse"/>).</summary>
    public IMeasureCatalog Measures => _catalog.Measures;

    /// <summary>Today in the workspace's time zone.</summary>
    public DateOnly Today
    {
        get
        {
            lock (_lock)
            {
                return Context().Today;
            }
        }
    }

    /// <summary>The KPI with that id, or null.</summary>
    public KpiDefinition? Find(string id) => _catalog.Find(id)?.Definition;

    /// <summary>
    /// True when the KPI's value over a range is the sum of its daily values (counts and amounts:
    /// leads, spend, new revenue, or a custom KPI adding such measures), so a target for it can be
    /// pro-rated by day; false for rates, averages, ratios and unknown ids.
    /// </summary>
    public bool IsAdditive(string id) => _catalog.Find(id) is { } kpi && Goals.KpiAdditivity.Of(kpi);

    /// <summary>Answers the query; an unknown KPI or a dimension it does not carry is a <see cref="MetricQueryException"/>.</summary>
    public KpiResult Run(MetricQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var kpi = _catalog.Find(query.Kpi) ?? throw new MetricQueryException(UnknownKpi(query.Kpi));
        Validate(kpi.Definition, query);
        lock (_lock)
        {
            var context = Context();
            context.EventSpan = Span(query);
            return new ResultBuilder(kpi, query, context, Calendar).Build();
        }
    }

    /// <summary>
    /// Answers the queries in order, as <see cref="Run"/> would one by one, but first reads what
    /// they all need from the store at once (the small fact kinds, event rollups, stage counts
    /// each on its own thread) instead of one after another: a report of a dozen KPIs waits about
    /// as long as its slowest read. Validates every query before reading anything.
    /// </summary>
    public IReadOnlyList<KpiResult> RunAll(IReadOnlyList<MetricQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var kpis = queries.Select(query =>
        {
            ArgumentNullException.ThrowIfNull(query);
            var kpi = _catalog.Find(query.Kpi) ?? throw new MetricQueryException(UnknownKpi(query.Kpi));
            Validate(kpi.Definition, query);
            return kpi;
        }).ToList();
        if (queries.Count == 0)
        {
            return [];
        }

        lock (_lock)
        {
            var context = Context();
            var needs = new ReadNeeds();
            for (var i = 0; i < queries.Count; i++)
            {
                kpis[i].Needs(needs, new Breakdown(queries[i].By, queries[i].Filters));
                if (queries[i].By is not null)
                {
                    // The overall row, computed without the grouping.
                    kpis[i].Needs(needs, new Breakdown(null, queries[i].Filters));
                }
            }

            context.EventSpan = queries.Select(Span).Aggregate(Union);
            context.Prefetch(needs);
            var results = new List<KpiResult>(queries.Count);
            for (var i = 0; i < queries.Count; i++)
            {
                context.EventSpan = Span(queries[i]);
                results.Add(new ResultBuilder(kpis[i], queries[i], context, Calendar).Build());
            }

            return results;
        }
    }

    private static DateRange Span(MetricQuery query) => query.CompareWith is { } compare ? Union(query.Range, compare) : query.Range;

    private MetricContext Context()
    {
        var version = _views.DataVersion(_workspace);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(_workspace.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), zone).DateTime);

        // A new day changes which buckets are incomplete even when no fact arrived.
        if (_context is null || version != _version || today != _context.Today)
        {
            _context = new MetricContext(_facts, _views, _workspace, Options, today);
            _version = version;
        }

        return _context;
    }

    private static void Validate(KpiDefinition kpi, MetricQuery query)
    {
        foreach (var dimension in query.Filters.Select(f => f.Dimension).Append(query.By).OfType<string>())
        {
            if (!kpi.Dimensions.Contains(dimension))
            {
                var known = kpi.Dimensions.Count == 0 ? "it has no breakdown" : "it has: " + string.Join(", ", kpi.Dimensions);
                throw new MetricQueryException($"KPI '{kpi.Id}' cannot be broken down or filtered by '{dimension}'; {known}.");
            }
        }
    }

    private string UnknownKpi(string id)
    {
        var close = _catalog.All.Select(k => k.Definition.Id)
            .Where(k => k.Contains(id, StringComparison.OrdinalIgnoreCase) || id.Contains(k, StringComparison.OrdinalIgnoreCase))
            .Take(5).ToList();
        return close.Count == 0
            ? $"Unknown KPI '{id}' (northstar kpi list shows them all)."
            : $"Unknown KPI '{id}'; did you mean {string.Join(", ", close)}?";
    }

    private static DateRange Union(DateRange a, DateRange b) =>
        new(a.Start < b.Start ? a.Start : b.Start, a.End > b.End ? a.End : b.End);
}

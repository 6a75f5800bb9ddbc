using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Metrics;

/// <summary>
/// What a set of queries will read from the store (small fact kinds, event rollup rows or daily
/// totals, stage counts and rows), gathered from the KPIs before they run, so that
/// <see cref="MetricContext.Prefetch"/> can issue the reads at once instead of one after another.
/// A need left out is only read later, on first use; one named needlessly is only read early.
/// </summary>
internal sealed class ReadNeeds
{
    private readonly Dictionary<Type, Func<IFactStore, Workspace, object>> _kinds = [];
    private readonly Dictionary<string, IReadOnlyList<EventType>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<EventType>> _eventTotals = new(StringComparer.Ordinal);
    private readonly HashSet<(ContactMoment, string?)> _stageCounts = [];
    private readonly HashSet<ContactMoment> _stages = [];

    /// <summary>The small kinds to read, each with how to read it whole.</summary>
    public IReadOnlyDictionary<Type, Func<IFactStore, Workspace, object>> Kinds => _kinds;

    /// <summary>The event type sets whose rollup rows are needed, by <see cref="MetricContext.EventKey"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EventType>> EventRollups => _events;

    /// <summary>The event type sets whose daily totals are needed, by <see cref="MetricContext.EventKey"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EventType>> EventTotalSets => _eventTotals;

    /// <summary>The stage counts needed: moment and dimension (null: per day).</summary>
    public IReadOnlyCollection<(ContactMoment Moment, string? Dimension)> StageCountSets => _stageCounts;

    /// <summary>The moments whose stage rollup rows are needed.</summary>
    public IReadOnlyCollection<ContactMoment> StageMoments => _stages;

    /// <summary>Every fact of kind <typeparamref name="T"/> (<see cref="MetricContext.Read{T}"/>).</summary>
    public void Kind<T>()
        where T : class, IFact =>
        _kinds.TryAdd(typeof(T), static (facts, workspace) => facts.Read<T>(workspace).ToList());

    /// <summary>The event rollup rows of these types (<see cref="MetricContext.Events"/>).</summary>
    public void Events(IReadOnlyList<EventType> types) => _events.TryAdd(MetricContext.EventKey(types), types);

    /// <summary>The daily event totals of these types (<see cref="MetricContext.EventTotals"/>).</summary>
    public void EventTotals(IReadOnlyList<EventType> types) => _eventTotals.TryAdd(MetricContext.EventKey(types), types);

    /// <summary>The stage counts of a moment per day and value of a dimension (<see cref="MetricContext.StageCounts"/>).</summary>
    public void StageCounts(ContactMoment moment, string? dimension) => _stageCounts.Add((moment, dimension));

    /// <summary>The stage rollup rows of a moment (<see cref="MetricContext.Stages"/>).</summary>
    public void Stages(ContactMoment moment) => _stages.Add(moment);
}

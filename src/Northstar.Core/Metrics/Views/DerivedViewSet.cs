using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Views;

/// <summary>The derived views of one workspace as <see cref="DerivedViewBuilder"/> computed them from its facts.</summary>
public sealed class DerivedViewSet
{
    private readonly List<(DateOnly Day, EventFact Event)> _events;

    internal DerivedViewSet(
        IReadOnlyList<EventRollupRow> rollup,
        List<(DateOnly Day, EventFact Event)> events,
        IReadOnlyList<ContactLifecycle> lifecycles,
        IReadOnlyList<IdentityLink> identities,
        IReadOnlyList<ActorFirst> firsts)
    {
        Rollup = rollup;
        _events = events;
        Lifecycles = lifecycles;
        Identities = identities;
        Firsts = firsts;
    }

    /// <summary>Every rollup row, of every day and type.</summary>
    public IReadOnlyList<EventRollupRow> Rollup { get; }

    public IReadOnlyList<ContactLifecycle> Lifecycles { get; }

    public IReadOnlyList<IdentityLink> Identities { get; }

    /// <summary>The per-actor firsts the lifecycles were assembled from.</summary>
    public IReadOnlyList<ActorFirst> Firsts { get; }

    /// <summary>As <see cref="IDerivedViews.ReadEventRollup"/>.</summary>
    public IReadOnlyList<EventRollupRow> ReadEventRollup(DateRange range, IReadOnlyCollection<EventType>? types = null) =>
        [.. Rollup.Where(r => range.Contains(r.Day) && (types is null || types.Contains(r.Type)))];

    /// <summary>As <see cref="IDerivedViews.CountDistinctActors(Workspaces.Workspace, IReadOnlyCollection{Facts.EventType}, DateRange)"/>, counting actor ids themselves (no hashes), for any type.</summary>
    public long CountDistinctActors(IReadOnlyCollection<EventType> types, DateRange range)
    {
        ArgumentNullException.ThrowIfNull(types);
        return _events
            .Where(d => range.Contains(d.Day) && types.Contains(d.Event.Type))
            .Select(d => d.Event.ContactId is { } c ? "c:" + c : d.Event.AnonymousId is { } a ? "a:" + a : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .LongCount();
    }
}

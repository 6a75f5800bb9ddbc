using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Views;

/// <summary>
/// The executable spec of the derived views: computes all of them from the facts in memory, in
/// plain C#. Stores maintain the same views incrementally; the contract tests compare the two.
/// Fine for tests and small workspaces, never for a KPI query over a real one.
/// </summary>
public static class DerivedViewBuilder
{
    /// <summary>Every view of one workspace, whose local days are in <paramref name="timeZone"/> (an IANA id).</summary>
    public static DerivedViewSet Build(
        string timeZone,
        IEnumerable<EventFact> events,
        IEnumerable<Contact> contacts,
        IEnumerable<StageChange> stages,
        IEnumerable<Account> accounts)
    {
        ArgumentNullException.ThrowIfNull(events);
        var days = new LocalDays(timeZone);
        var all = events.ToList();
        var identities = Identities(all);
        var firsts = Firsts(all);
        var lifecycles = LifecycleAssembler.Assemble(contacts, stages, accounts, identities, firsts);
        var dated = all.Select(e => (Day: days.DayOf(e.Timestamp), Event: e)).ToList();
        return new DerivedViewSet(Rollup(dated), dated, lifecycles, identities, firsts);
    }

    private static List<EventRollupRow> Rollup(List<(DateOnly Day, EventFact Event)> dated) =>
        [.. dated
            .GroupBy(d => (d.Day, d.Event.Type, Dims: Touchpoints.DimsOf(d.Event)))
            .Select(g => new EventRollupRow(g.Key.Day, g.Key.Type, g.Key.Dims, g.Count(), g.Sum(d => d.Event.Value ?? 0m)))];

    /// <summary>Each anonymous id seen with a contact id, linked by the earliest event carrying both.</summary>
    private static List<IdentityLink> Identities(List<EventFact> events) =>
        [.. events
            .Where(e => e.AnonymousId is not null && e.ContactId is not null)
            .GroupBy(e => e.AnonymousId!, StringComparer.Ordinal)
            .Select(g => Earliest(g))
            .Select(e => new IdentityLink(e.AnonymousId!, e.ContactId!, e.Timestamp))];

    private static List<ActorFirst> Firsts(List<EventFact> events)
    {
        var firsts = new List<ActorFirst>();
        foreach (var isContact in new[] { true, false })
        {
            var byActor = events
                .Where(e => (isContact ? e.ContactId : e.AnonymousId) is not null)
                .GroupBy(e => (isContact ? e.ContactId : e.AnonymousId)!, StringComparer.Ordinal);
            foreach (var actor in byActor)
            {
                Add(firsts, FirstKind.Touch, isContact, actor.Key, actor.Where(Touchpoints.IsTouch));
                Add(firsts, FirstKind.FormSubmit, isContact, actor.Key, actor.Where(e => e.Type == EventType.FormSubmit));
                if (isContact)
                {
                    Add(firsts, FirstKind.AnyEvent, isContact, actor.Key, actor);
                }
            }
        }

        return firsts;
    }

    private static void Add(List<ActorFirst> firsts, FirstKind kind, bool isContact, string actor, IEnumerable<EventFact> candidates)
    {
        var list = candidates.ToList();
        if (list.Count > 0)
        {
            var first = Earliest(list);
            firsts.Add(new ActorFirst(kind, isContact, actor, first.Id, Touchpoints.TouchOf(first)));
        }
    }

    private static EventFact Earliest(IEnumerable<EventFact> events) =>
        events.Aggregate((best, e) => Touchpoints.Earlier(e.Timestamp, e.Id, best.Timestamp, best.Id) ? e : best);
}

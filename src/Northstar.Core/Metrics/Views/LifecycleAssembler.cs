using System.Runtime.CompilerServices;
using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Views;

/// <summary>
/// Puts contact lifecycles together from the small tables a store keeps (contacts, stage
/// changes, accounts, identity links and per-actor firsts), as <see cref="ContactLifecycle"/>
/// documents. Shared by every store; <see cref="DerivedViewBuilder"/> derives the same inputs
/// from raw events.
/// </summary>
public static class LifecycleAssembler
{
    private static readonly int StageCount = Enum.GetValues<Stage>().Length;

    /// <summary>Stages in funnel order, the ones skipped stages are filled along (Churned is not one).</summary>
    private static readonly Stage[] Funnel =
        [Stage.Lead, Stage.Iql, Stage.Mql, Stage.Sal, Stage.Sql, Stage.Opportunity, Stage.Proposal, Stage.Customer];

    /// <summary>One lifecycle per contact id found in contacts, stage changes or contact firsts, ordered by contact id.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<ContactLifecycle> Assemble(
        IEnumerable<Contact> contacts,
        IEnumerable<StageChange> stages,
        IEnumerable<Account> accounts,
        IEnumerable<IdentityLink> identities,
        IEnumerable<ActorFirst> firsts)
    {
        var contactRows = contacts.ToDictionary(c => c.ContactId, StringComparer.Ordinal);
        var accountRows = accounts.ToDictionary(a => a.AccountId, StringComparer.Ordinal);
        var stageRows = stages.ToLookup(s => s.ContactId, StringComparer.Ordinal);
        var anonymousOf = identities.ToLookup(i => i.ContactId, i => i.AnonymousId, StringComparer.Ordinal);
        var byActor = firsts.ToDictionary(f => (f.Kind, f.IsContact, f.ActorId));
        var ids = new SortedSet<string>(contactRows.Keys, StringComparer.Ordinal);
        ids.UnionWith(stageRows.Select(g => g.Key));
        ids.UnionWith(byActor.Keys.Where(k => k.IsContact).Select(k => k.ActorId));

        var lifecycles = new List<ContactLifecycle>(ids.Count);
        foreach (var id in ids)
        {
            var linked = anonymousOf[id];
            lifecycles.Add(Build(
                id, contactRows.GetValueOrDefault(id), [.. stageRows[id]], accountRows,
                Earliest(byActor, FirstKind.Touch, id, linked)?.Touch, Earliest(byActor, FirstKind.FormSubmit, id, linked)?.Touch,
                byActor.GetValueOrDefault((FirstKind.AnyEvent, true, id))?.Touch.Timestamp));
        }

        return lifecycles;
    }

    /// <summary>The earliest first of a kind over the contact itself and its linked anonymous ids.</summary>
    private static ActorFirst? Earliest(
        Dictionary<(FirstKind, bool, string), ActorFirst> byActor, FirstKind kind, string contactId, IEnumerable<string> linked)
    {
        var best = byActor.GetValueOrDefault((kind, true, contactId));
        foreach (var anonymous in linked)
        {
            if (byActor.GetValueOrDefault((kind, false, anonymous)) is { } f
                && (best is null || Touchpoints.Earlier(f.Touch.Timestamp, f.EventId, best.Touch.Timestamp, best.EventId)))
            {
                best = f;
            }
        }

        return best;
    }

    private static ContactLifecycle Build(
        string id, Contact? contact, List<StageChange> stages, Dictionary<string, Account> accounts,
        Touch? firstTouch, Touch? firstForm, DateTimeOffset? firstOwnEvent)
    {
        var account = contact?.AccountId is { } accountId ? accounts.GetValueOrDefault(accountId) : null;
        var entered = Entered(stages);
        return new ContactLifecycle
        {
            ContactId = id,
            FirstKnownAt = contact?.CreatedAt ?? Min(stages.Select(s => (DateTimeOffset?)s.EnteredAt).Append(firstOwnEvent)),
            AccountId = contact?.AccountId,
            Segment = contact?.Segment ?? account?.Segment,
            IcpFit = contact?.IcpFit,
            Owner = contact?.Owner,
            FirstTouch = firstTouch,
            Channel = firstTouch is null ? contact?.Channel : firstTouch.Channel,
            Source = firstTouch is null ? contact?.Source : firstTouch.Source,
            Medium = firstTouch is null ? contact?.Medium : firstTouch.Medium,
            Campaign = firstTouch is null ? contact?.Campaign : firstTouch.Campaign,
            LandingPage = firstForm?.LandingPage ?? firstTouch?.LandingPage,
            Entered = entered,
        };
    }

    /// <summary>Recorded stage times, then skipped funnel stages filled from the earliest recorded stage after them.</summary>
    private static DateTimeOffset?[] Entered(List<StageChange> stages)
    {
        var entered = new DateTimeOffset?[StageCount];
        foreach (var stage in stages)
        {
            entered[(int)stage.Stage] = stage.EnteredAt;
        }

        DateTimeOffset? earliestLater = null;
        for (var i = Funnel.Length - 1; i >= 0; i--)
        {
            var slot = (int)Funnel[i];
            if (entered[slot] is { } recorded)
            {
                earliestLater = earliestLater is null || recorded < earliestLater ? recorded : earliestLater;
            }
            else
            {
                entered[slot] = earliestLater;
            }
        }

        return entered;
    }

    private static DateTimeOffset? Min(IEnumerable<DateTimeOffset?> times) =>
        times.Where(t => t is not null).DefaultIfEmpty().Min();
}

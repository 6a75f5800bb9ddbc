using Northstar.Core.Facts;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>
/// Every conversion of one goal per contact, all time, in conversion order
/// (<see cref="Conversion.Compare"/>), and each contact's lead and opportunity times (for the
/// W-shaped and full-path flags).
/// </summary>
internal sealed class ConversionIndex
{
    private ConversionIndex(Dictionary<string, Conversion[]> byContact, Dictionary<string, ContactLifecycle> lifecycles)
    {
        ByContact = byContact;
        Lifecycles = lifecycles;
    }

    /// <summary>Conversions by contact id; a contact without any is absent.</summary>
    public Dictionary<string, Conversion[]> ByContact { get; }

    /// <summary>Lifecycles by contact id.</summary>
    public Dictionary<string, ContactLifecycle> Lifecycles { get; }

    public static ConversionIndex Build(ConversionGoal goal, IReadOnlyList<ContactLifecycle> lifecycles, IEnumerable<Deal> deals)
    {
        var byId = new Dictionary<string, ContactLifecycle>(lifecycles.Count, StringComparer.Ordinal);
        foreach (var lifecycle in lifecycles)
        {
            byId[lifecycle.ContactId] = lifecycle;
        }

        var owners = new DealContacts(lifecycles);
        var lists = new Dictionary<string, List<Conversion>>(StringComparer.Ordinal);
        if (goal.Kind == ConversionKind.Stage)
        {
            AddStages(goal.Stage, lifecycles, DealValues(goal.Stage, deals, owners), lists);
        }
        else
        {
            AddDeals(goal.Kind, deals, owners, lists);
        }

        var byContact = new Dictionary<string, Conversion[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (contact, list) in lists)
        {
            var sorted = list.ToArray();
            Array.Sort(sorted, Conversion.Compare);
            byContact.Add(contact, sorted);
        }

        return new ConversionIndex(byContact, byId);
    }

    private static void AddStages(
        Stage stage, IReadOnlyList<ContactLifecycle> lifecycles, Dictionary<string, double> values, Dictionary<string, List<Conversion>> into)
    {
        foreach (var lifecycle in lifecycles)
        {
            if (lifecycle.EnteredAt(stage) is { } entered)
            {
                into[lifecycle.ContactId] = [new Conversion(entered.UtcTicks, values.GetValueOrDefault(lifecycle.ContactId), "")];
            }
        }
    }

    private static void AddDeals(ConversionKind kind, IEnumerable<Deal> deals, DealContacts owners, Dictionary<string, List<Conversion>> into)
    {
        foreach (var deal in deals)
        {
            DateTimeOffset? at = kind == ConversionKind.DealCreated ? deal.CreatedAt
                : deal.Status == DealStatus.Won ? deal.ClosedAt : null;
            if (at is not { } time || owners.Of(deal) is not { } contact)
            {
                continue;
            }

            if (!into.TryGetValue(contact, out var list))
            {
                into.Add(contact, list = []);
            }

            list.Add(new Conversion(time.UtcTicks, (double)(deal.Amount ?? 0m), deal.DealId));
        }
    }

    /// <summary>
    /// A stage conversion's value: for opportunity the amount of the contact's first created deal,
    /// for customer of its first won deal (by close time); 0 otherwise.
    /// </summary>
    private static Dictionary<string, double> DealValues(Stage stage, IEnumerable<Deal> deals, DealContacts owners)
    {
        var first = new Dictionary<string, Conversion>(StringComparer.Ordinal);
        if (stage is not (Stage.Opportunity or Stage.Customer))
        {
            return [];
        }

        foreach (var deal in deals)
        {
            DateTimeOffset? at = stage == Stage.Opportunity ? deal.CreatedAt
                : deal.Status == DealStatus.Won ? deal.ClosedAt : null;
            if (at is { } time && owners.Of(deal) is { } contact)
            {
                var candidate = new Conversion(time.UtcTicks, (double)(deal.Amount ?? 0m), deal.DealId);
                if (!first.TryGetValue(contact, out var seen) || Conversion.Compare(candidate, seen) < 0)
                {
                    first[contact] = candidate;
                }
            }
        }

        return first.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal);
    }
}

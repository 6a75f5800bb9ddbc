using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>Numbers the actors: contacts, and anonymous ids never linked to one (a linked id is its contact's number).</summary>
internal sealed class ActorIds
{
    private readonly Dictionary<string, int> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _anonymous = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly List<bool> _isContact = [];

    public ActorIds(IReadOnlyList<IdentityLink> links)
    {
        foreach (var link in links)
        {
            _anonymous[link.AnonymousId] = Contact(link.ContactId);
        }
    }

    public int Count => _ids.Count;

    /// <summary>The contact id, or the anonymous id of an actor never linked.</summary>
    public string Id(int actor) => _ids[actor];

    public bool IsContact(int actor) => _isContact[actor];

    public int Contact(string contactId) => Number(_contacts, contactId, isContact: true);

    public int Anonymous(string anonymousId) => Number(_anonymous, anonymousId, isContact: false);

    /// <summary>Every actor number, by id (ordinal), a contact before an anonymous id spelt the same.</summary>
    public int[] InIdOrder()
    {
        var keys = _ids.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        (keys, order) = SortedByKey(keys, order);
        for (var i = 1; i < order.Length; i++)
        {
            // The same id as a contact and as a never-linked anonymous id: the contact first.
            if (string.Equals(keys[i - 1], keys[i], StringComparison.Ordinal) && !_isContact[order[i - 1]] && _isContact[order[i]])
            {
                (order[i - 1], order[i]) = (order[i], order[i - 1]);
            }
        }

        return order;
    }

    /// <summary>Sorts by key (ordinal): the two halves on two cores, then merged.</summary>
    private static (string[] Keys, int[] Order) SortedByKey(string[] keys, int[] order)
    {
        var half = keys.Length / 2;
        Parallel.Invoke(
            () => Array.Sort(keys, order, 0, half, StringComparer.Ordinal),
            () => Array.Sort(keys, order, half, keys.Length - half, StringComparer.Ordinal));
        var (mergedKeys, mergedOrder) = (new string[keys.Length], new int[keys.Length]);
        var (a, b) = (0, half);
        for (var i = 0; i < keys.Length; i++)
        {
            var fromFirst = b == keys.Length || (a < half && string.CompareOrdinal(keys[a], keys[b]) <= 0);
            var at = fromFirst ? a++ : b++;
            (mergedKeys[i], mergedOrder[i]) = (keys[at], order[at]);
        }

        return (mergedKeys, mergedOrder);
    }

    private int Number(Dictionary<string, int> numbers, string id, bool isContact)
    {
        ref var number = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(numbers, id, out var exists);
        if (!exists)
        {
            number = _ids.Count;
            _ids.Add(id);
            _isContact.Add(isContact);
        }

        return number;
    }
}

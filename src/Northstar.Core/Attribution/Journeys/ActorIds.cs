namespace Northstar.Core.Attribution.Journeys;

/// <summary>The actors, by number: contacts, and anonymous ids never linked to one (a linked id is its contact).</summary>
internal sealed class ActorIds(string[] ids, bool[] isContact)
{
    private readonly string[] _ids = ids;
    private readonly bool[] _isContact = isContact;

    public int Count => _ids.Length;

    /// <summary>The contact id, or the anonymous id of an actor never linked.</summary>
    public string Id(int actor) => _ids[actor];

    public bool IsContact(int actor) => _isContact[actor];

    /// <summary>
    /// Every actor number, by id (ordinal), a contact before an anonymous id spelt the same. Sorted
    /// by a 64-bit key of the id's first eight characters (<see cref="OrdinalPrefix"/>) on two cores,
    /// then each run of equal keys by the ids themselves: integer compares for nearly all.
    /// </summary>
    public int[] InIdOrder()
    {
        var keys = new ulong[_ids.Length];
        var order = new int[_ids.Length];
        for (var i = 0; i < order.Length; i++)
        {
            (keys[i], order[i]) = (OrdinalPrefix(_ids[i]), i);
        }

        (keys, order) = SortedByKey(keys, order);
        var start = 0;
        for (var i = 1; i <= order.Length; i++)
        {
            if (i == order.Length || keys[i] != keys[start])
            {
                if (i - start > 1)
                {
                    order.AsSpan(start, i - start).Sort(Compare);
                }

                start = i;
            }
        }

        return order;
    }

    /// <summary>
    /// A key whose order agrees with the ordinal order of ids wherever two keys differ: one byte per
    /// character of the first eight, the character itself when ASCII, 0xFF for the first that is
    /// not (above every ASCII one; the bytes after it 0), 0 past the end. Equal keys say nothing.
    /// </summary>
    internal static ulong OrdinalPrefix(string id)
    {
        var key = 0UL;
        for (var i = 0; i < Math.Min(8, id.Length); i++)
        {
            var shift = 56 - (8 * i);
            if (id[i] >= 0x80)
            {
                return key | (0xFFUL << shift);
            }

            key |= (ulong)id[i] << shift;
        }

        return key;
    }

    /// <summary>By id (ordinal), then a contact before an anonymous id.</summary>
    private int Compare(int a, int b)
    {
        var byId = string.CompareOrdinal(_ids[a], _ids[b]);
        return byId != 0 ? byId : _isContact[b].CompareTo(_isContact[a]);
    }

    /// <summary>Sorts by key: the two halves on two cores, then merged.</summary>
    private static (ulong[] Keys, int[] Order) SortedByKey(ulong[] keys, int[] order)
    {
        var half = keys.Length / 2;
        Parallel.Invoke(
            () => Array.Sort(keys, order, 0, half),
            () => Array.Sort(keys, order, half, keys.Length - half));
        var (mergedKeys, mergedOrder) = (new ulong[keys.Length], new int[keys.Length]);
        var (a, b) = (0, half);
        for (var i = 0; i < keys.Length; i++)
        {
            var fromFirst = b == keys.Length || (a < half && keys[a] <= keys[b]);
            var at = fromFirst ? a++ : b++;
            (mergedKeys[i], mergedOrder[i]) = (keys[at], order[at]);
        }

        return (mergedKeys, mergedOrder);
    }
}

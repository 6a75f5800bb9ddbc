using System.Diagnostics.CodeAnalysis;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>
/// Anonymous id to the contact it is linked to, looked up for nearly every touch event. Most
/// anonymous ids are never linked: a bit filter on a hash (128 KiB, stays in cache) answers those
/// without reaching the dictionary's entries (a cache miss each).
/// </summary>
internal sealed class LinkedIds
{
    private const int FilterBits = 1 << 20;

    private readonly Dictionary<string, string> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly ulong[] _filter = new ulong[FilterBits / 64];

    public LinkedIds(IReadOnlyList<IdentityLink> links)
    {
        foreach (var link in links)
        {
            _contacts[link.AnonymousId] = link.ContactId;
            var bit = Bit(link.AnonymousId);
            _filter[bit >> 6] |= 1UL << bit;
        }

        _lookup = _contacts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGetContact(ReadOnlySpan<char> anonymousId, [MaybeNullWhen(false)] out string contactId)
    {
        var bit = Bit(anonymousId);
        if ((_filter[bit >> 6] & (1UL << bit)) == 0)
        {
            contactId = null;
            return false;
        }

        return _lookup.TryGetValue(anonymousId, out contactId);
    }

    private static int Bit(ReadOnlySpan<char> id)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)((hash * 0x9E3779B1u) >> 12);
    }
}

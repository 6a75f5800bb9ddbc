using System.Runtime.CompilerServices;
namespace Northstar.Storage.Sqlite.Events;

/// <summary>
/// The row key of an event: 64-bit FNV-1a over the workspace id (8 bytes, little-endian) and
/// the id's UTF-16 code units (one step per code unit), then the MurmurHash3 64-bit finaliser,
/// shifted right once to a non-negative 63-bit integer. The keys are stored in files:
/// never change this function without a schema migration that rewrites them.
/// </summary>
internal static class EventKeyHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Compute(long workspaceId, string eventId)
    {
        var h = OffsetBasis;
        var ws = (ulong)workspaceId;
        for (var i = 0; i < 8; i++)
        {
            h = (h ^ ((ws >> (8 * i)) & 0xFF)) * Prime;
        }

        foreach (var c in eventId)
        {
            h = (h ^ c) * Prime;
        }

        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return (long)(h >> 1);
    }

    /// <summary>The key tried after <paramref name="key"/> when it holds another event (linear probing).</summary>
    public static long Next(long key) => (key + 1) & long.MaxValue;
}

namespace Northstar.Storage.Postgres.Tables;

/// <summary>
/// A 64-bit hash of a natural key (FNV-1a over the UTF-16 code units, then a murmur3
/// finaliser): a write session remembers the keys it wrote by hash, and checks a repeated hash
/// against the staged row itself, so a collision never merges two keys.
/// </summary>
internal static class KeyHash
{
    public static long Of(string key)
    {
        var h = 14695981039346656037UL;
        foreach (var c in key)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        h ^= h >> 33;
        h *= 0xff51afd7ed558ccd;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53;
        h ^= h >> 33;
        return unchecked((long)h);
    }
}

using System.Runtime.CompilerServices;
using System.Text;

namespace Northstar.Core.Import.Csv;

/// <summary>
/// Interns the strings of a low-cardinality column (type, source, medium, channel...): a
/// 2M-row file then holds a few hundred strings instead of millions of copies. Past
/// <see cref="MaxEntries"/> distinct values the column is taken as high-cardinality and
/// new values are simply allocated.
/// </summary>
internal sealed class Utf8StringPool
{
    private const int MaxEntries = 4096;
    private const int MaxLength = 256;
    private Entry[] _slots = new Entry[256];
    private int _count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var hash = Hash(bytes);
        var mask = _slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Value is null)
            {
                return _count >= MaxEntries ? Encoding.UTF8.GetString(bytes) : Add(ref slot, bytes, hash);
            }

            if (slot.Hash == hash && bytes.SequenceEqual(slot.Bytes))
            {
                return slot.Value;
            }
        }
    }

    private string Add(ref Entry slot, ReadOnlySpan<byte> bytes, int hash)
    {
        var value = Encoding.UTF8.GetString(bytes);
        slot = new Entry(hash, bytes.ToArray(), value);
        if (++_count * 2 > _slots.Length)
        {
            Grow();
        }

        return value;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Entry[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Value is null)
            {
                continue;
            }

            var i = entry.Hash & mask;
            while (_slots[i].Value is not null)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = entry;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        // FNV-1a: short keys, and it only has to spread values within one process.
        var h = 2166136261u;
        foreach (var b in bytes)
        {
            h = (h ^ b) * 16777619u;
        }

        return (int)(h & 0x7FFFFFFF);
    }

    private readonly record struct Entry(int Hash, byte[] Bytes, string? Value);
}

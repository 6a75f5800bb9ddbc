using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Northstar.Storage.Sqlite.Views;

/// <summary>
/// A map from 64-bit keys to small values in one flat array (open addressing, linear probing,
/// at most half full), for the views' per-event counting: one array access a lookup, where
/// <see cref="Dictionary{TKey, TValue}"/> takes two (bucket, then entry) and an interface call
/// to its comparer. Keys are spread by Fibonacci hashing (the top bits of key × 2^64/φ), so
/// packed keys with few varying bits still fill the table evenly. No removal: the views clear a
/// whole map after merging it.
/// </summary>
internal sealed class FlatMap<TValue>
    where TValue : struct
{
    private Entry[] _entries;
    private int _shift;

    public FlatMap(int capacity = 16)
    {
        var size = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity * 2));
        _entries = new Entry[size];
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
    }

    /// <summary>The number of keys held.</summary>
    public int Count { get; private set; }

    /// <summary>The value of <paramref name="key"/>, added as default when absent (<paramref name="existed"/> false).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TValue GetOrAdd(long key, out bool existed)
    {
        if (Count * 4 >= _entries.Length * 3)
        {
            Grow();
        }

        var entries = _entries;
        var mask = entries.Length - 1;
        for (var i = Home(key, _shift); ; i = (i + 1) & mask)
        {
            ref var entry = ref entries[i];
            if (!entry.Used)
            {
                (entry.Used, entry.Key) = (true, key);
                Count++;
                existed = false;
                return ref entry.Value;
            }

            if (entry.Key == key)
            {
                existed = true;
                return ref entry.Value;
            }
        }
    }

    /// <summary>The value of <paramref name="key"/>, when held.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(long key, out TValue value)
    {
        var mask = _entries.Length - 1;
        for (var i = Home(key, _shift); _entries[i].Used; i = (i + 1) & mask)
        {
            if (_entries[i].Key == key)
            {
                value = _entries[i].Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Asks the CPU to fetch <paramref name="key"/>'s home entry into cache (a hint: the entry is read soon).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(long key)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref _entries[Home(key, _shift)]));
        }
    }

    /// <summary>The number of entry positions, for <see cref="At"/>.</summary>
    public int Capacity => _entries.Length;

    /// <summary>Entry position <paramref name="index"/> (below <see cref="Capacity"/>): true with its key and value when it holds one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool At(int index, out long key, out TValue value)
    {
        ref var entry = ref _entries[index];
        (key, value) = (entry.Key, entry.Value);
        return entry.Used;
    }

    /// <summary>The keys and values held, in no particular order.</summary>
    public IEnumerable<KeyValuePair<long, TValue>> Entries()
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].Used)
            {
                yield return new(_entries[i].Key, _entries[i].Value);
            }
        }
    }

    /// <summary>Forgets every key (keeps the array, so a refilled map does not grow again).</summary>
    public void Clear()
    {
        if (Count > 0)
        {
            Array.Clear(_entries);
            Count = 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(long key, int shift) => (int)(((ulong)key * 0x9E3779B97F4A7C15) >> shift);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        _shift--;
        var mask = _entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Used)
            {
                var i = Home(entry.Key, _shift);
                while (_entries[i].Used)
                {
                    i = (i + 1) & mask;
                }

                _entries[i] = entry;
            }
        }
    }

    private struct Entry
    {
        public long Key;
        public bool Used;
        public TValue Value;
    }
}

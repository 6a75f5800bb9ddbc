using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Northstar.Core.Attribution;

/// <summary>
/// Collects paths as channel numbers (numbered in order of first appearance while reading),
/// then renumbers the channels in ordinal order of their names, so the columns never depend on
/// row order or hashing.
/// </summary>
internal sealed class PathTableColumnsBuilder
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byChars;
    private readonly List<string> _names = [];
    private (byte[] Name, int Id)[] _byBytes = new (byte[], int)[64];
    private int _byBytesCount;
    private int[] _flat;
    private int[] _offsets;
    private long[] _conversions;
    private double[] _values;
    private long[] _nulls;
    private int _count;
    private int _length;

    public PathTableColumnsBuilder(int capacity = 1024)
    {
        capacity = Math.Max(capacity, 16);
        _byChars = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _flat = new int[capacity * 4];
        _offsets = new int[capacity + 1];
        (_conversions, _values, _nulls) = (new long[capacity], new double[capacity], new long[capacity]);
    }

    /// <summary>The number of a channel name, given on first sight.</summary>
    public int ChannelId(ReadOnlySpan<char> name)
    {
        if (_byChars.TryGetValue(name, out var id))
        {
            return id;
        }

        var text = name.ToString();
        _ids.Add(text, _names.Count);
        _names.Add(text);
        return _names.Count - 1;
    }

    /// <summary>The number of a channel name given as UTF-8 (a byte-keyed table in front of the names: no string per lookup).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int ChannelId(ReadOnlySpan<byte> utf8)
    {
        var mask = _byBytes.Length - 1;
        var slot = Hash(utf8) & mask;
        for (; _byBytes[slot].Name is { } name; slot = (slot + 1) & mask)
        {
            if (utf8.SequenceEqual(name))
            {
                return _byBytes[slot].Id;
            }
        }

        var id = ChannelId(Encoding.UTF8.GetString(utf8));
        _byBytes[slot] = (utf8.ToArray(), id);
        if (++_byBytesCount * 2 > _byBytes.Length)
        {
            var old = _byBytes;
            (_byBytes, _byBytesCount) = (new (byte[], int)[old.Length * 2], 0);
            foreach (var entry in old)
            {
                if (entry.Name is { } name)
                {
                    ChannelId(name);
                }
            }
        }

        return id;
    }

    // Names are short and often differ only at the end ("channel_07"): the first and last 8
    // bytes and the length, mixed by multiplies, spread them without a loop over every byte.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong Mix = 0x9E3779B97F4A7C15;
        var h = (ulong)bytes.Length;
        if (bytes.Length >= 8)
        {
            h ^= BinaryPrimitives.ReadUInt64LittleEndian(bytes) ^ (BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]) * Mix);
        }
        else
        {
            foreach (var b in bytes)
            {
                h = (h << 8) | b;
            }
        }

        // Fold the high bytes down before each multiply (a multiply only carries differences upwards).
        h = (h ^ (h >> 32)) * Mix;
        h = (h ^ (h >> 29)) * Mix;
        return (int)((h ^ (h >> 32)) & 0x7FFFFFFF);
    }

    /// <summary>Adds a path given by names.</summary>
    public void Add(ChannelPath path)
    {
        Span<int> ids = path.Channels.Count <= 256 ? stackalloc int[path.Channels.Count] : new int[path.Channels.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = ChannelId(path.Channels[i]);
        }

        Add(ids, path.Conversions, path.Value, path.Nulls);
    }

    /// <summary>Adds a path given by channel numbers from ChannelId.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<int> channels, long conversions, double value, long nulls)
    {
        if (_count + 1 >= _offsets.Length)
        {
            var capacity = _offsets.Length * 2;
            Array.Resize(ref _offsets, capacity);
            Array.Resize(ref _conversions, capacity);
            Array.Resize(ref _values, capacity);
            Array.Resize(ref _nulls, capacity);
        }

        if (_length + channels.Length > _flat.Length)
        {
            Array.Resize(ref _flat, Math.Max(_flat.Length * 2, _length + channels.Length));
        }

        channels.CopyTo(_flat.AsSpan(_length));
        _length += channels.Length;
        (_conversions[_count], _values[_count], _nulls[_count]) = (conversions, value, nulls);
        _offsets[++_count] = _length;
    }

    /// <summary>Rows added so far.</summary>
    public int Count => _count;

    /// <summary>Row <paramref name="row"/>'s channel numbers (as <see cref="Add(ReadOnlySpan{int}, long, double, long)"/> took them).</summary>
    public ReadOnlySpan<int> PathAt(int row) => _flat.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);

    /// <summary>Adds counts and value to an existing row.</summary>
    public void Accumulate(int row, long conversions, double value, long nulls)
    {
        _conversions[row] += conversions;
        _values[row] += value;
        _nulls[row] += nulls;
    }

    public PathTableColumns Build()
    {
        var names = _names.Order(StringComparer.Ordinal).ToArray();
        var renumber = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            renumber[_ids[names[i]]] = i;
        }

        for (var i = 0; i < _length; i++)
        {
            _flat[i] = renumber[_flat[i]];
        }

        return new PathTableColumns(names, _flat, _offsets, _conversions, _values, _nulls, _count);
    }
}

using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Northstar.Storage.Sqlite.Events;

/// <summary>
/// Encoded rows back to back in one growing buffer, with each row's end offset: what a chunk
/// of events is encoded into ahead of the write, and what a segment is built from. The buffer
/// is pinned, so a row's bytes can be bound to a statement without a copy
/// (<see cref="Sql.FastNative.BindPinnedText"/>) until the buffer is cleared.
/// </summary>
internal sealed class RowBytes
{
    private byte[] _bytes = GC.AllocateUninitializedArray<byte>(1 << 16, pinned: true);
    private int[] _ends = new int[64];
    private int _start;

    public int Count { get; private set; }

    /// <summary>Bytes written so far (rows ended and the one being written).</summary>
    public int Length { get; private set; }

    public ReadOnlySpan<byte> Row(int index)
    {
        var from = index == 0 ? 0 : _ends[index - 1];
        return _bytes.AsSpan(from, _ends[index] - from);
    }

    public ReadOnlySpan<byte> All => _bytes.AsSpan(0, Length);

    public ReadOnlySpan<int> Ends => _ends.AsSpan(0, Count);

    public void Clear() => (Count, Length, _start) = (0, 0, 0);

    /// <summary>Ends the row being written.</summary>
    public void EndRow()
    {
        if (Count == _ends.Length)
        {
            Array.Resize(ref _ends, _ends.Length * 2);
        }

        _ends[Count++] = Length;
        _start = Length;
    }

    /// <summary>Appends a whole encoded row.</summary>
    public void AddRow(ReadOnlySpan<byte> row)
    {
        Ensure(row.Length);
        row.CopyTo(_bytes.AsSpan(Length));
        Length += row.Length;
        EndRow();
    }

    /// <summary>Length of the row being written so far.</summary>
    public int Current => Length - _start;

    public void Int64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_bytes.AsSpan(Length), value);
        Length += 8;
    }

    public void Utf8(ReadOnlySpan<byte> value)
    {
        Ensure(value.Length + 5);
        Length += WritePrefix(_bytes.AsSpan(Length), value.Length + 1);
        value.CopyTo(_bytes.AsSpan(Length));
        Length += value.Length;
    }

    public void Text(string? value)
    {
        if (value is null)
        {
            Ensure(1);
            _bytes[Length++] = 0;
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Ensure(max + 5);
        // Most texts are short: encode after a one-byte prefix, move them only when it is longer.
        var written = Encoding.UTF8.GetBytes(value, _bytes.AsSpan(Length + 1));
        if (written + 1 < 0x80)
        {
            _bytes[Length] = (byte)(written + 1);
            Length += written + 1;
            return;
        }

        Span<byte> prefix = stackalloc byte[5];
        var size = WritePrefix(prefix, written + 1);
        _bytes.AsSpan(Length + 1, written).CopyTo(_bytes.AsSpan(Length + size));
        prefix[..size].CopyTo(_bytes.AsSpan(Length));
        Length += size + written;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int WritePrefix(Span<byte> into, int value)
    {
        var i = 0;
        var v = (uint)value;
        while (v >= 0x80)
        {
            into[i++] = (byte)(v | 0x80);
            v >>= 7;
        }

        into[i++] = (byte)v;
        return i;
    }

    private void Ensure(int more)
    {
        if (Length + more > _bytes.Length)
        {
            var larger = GC.AllocateUninitializedArray<byte>(Math.Max(Length + more, _bytes.Length * 2), pinned: true);
            _bytes.AsSpan(0, Length).CopyTo(larger);
            _bytes = larger;
        }
    }
}

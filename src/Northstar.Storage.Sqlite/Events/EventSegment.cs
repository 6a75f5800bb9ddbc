using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Northstar.Storage.Sqlite.Events;

/// <summary>
/// A stored segment: up to <see cref="Rows"/> encoded events (<see cref="EventRowCodec"/>) in
/// one blob, written once. Layout: a format byte (1), the row count (int32), each row's end
/// offset (int32), then the rows back to back; integers little-endian. Stored compressed:
/// format byte 2, then that whole layout as a zlib stream (<see cref="Compress"/>), which
/// halves to thirds what the file, and before it the WAL, has to take.
/// </summary>
internal sealed class EventSegment
{
    /// <summary>Events a segment holds at most; a key's slot is the low <see cref="SlotBits"/> bits of its position.</summary>
    public const int Rows = 1 << SlotBits;

    public const int SlotBits = 12;

    private const byte Format = 1;

    private const byte Compressed = 2;

    private readonly byte[] _blob;
    private readonly int _rowsStart;

    private EventSegment(byte[] blob)
    {
        if (blob.Length < 5 || blob[0] != Format)
        {
            throw new InvalidDataException("An event segment is in an unknown format (written by a newer Northstar?).");
        }

        _blob = blob;
        Count = BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(1));
        _rowsStart = 5 + (4 * Count);
    }

    public int Count { get; }

    /// <summary>Reads a stored blob, compressed or not.</summary>
    public static EventSegment Parse(byte[] blob)
    {
        if (blob.Length == 0 || blob[0] != Compressed)
        {
            return new(blob);
        }

        using var input = new MemoryStream(blob, 1, blob.Length - 1, writable: false);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(blob.Length * 3);
        zlib.CopyTo(output);
        return new(output.GetBuffer().AsSpan(0, (int)output.Length).ToArray());
    }

    /// <summary>
    /// The stored form of a built blob: zlib at its fastest level, which on event rows keeps
    /// about a third of the bytes for a few milliseconds a segment (done off the writing thread).
    /// </summary>
    public static void Compress(ReadOnlySpan<byte> built, MemoryStream into)
    {
        into.SetLength(0);
        into.WriteByte(Compressed);
        using var zlib = new ZLibStream(into, CompressionLevel.Fastest, leaveOpen: true);
        zlib.Write(built);
    }

    /// <summary>Writes <paramref name="rows"/> as a segment blob into <paramref name="into"/> (grown as needed); returns its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Build(RowBytes rows, ref byte[] into)
    {
        var length = 5 + (4 * rows.Count) + rows.Length;
        if (into.Length < length)
        {
            into = new byte[Math.Max(length, into.Length * 2)];
        }

        into[0] = Format;
        BinaryPrimitives.WriteInt32LittleEndian(into.AsSpan(1), rows.Count);
        var ends = rows.Ends;
        for (var i = 0; i < ends.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(into.AsSpan(5 + (4 * i)), ends[i]);
        }

        rows.All.CopyTo(into.AsSpan(5 + (4 * rows.Count)));
        return length;
    }

    public ReadOnlySpan<byte> Row(int slot)
    {
        var from = slot == 0 ? 0 : End(slot - 1);
        return _blob.AsSpan(_rowsStart + from, End(slot) - from);
    }

    private int End(int slot) => BinaryPrimitives.ReadInt32LittleEndian(_blob.AsSpan(5 + (4 * slot)));
}

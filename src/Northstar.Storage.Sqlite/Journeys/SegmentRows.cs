using System.Buffers.Binary;
using System.IO.Compression;

namespace Northstar.Storage.Sqlite.Journeys;

/// <summary>
/// A stored event segment's rows, inflated into a buffer this reader keeps and reuses (one per
/// thread), where <c>EventSegment.Parse</c> allocates two large arrays per segment. Reads the
/// layout <c>EventSegment</c> writes: format 1 (count, row ends, rows) or format 2 (that layout
/// zlib-compressed).
/// </summary>
internal sealed class SegmentRows
{
    private const byte Plain = 1;
    private const byte Compressed = 2;

    private byte[] _buffer = new byte[1 << 20];
    private int _length;
    private int _rowsStart;

    public int Count { get; private set; }

    /// <summary>Loads a stored blob (its first <paramref name="length"/> bytes).</summary>
    public void Load(byte[] blob, int length)
    {
        if (length > 0 && blob[0] == Compressed)
        {
            Inflate(blob, length);
        }
        else
        {
            Ensure(length);
            blob.AsSpan(0, length).CopyTo(_buffer);
            _length = length;
        }

        if (_length < 5 || _buffer[0] != Plain)
        {
            throw new InvalidDataException("An event segment is in an unknown format (written by a newer Northstar?).");
        }

        Count = BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(1));
        _rowsStart = 5 + (4 * Count);
    }

    public ReadOnlySpan<byte> Row(int slot)
    {
        var from = slot == 0 ? 0 : End(slot - 1);
        return _buffer.AsSpan(_rowsStart + from, End(slot) - from);
    }

    private int End(int slot) => BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(5 + (4 * slot)));

    private void Inflate(byte[] blob, int length)
    {
        if (NativeInflate.Available)
        {
            while ((_length = NativeInflate.Inflate(blob.AsSpan(1, length - 1), _buffer)) < 0)
            {
                Ensure(_buffer.Length * 2);
            }

            return;
        }

        using var input = new MemoryStream(blob, 1, length - 1, writable: false);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        _length = 0;
        int read;
        while ((read = zlib.Read(_buffer, _length, _buffer.Length - _length)) > 0)
        {
            _length += read;
            if (_length == _buffer.Length)
            {
                Ensure(_buffer.Length * 2);
            }
        }
    }

    private void Ensure(int length)
    {
        if (_buffer.Length < length)
        {
            Array.Resize(ref _buffer, Math.Max(length, _buffer.Length * 2));
        }
    }
}

using System.Buffers.Binary;
using System.Text;

namespace Northstar.Storage.ClickHouse.Client;

/// <summary>
/// Reads a RowBinary result (the counterpart of <see cref="RowBinaryWriter"/>) from a response
/// stream, buffered. The caller knows the column types and reads them in order, row by row,
/// while <see cref="HasMore"/> is true.
/// </summary>
internal sealed class RowBinaryReader(Stream stream) : IDisposable
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;

    /// <summary>True when another row follows (call at a row's start).</summary>
    public bool HasMore => _start < _end || Fill(1);

    public byte UInt8() => Take(1)[0];

    public sbyte Int8() => unchecked((sbyte)Take(1)[0]);

    public bool Bool() => UInt8() != 0;

    public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public double Float64() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public DateOnly Date() => DateOnly.FromDayNumber(RowBinaryWriter.Epoch + UInt16());

    public DateTimeOffset DateTime() => DateTimeOffset.FromUnixTimeSeconds(UInt32());

    public decimal Decimal128(int scale)
    {
        var raw = BinaryPrimitives.ReadInt128LittleEndian(Take(16));
        var value = (decimal)raw;
        for (var i = 0; i < scale; i++)
        {
            value /= 10m;
        }

        return value / 1.000000000000000000000000000000000m; // drops trailing zeros
    }

    /// <summary>The NULL flag of a <c>Nullable(T)</c>: true when a value follows.</summary>
    public bool HasValue() => UInt8() == 0;

    public string String()
    {
        var length = checked((int)VarUInt());
        if (length <= _buffer.Length)
        {
            return Encoding.UTF8.GetString(Take(length));
        }

        var bytes = new byte[length];
        var copied = 0;
        while (copied < length)
        {
            var chunk = Math.Min(_buffer.Length, length - copied);
            Take(chunk).CopyTo(bytes.AsSpan(copied));
            copied += chunk;
        }

        return Encoding.UTF8.GetString(bytes);
    }

    public string? NullableString() => HasValue() ? String() : null;

    public ulong VarUInt()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = UInt8();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    public void Dispose() => stream.Dispose();

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_end - _start < count && !Fill(count))
        {
            throw new EndOfStreamException("The RowBinary result ended inside a row.");
        }

        var span = _buffer.AsSpan(_start, count);
        _start += count;
        return span;
    }

    private bool Fill(int count)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        while (_end < count)
        {
            var n = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
            {
                return false;
            }

            _end += n;
        }

        return true;
    }
}

using System.Buffers.Binary;
using System.Text;

namespace Northstar.Storage.ClickHouse.Client;

/// <summary>
/// Writes rows in ClickHouse's RowBinary format into a growing buffer: little-endian integers,
/// strings as LEB128 length + UTF-8 bytes, <c>Date</c> as UInt16 days since 1970-01-01,
/// <c>Nullable(T)</c> as one byte (1 = NULL) before the value.
/// </summary>
internal sealed class RowBinaryWriter
{
    private byte[] _buffer;

    public RowBinaryWriter(int capacity = 1 << 16) => _buffer = new byte[capacity];

    /// <summary>The bytes written so far.</summary>
    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, Length);

    public void Clear() => Length = 0;

    public void UInt8(byte value) => Reserve(1)[0] = value;

    public void Int8(sbyte value) => Reserve(1)[0] = unchecked((byte)value);

    public void Bool(bool value) => UInt8(value ? (byte)1 : (byte)0);

    public void UInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);

    public void Int32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);

    public void UInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    public void Int64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);

    public void UInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    public void Float64(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);

    /// <summary>A <c>Date</c>: days since 1970-01-01 as UInt16.</summary>
    public void Date(DateOnly value) => UInt16(checked((ushort)(value.DayNumber - Epoch)));

    /// <summary>A <c>DateTime</c>: whole seconds since the epoch as UInt32.</summary>
    public void DateTime(DateTimeOffset value) => UInt32(checked((uint)value.ToUnixTimeSeconds()));

    /// <summary>A <c>Decimal128(scale)</c>: the value times 10^scale as a 128-bit integer (rounded half away from zero).</summary>
    public void Decimal128(decimal value, int scale)
    {
        var scaled = (Int128)decimal.Round(value * Pow10(scale), 0, MidpointRounding.AwayFromZero);
        BinaryPrimitives.WriteInt128LittleEndian(Reserve(16), scaled);
    }

    public void String(string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max < 128)
        {
            // Room for one length byte: encode in place, then write the length before it.
            var span = Reserve(max + 1);
            var n = Encoding.UTF8.GetBytes(value, span[1..]);
            span[0] = (byte)n;
            Length -= max - n;
            return;
        }

        var bytes = Encoding.UTF8.GetByteCount(value);
        VarUInt((ulong)bytes);
        Encoding.UTF8.GetBytes(value, Reserve(bytes));
    }

    public void NullableString(string? value)
    {
        UInt8(value is null ? (byte)1 : (byte)0);
        if (value is not null)
        {
            String(value);
        }
    }

    /// <summary>The NULL flag of a <c>Nullable(T)</c>; true when a value must follow.</summary>
    public bool NullFlag(bool hasValue)
    {
        UInt8(hasValue ? (byte)0 : (byte)1);
        return hasValue;
    }

    /// <summary>Bytes already in RowBinary form.</summary>
    public void Raw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    public void VarUInt(ulong value)
    {
        while (value >= 0x80)
        {
            UInt8((byte)(value | 0x80));
            value >>= 7;
        }

        UInt8((byte)value);
    }

    internal const int Epoch = 719_162; // DateOnly(1970, 1, 1).DayNumber

    private static decimal Pow10(int scale)
    {
        var p = 1m;
        for (var i = 0; i < scale; i++)
        {
            p *= 10m;
        }

        return p;
    }

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}

using System.Buffers;
using System.Runtime.CompilerServices;

namespace Northstar.Storage.Sqlite.Lifecycles;

/// <summary>
/// The variable-length integers of the lifecycle blobs (<see cref="LifecycleCodec"/>,
/// <see cref="StageTimesTable"/>): 7 bits a byte, low first, the high bit set on every byte but
/// the last; signed values zig-zag encoded first, so small negatives stay short.
/// </summary>
internal static class Varints
{
    public static void Write(IBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        output.Advance(n);
    }

    /// <summary>Reads the integer at <paramref name="at"/> and moves past it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read(ReadOnlySpan<byte> blob, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = blob[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    public static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}

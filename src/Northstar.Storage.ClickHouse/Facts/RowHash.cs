using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Northstar.Storage.ClickHouse.Facts;

/// <summary>
/// A stable 64-bit hash (stored in the tables, so it must not change between processes or
/// versions): of a row's value bytes (to tell a changed row from the same row again), of a
/// natural key (the write session's conflict check and the shard a row belongs to).
/// </summary>
internal static class RowHash
{
    private const ulong Prime1 = 0x9E3779B185EBCA87;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4F;

    public static ulong Of(ReadOnlySpan<byte> bytes, ulong seed = 0)
    {
        var h = seed ^ ((ulong)bytes.Length * Prime1);
        while (bytes.Length >= 8)
        {
            h = Mix(h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        return Final(Mix(h ^ tail));
    }

    public static ulong OfKey(string key) => Of(MemoryMarshal.AsBytes(key.AsSpan()), 0x6E6F727468737461);

    private static ulong Mix(ulong h) => ulong.RotateLeft(h * Prime1, 31) * Prime2;

    private static ulong Final(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccd;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53;
        h ^= h >> 33;
        return h;
    }
}

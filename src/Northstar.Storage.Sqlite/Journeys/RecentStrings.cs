using System.Buffers.Binary;
using System.Text;

namespace Northstar.Storage.Sqlite.Journeys;

/// <summary>
/// The strings of the channel and campaign values a decoding thread sees (a few hundred over
/// millions of events): a direct-mapped table on a cheap hash of the length and the first and
/// last eight bytes, each hit checked byte for byte; a value whose slot holds another takes it over.
/// </summary>
internal sealed class RecentStrings
{
    private const int Slots = 1024;

    private readonly byte[]?[] _bytes = new byte[]?[Slots];
    private readonly string[] _strings = new string[Slots];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        var slot = Slot(utf8);
        if (_bytes[slot] is { } bytes && utf8.SequenceEqual(bytes))
        {
            return _strings[slot];
        }

        _bytes[slot] = utf8.ToArray();
        return _strings[slot] = Encoding.UTF8.GetString(utf8);
    }

    private static int Slot(ReadOnlySpan<byte> utf8)
    {
        ulong first, last;
        if (utf8.Length >= 8)
        {
            first = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            last = BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]);
        }
        else
        {
            Span<byte> padded = stackalloc byte[8];
            padded.Clear();
            utf8.CopyTo(padded);
            first = BinaryPrimitives.ReadUInt64LittleEndian(padded);
            last = 0;
        }

        var hash = ((first * 0x9E3779B97F4A7C15UL) ^ (last * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)utf8.Length) * 0x9E3779B97F4A7C15UL;
        return (int)(hash >> 54);
    }
}

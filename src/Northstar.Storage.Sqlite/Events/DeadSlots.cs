namespace Northstar.Storage.Sqlite.Events;

/// <summary>
/// A segment's replaced events: a bitmap (bit <c>i % 8</c> of byte <c>i / 8</c> set when slot
/// <c>i</c> holds an old version), NULL while every slot is live.
/// </summary>
internal static class DeadSlots
{
    public static bool IsDead(ReadOnlySpan<byte> bitmap, int slot) =>
        slot / 8 < bitmap.Length && (bitmap[slot / 8] & (1 << (slot % 8))) != 0;

    public static byte[] With(ReadOnlySpan<byte> bitmap, int count, IEnumerable<int> slots)
    {
        var bits = new byte[(count + 7) / 8];
        bitmap.CopyTo(bits);
        foreach (var slot in slots)
        {
            bits[slot / 8] |= (byte)(1 << (slot % 8));
        }

        return bits;
    }
}

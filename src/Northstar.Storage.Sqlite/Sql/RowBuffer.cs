using System.Text;
using SQLitePCL;

namespace Northstar.Storage.Sqlite.Sql;

/// <summary>
/// Rows of statement parameters encoded ahead of binding: per row <see cref="Width"/> slots
/// (parameter 1 onwards), each NULL, an integer, a real or UTF-8 text held in one shared byte
/// buffer. Encoding (UTF-8, decimal and JSON formatting) needs no database, so a writer can do
/// it on another thread while the SQLite thread binds and steps the rows encoded before.
/// Buffers grow to the largest chunk seen and are reused. The text buffer is pinned and bound
/// without a copy: a statement's text parameters point into it only from <see cref="Bind"/>
/// until its next <see cref="Bind"/> (which clears them first), and SQLite reads them only
/// while stepping, so rewriting or dropping the buffer afterwards is safe.
/// </summary>
internal sealed class RowBuffer(int width)
{
    private const byte NullSlot = 0;
    private const byte IntSlot = 1;
    private const byte RealSlot = 2;
    private const byte TextSlot = 3;

    private byte[] _kinds = [];
    private long[] _values = [];
    private byte[] _text = GC.AllocateUninitializedArray<byte>(4096, pinned: true);
    private int _textLength;

    /// <summary>Slots per row: parameters 1 to <see cref="Width"/>.</summary>
    public int Width => width;

    public int Count { get; private set; }

    public void Clear()
    {
        Count = 0;
        _textLength = 0;
    }

    /// <summary>Adds a row of NULL slots and returns the index of its first slot.</summary>
    public int AddRow()
    {
        var first = Count * width;
        if (first + width > _kinds.Length)
        {
            var size = Math.Max(first + width, _kinds.Length * 2);
            Array.Resize(ref _kinds, size);
            Array.Resize(ref _values, size);
        }

        Array.Clear(_kinds, first, width);
        Count++;
        return first;
    }

    public void SetInt(int slot, long value) => (_kinds[slot], _values[slot]) = (IntSlot, value);

    public void SetReal(int slot, double value) => (_kinds[slot], _values[slot]) = (RealSlot, BitConverter.DoubleToInt64Bits(value));

    public void SetText(int slot, string value)
    {
        EnsureText(Encoding.UTF8.GetMaxByteCount(value.Length));
        SetSpan(slot, Encoding.UTF8.GetBytes(value, _text.AsSpan(_textLength)));
    }

    public void SetUtf8(int slot, ReadOnlySpan<byte> value)
    {
        EnsureText(value.Length);
        value.CopyTo(_text.AsSpan(_textLength));
        SetSpan(slot, value.Length);
    }

    /// <summary>
    /// Clears every binding of <paramref name="stmt"/>, then binds row <paramref name="row"/>'s
    /// non-NULL slots to parameters 1 to <paramref name="parameterCount"/> (slots past it are skipped).
    /// </summary>
    public void Bind(sqlite3_stmt stmt, int row, int parameterCount)
    {
        FastNative.ClearBindings(stmt);
        var first = row * width;
        var count = Math.Min(width, parameterCount);
        for (var i = 0; i < count; i++)
        {
            var value = _values[first + i];
            switch (_kinds[first + i])
            {
                case IntSlot:
                    FastNative.BindInt64(stmt, i + 1, value);
                    break;
                case RealSlot:
                    FastNative.BindDouble(stmt, i + 1, BitConverter.Int64BitsToDouble(value));
                    break;
                case TextSlot:
                    FastNative.BindPinnedText(stmt, i + 1, _text.AsSpan((int)(value >> 32), (int)value));
                    break;
                default:
                    break;
            }
        }
    }

    private void SetSpan(int slot, int length)
    {
        _kinds[slot] = TextSlot;
        _values[slot] = ((long)_textLength << 32) | (uint)length;
        _textLength += length;
    }

    private void EnsureText(int more)
    {
        if (_textLength + more > _text.Length)
        {
            var larger = GC.AllocateUninitializedArray<byte>(Math.Max(_textLength + more, _text.Length * 2), pinned: true);
            _text.AsSpan(0, _textLength).CopyTo(larger);
            _text = larger;
        }
    }
}

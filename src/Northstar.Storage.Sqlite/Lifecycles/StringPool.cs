using System.Text;

namespace Northstar.Storage.Sqlite.Lifecycles;

/// <summary>
/// One string instance per distinct value while decoding many rows: tens of thousands of
/// lifecycles share a few hundred channels, campaigns and segments, so pooling them saves the
/// allocations (and keeps equal values reference-equal, which makes later comparisons cheap).
/// </summary>
internal sealed class StringPool
{
    private const int StackChars = 256;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string equal to these UTF-8 bytes.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > StackChars)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[StackChars];
        var n = Encoding.UTF8.GetChars(utf8, chars);
        if (!_lookup.TryGetValue(chars[..n], out var pooled))
        {
            pooled = new string(chars[..n]);
            _strings.Add(pooled, pooled);
        }

        return pooled;
    }
}

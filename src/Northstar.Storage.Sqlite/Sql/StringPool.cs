namespace Northstar.Storage.Sqlite.Sql;

/// <summary>
/// One string instance per distinct value while decoding many rows: tens of thousands of
/// lifecycles share a few hundred channels, campaigns and segments, so pooling them saves the
/// allocations. Looked up by the UTF-8 bytes themselves (an open-addressing table), so a value
/// seen before costs a hash and a compare, no decoding.
/// </summary>
internal sealed class StringPool
{
    private byte[]?[] _keys = new byte[]?[256];
    private string[] _values = new string[256];
    private int _count;

    /// <summary>The pooled string equal to these UTF-8 bytes.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        var mask = _keys.Length - 1;
        for (var slot = Hash(utf8) & mask; ; slot = (slot + 1) & mask)
        {
            var key = _keys[slot];
            if (key is null)
            {
                var value = System.Text.Encoding.UTF8.GetString(utf8);
                _keys[slot] = utf8.ToArray();
                _values[slot] = value;
                if (++_count * 2 > _keys.Length)
                {
                    Grow();
                }

                return value;
            }

            if (utf8.SequenceEqual(key))
            {
                return _values[slot];
            }
        }
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode() & int.MaxValue;
    }

    private void Grow()
    {
        var (keys, values) = (_keys, _values);
        _keys = new byte[]?[keys.Length * 2];
        _values = new string[keys.Length * 2];
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] is { } key)
            {
                var slot = Hash(key) & mask;
                while (_keys[slot] is not null)
                {
                    slot = (slot + 1) & mask;
                }

                (_keys[slot], _values[slot]) = (key, values[i]);
            }
        }
    }
}

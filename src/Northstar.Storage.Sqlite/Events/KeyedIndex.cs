namespace Northstar.Storage.Sqlite.Events;

/// <summary>A fact's row key and its index in the batch; sorts by key, then index.</summary>
internal readonly record struct KeyedIndex(long Key, int Index) : IComparable<KeyedIndex>
{
    public int CompareTo(KeyedIndex other)
    {
        var byKey = Key.CompareTo(other.Key);
        return byKey != 0 ? byKey : Index.CompareTo(other.Index);
    }
}

namespace Northstar.Storage.Sqlite.Views;

/// <summary>One chunk of events prepared for the views, with a flag per row the writer found new.</summary>
internal sealed class ViewChunk
{
    public PreparedEvent[] Facts { get; private set; } = [];

    public bool[] Inserted { get; private set; } = [];

    public int Count { get; set; }

    /// <summary>Empties the chunk (normally already empty: a failed write can leave rows behind).</summary>
    public void Reset()
    {
        Array.Clear(Facts, 0, Count);
        Array.Clear(Inserted, 0, Count);
        Count = 0;
    }

    public void Set(int row, PreparedEvent prepared)
    {
        if (row >= Facts.Length)
        {
            var size = Math.Max(row + 1, Facts.Length * 2);
            var (facts, inserted) = (Facts, Inserted);
            Array.Resize(ref facts, size);
            Array.Resize(ref inserted, size);
            (Facts, Inserted) = (facts, inserted);
        }

        Facts[row] = prepared;
        Count = row + 1;
    }
}

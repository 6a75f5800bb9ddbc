namespace Northstar.Core.Attribution;

/// <summary>
/// Folds journeys into path-table rows without a string per journey: each touch's channel
/// numbered once (a reference lookup first: journeys share their channel strings), each path
/// found by a 64-bit hash of its numbers and checked number by number, counts added in place.
/// </summary>
internal sealed class PathTableAggregator
{
    private const int MaxCachedReferences = 4096;
    private readonly PathTableColumnsBuilder _builder;
    private readonly Dictionary<string, int> _byReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ulong, int> _firstRow;
    private readonly List<int> _nextRow;
    private int[] _path = new int[16];

    /// <param name="journeys">How many journeys will come, when known: the tables start that large instead of growing.</param>
    public PathTableAggregator(int? journeys)
    {
        var capacity = Math.Min(journeys ?? 1024, 1 << 24);
        (_builder, _firstRow, _nextRow) = (new PathTableColumnsBuilder(capacity), new Dictionary<ulong, int>(capacity), new List<int>(capacity));
    }

    public void Add(Journey journey, bool collapseRepeats)
    {
        var touches = journey.Touches;
        if (touches.Count == 0)
        {
            throw new ArgumentException($"journey of '{journey.ContactId}' has no touches", nameof(journey));
        }

        if (_path.Length < touches.Count)
        {
            _path = new int[touches.Count * 2];
        }

        var n = 0;
        for (var i = 0; i < touches.Count; i++)
        {
            var id = Channel(touches[i].Channel);
            if (!collapseRepeats || n == 0 || _path[n - 1] != id)
            {
                _path[n++] = id;
            }
        }

        var (conversions, value, nulls) = journey.Converted ? (1L, journey.Value, 0L) : (0L, 0.0, 1L);
        var path = _path.AsSpan(0, n);
        var hash = Hash(path);
        var found = _firstRow.TryGetValue(hash, out var row);
        while (found && !path.SequenceEqual(_builder.PathAt(row)))
        {
            row = _nextRow[row];
            found = row >= 0;
        }

        if (found)
        {
            _builder.Accumulate(row, conversions, value, nulls);
            return;
        }

        // A new row: it heads its hash's chain, the previous head (if any) follows it.
        _nextRow.Add(_firstRow.TryGetValue(hash, out var head) ? head : -1);
        _firstRow[hash] = _builder.Count;
        _builder.Add(path, conversions, value, nulls);
    }

    public PathTableColumns Build() => _builder.Build();

    private int Channel(string name)
    {
        if (_byReference.TryGetValue(name, out var id))
        {
            return id;
        }

        id = _builder.ChannelId(name);
        if (_byReference.Count < MaxCachedReferences)
        {
            _byReference[name] = id;
        }

        return id;
    }

    private static ulong Hash(ReadOnlySpan<int> path)
    {
        var h = 0xCBF29CE484222325UL ^ (ulong)path.Length;
        foreach (var id in path)
        {
            h = (h ^ (uint)id) * 0x9E3779B97F4A7C15UL;
            h ^= h >> 29;
        }

        return h;
    }
}

namespace Northstar.Core.Attribution.Markov;

/// <summary>
/// Window key to state id. A window of channel ids is a number in base channels + 1 (digit =
/// id + 1, so shorter windows differ from longer ones); ids are given in ascending key order,
/// which makes the state order a function of the channel names only.
/// </summary>
internal sealed class StateIndex
{
    private const long DenseLimit = 1 << 24;
    private readonly int[]? dense;
    private readonly Dictionary<long, int>? sparse;
    private long[] keys = [];

    public StateIndex(long keySpace)
    {
        if (keySpace <= DenseLimit)
        {
            dense = new int[keySpace];
            Array.Fill(dense, -1);
        }
        else
        {
            sparse = [];
        }
    }

    /// <summary>State keys by id, ascending.</summary>
    public long[] Keys => keys;

    public int Count => keys.Length;

    /// <summary>Records a key during the first pass.</summary>
    public void Add(long key)
    {
        if (dense is not null)
        {
            dense[key] = 0;
        }
        else
        {
            sparse!.TryAdd(key, 0);
        }
    }

    /// <summary>After every key is added: numbers them in ascending key order.</summary>
    public void Freeze()
    {
        if (dense is not null)
        {
            var list = new List<long>();
            for (var k = 0; k < dense.Length; k++)
            {
                if (dense[k] >= 0)
                {
                    dense[k] = list.Count;
                    list.Add(k);
                }
            }

            keys = [.. list];
            return;
        }

        keys = [.. sparse!.Keys.Order()];
        for (var i = 0; i < keys.Length; i++)
        {
            sparse[keys[i]] = i;
        }
    }

    /// <summary>The state id of a key, -1 when the key was never added.</summary>
    public int Find(long key) => dense is not null ? dense[key] : sparse!.GetValueOrDefault(key, -1);
}

using System.Text;
using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>
/// Touch events as read, in columns, before they are put in order per actor. Event ids are kept
/// as UTF-8 in one array (they only break ties of time), not as millions of strings the
/// collector would have to trace.
/// </summary>
internal sealed class RawTouches
{
    private int[] _actors = new int[1024];
    private long[] _ticks = new long[1024];
    private int[] _idEnds = new int[1024];
    private byte[] _idBytes = new byte[1 << 16];
    private string[] _channels = new string[1024];
    private string?[] _campaigns = new string?[1024];

    public int Count { get; private set; }

    public long[] Ticks => _ticks;

    public string[] Channels => _channels;

    public string?[] Campaigns => _campaigns;

    public void Add(int actor, long ticks, string id, string channel, string? campaign)
    {
        if (Count == _actors.Length)
        {
            Grow();
        }

        var start = Count == 0 ? 0 : _idEnds[Count - 1];
        var length = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (_idBytes.Length - start < length)
        {
            Array.Resize(ref _idBytes, Math.Max(_idBytes.Length * 2, start + length));
        }

        _idEnds[Count] = start + Encoding.UTF8.GetBytes(id, _idBytes.AsSpan(start));
        (_actors[Count], _ticks[Count], _channels[Count], _campaigns[Count]) = (actor, ticks, channel, campaign);
        Count++;
    }

    /// <summary>
    /// Positions grouped by actor (a counting sort), each actor's in time order, ties by event id
    /// in UTF-8 byte order, as <see cref="Touchpoints.Earlier"/>; actor <c>a</c>'s are <c>[starts[a], starts[a + 1])</c>.
    /// </summary>
    public int[] ByActorThenTime(int actors, out int[] starts)
    {
        starts = new int[actors + 1];
        for (var i = 0; i < Count; i++)
        {
            starts[_actors[i] + 1]++;
        }

        for (var a = 0; a < actors; a++)
        {
            starts[a + 1] += starts[a];
        }

        var next = (int[])starts.Clone();
        var order = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            order[next[_actors[i]]++] = i;
        }

        for (var a = 0; a < actors; a++)
        {
            if (starts[a + 1] - starts[a] > 1)
            {
                order.AsSpan(starts[a], starts[a + 1] - starts[a]).Sort(Compare);
            }
        }

        return order;
    }

    private int Compare(int a, int b)
    {
        var byTime = _ticks[a].CompareTo(_ticks[b]);
        return byTime != 0 || a == b ? byTime : Id(a).SequenceCompareTo(Id(b));
    }

    private ReadOnlySpan<byte> Id(int i)
    {
        var start = i == 0 ? 0 : _idEnds[i - 1];
        return _idBytes.AsSpan(start, _idEnds[i] - start);
    }

    private void Grow()
    {
        var size = _actors.Length * 2;
        Array.Resize(ref _actors, size);
        Array.Resize(ref _ticks, size);
        Array.Resize(ref _idEnds, size);
        Array.Resize(ref _channels, size);
        Array.Resize(ref _campaigns, size);
    }
}

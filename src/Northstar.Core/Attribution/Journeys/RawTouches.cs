using Northstar.Core.Metrics.Views;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>Touch events as read, in columns, before they are put in order per actor.</summary>
internal sealed class RawTouches
{
    private int[] _actors = new int[1024];
    private long[] _ticks = new long[1024];
    private string[] _ids = new string[1024];
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

        (_actors[Count], _ticks[Count], _ids[Count], _channels[Count], _campaigns[Count]) = (actor, ticks, id, channel, campaign);
        Count++;
    }

    /// <summary>
    /// Positions grouped by actor (a counting sort), each actor's in time order, ties by event id
    /// (<see cref="Touchpoints.Earlier"/>); actor <c>a</c>'s are <c>[starts[a], starts[a + 1])</c>.
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
        if (byTime != 0 || a == b)
        {
            return byTime;
        }

        var time = new DateTimeOffset(_ticks[a], TimeSpan.Zero);
        return Touchpoints.Earlier(time, _ids[a], time, _ids[b]) ? -1 : Touchpoints.Earlier(time, _ids[b], time, _ids[a]) ? 1 : 0;
    }

    private void Grow()
    {
        var size = _actors.Length * 2;
        Array.Resize(ref _actors, size);
        Array.Resize(ref _ticks, size);
        Array.Resize(ref _ids, size);
        Array.Resize(ref _channels, size);
        Array.Resize(ref _campaigns, size);
    }
}

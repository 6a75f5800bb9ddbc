using System.Buffers;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>
/// The actors of one partition (those whose id hashes to it) and their touches, in time order with
/// repeats of one interaction merged, laid out as <see cref="ActorTouches"/> lays out all of them.
/// Partitions are built on every core at once: an actor's events are all in its partition.
/// </summary>
internal sealed class ActorPartition
{
    private readonly Dictionary<string, int> _contacts;
    private readonly Dictionary<string, int> _anonymous;
    private readonly List<string> _ids;
    private readonly List<bool> _isContact;

    /// <summary>Sized for the most actors the touches can have (no growth by rehashing).</summary>
    private ActorPartition(int contacts, int anonymous)
    {
        _contacts = new(contacts, StringComparer.Ordinal);
        _anonymous = new(anonymous, StringComparer.Ordinal);
        _ids = new(contacts + anonymous);
        _isContact = new(contacts + anonymous);
    }

    public IReadOnlyList<string> Ids => _ids;

    public IReadOnlyList<bool> IsContact => _isContact;

    /// <summary>Actor <c>a</c>'s touches are <c>[Starts[a], Starts[a + 1])</c> of the columns.</summary>
    public int[] Starts { get; private set; } = [0];

    public long[] Ticks { get; private set; } = [];

    public string[] Channels { get; private set; } = [];

    public string?[] Campaigns { get; private set; } = [];

    public int TouchCount => Starts[^1];

    /// <summary>
    /// A partition from each reading thread's part of it (<paramref name="parts"/>), with the
    /// converted contacts <paramref name="converted"/> that hash to it as actors even without a touch.
    /// </summary>
    public static ActorPartition Build(StagedPart[] parts, IReadOnlyCollection<string> converted, long sameInteraction)
    {
        var contactTouches = parts.Sum(p => p.ContactCount);
        var built = new ActorPartition(contactTouches + converted.Count, parts.Sum(p => p.Count) - contactTouches);
        // Rented: a partition's working arrays are large-object-sized, and each new one counts towards a full collection.
        var rented = ArrayPool<(int Actor, int Part, int At)>.Shared.Rent(parts.Sum(p => p.Count));
        var touches = rented.AsSpan(0, parts.Sum(p => p.Count));
        var n = 0;
        var (contacts, anonymous) = (built._contacts.GetAlternateLookup<ReadOnlySpan<char>>(), built._anonymous.GetAlternateLookup<ReadOnlySpan<char>>());
        for (var s = 0; s < parts.Length; s++)
        {
            var part = parts[s];
            var staged = part.Touches;
            for (var at = 0; at < staged.Length; at++)
            {
                var actor = built.Number(staged[at].IsContact ? contacts : anonymous, part.Key(staged[at]), staged[at].IsContact);
                touches[n++] = (actor, s, at);
            }
        }

        foreach (var contact in converted)
        {
            built.Number(contacts, contact, isContact: true);
        }

        built.Merge(parts, touches, sameInteraction);
        ArrayPool<(int Actor, int Part, int At)>.Shared.Return(rented);
        return built;
    }

    private int Number(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> numbers, ReadOnlySpan<char> id, bool isContact)
    {
        if (numbers.TryGetValue(id, out var number))
        {
            return number;
        }

        number = _ids.Count;
        var text = id.ToString();
        numbers.Dictionary.Add(text, number);
        _ids.Add(text);
        _isContact.Add(isContact);
        return number;
    }

    /// <summary>Each actor's touches in time order (ties by event id, UTF-8 bytes), a repeat of the same interaction dropped.</summary>
    private void Merge(StagedPart[] parts, ReadOnlySpan<(int Actor, int Part, int At)> touches, long sameInteraction)
    {
        var actors = _ids.Count;
        var rented = ByActor(touches, actors, out var starts);
        var order = rented.AsSpan(0, touches.Length);
        var (ticks, channels, campaigns) = (new long[touches.Length], new string[touches.Length], new string?[touches.Length]);
        var kept = 0;
        var comparer = new StagedOrder(parts);
        for (var a = 0; a < actors; a++)
        {
            var run = order.Slice(starts[a], starts[a + 1] - starts[a]);
            comparer.Sort(run);
            starts[a] = kept;
            for (var i = 0; i < run.Length; i++)
            {
                ref readonly var touch = ref parts[run[i].Part][run[i].At];
                if (i > 0 && SameInteraction(parts[run[i - 1].Part][run[i - 1].At], touch, sameInteraction))
                {
                    continue;
                }

                (ticks[kept], channels[kept], campaigns[kept]) = (touch.Ticks, touch.Channel, touch.Campaign);
                kept++;
            }
        }

        starts[actors] = kept;
        ArrayPool<(int Part, int At)>.Shared.Return(rented);
        (Starts, Ticks, Channels, Campaigns) = (starts, ticks, channels, campaigns);
    }

    /// <summary>The touches grouped by actor (a counting sort) in a rented array: actor <c>a</c>'s are <c>[starts[a], starts[a + 1])</c>.</summary>
    private static (int Part, int At)[] ByActor(ReadOnlySpan<(int Actor, int Part, int At)> touches, int actors, out int[] starts)
    {
        starts = new int[actors + 1];
        foreach (var touch in touches)
        {
            starts[touch.Actor + 1]++;
        }

        for (var a = 0; a < actors; a++)
        {
            starts[a + 1] += starts[a];
        }

        var next = starts[..^1];
        var order = ArrayPool<(int Part, int At)>.Shared.Rent(touches.Length);
        foreach (var touch in touches)
        {
            order[next[touch.Actor]++] = (touch.Part, touch.At);
        }

        return order;
    }

    /// <summary>A touch repeating the previous event's channel and campaign within the interval (compared with the previous event, kept or not).</summary>
    private static bool SameInteraction(in StagedTouch previous, in StagedTouch touch, long sameInteraction) =>
        touch.Ticks - previous.Ticks <= sameInteraction
        && string.Equals(touch.Channel, previous.Channel, StringComparison.Ordinal)
        && string.Equals(touch.Campaign, previous.Campaign, StringComparison.Ordinal);
}

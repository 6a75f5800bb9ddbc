using Northstar.Core.Facts;

namespace Northstar.Core.Attribution.Journeys;

/// <summary>Cuts one actor's ordered touches into its journeys for the goal and period (the rules on <see cref="JourneyBuilder"/>).</summary>
internal sealed class JourneyCutter(JourneyCutterInputs inputs)
{
    private readonly ConversionGoal _goal = inputs.Goal;
    private readonly PeriodInstants _period = inputs.Period;
    private readonly long _lookbackTicks = inputs.LookbackTicks;
    private readonly ConversionIndex _conversions = inputs.Conversions;
    private readonly ActorTouches _touches = inputs.Touches;

    private static readonly Conversion[] None = [];

    public long UntouchedConversions { get; private set; }

    public double UntouchedValue { get; private set; }

    /// <summary>Adds actor <paramref name="actor"/>'s journeys to <paramref name="into"/>, converting ones in conversion order, then the non-converting one.</summary>
    public void Cut(int actor, List<Journey> into)
    {
        var (from, to) = (_touches.Starts[actor], _touches.Starts[actor + 1]);
        var id = _touches.Actors.Id(actor);
        var isContact = _touches.Actors.IsContact(actor);
        var converted = isContact && _conversions.ByContact.TryGetValue(id, out var found) ? found : None;
        var (lead, opportunity) = isContact ? Flags(id, from, to) : (-1, -1);
        var inPeriod = false;
        var previous = long.MinValue;
        foreach (var conversion in converted)
        {
            if (_period.Contains(conversion.Ticks))
            {
                inPeriod = true;
                var (start, end) = Window(from, to, conversion.Ticks, previous);
                if (start == end)
                {
                    UntouchedConversions++;
                    UntouchedValue += conversion.Value;
                }
                else
                {
                    into.Add(new Journey(id, Touches(start, end, lead, opportunity), At(conversion.Ticks), conversion.Value));
                }
            }

            // Conversions at one instant share the touches before it; a later one starts after it.
            previous = conversion.Ticks;
        }

        if (!inPeriod && NonConverting(from, to, converted, lead, opportunity) is { } open)
        {
            into.Add(new Journey(id, open, null, 0));
        }
    }

    private Touch[]? NonConverting(int from, int to, Conversion[] converted, int lead, int opportunity)
    {
        if (_goal.Kind == ConversionKind.Stage && converted.Length > 0 && converted[0].Ticks < _period.End)
        {
            return null;
        }

        var last = to - 1;
        while (last >= from && _touches.Ticks[last] >= _period.End)
        {
            last--;
        }

        if (last < from || _touches.Ticks[last] < _period.Start)
        {
            return null;
        }

        var end = _touches.Ticks[last];
        var after = long.MinValue;
        foreach (var conversion in converted)
        {
            if (conversion.Ticks <= end)
            {
                after = conversion.Ticks;
            }
        }

        var (start, stop) = Window(from, last + 1, end, after);
        return Touches(start, stop, lead, opportunity);
    }

    /// <summary>The touches in [from, to) at or before <paramref name="until"/>, no older than the look-back before it, after <paramref name="after"/>.</summary>
    private (int Start, int End) Window(int from, int to, long until, long after)
    {
        var end = from;
        while (end < to && _touches.Ticks[end] <= until)
        {
            end++;
        }

        var oldest = until - _lookbackTicks;
        var start = end;
        while (start > from && _touches.Ticks[start - 1] >= oldest && _touches.Ticks[start - 1] > after)
        {
            start--;
        }

        return (start, end);
    }

    /// <summary>The positions of the last touch at or before the contact's lead and opportunity times (-1 when none).</summary>
    private (int Lead, int Opportunity) Flags(string contact, int from, int to)
    {
        if (!_conversions.Lifecycles.TryGetValue(contact, out var lifecycle))
        {
            return (-1, -1);
        }

        return (LastAtOrBefore(from, to, lifecycle.EnteredAt(Stage.Lead)), LastAtOrBefore(from, to, lifecycle.EnteredAt(Stage.Opportunity)));
    }

    private int LastAtOrBefore(int from, int to, DateTimeOffset? at)
    {
        if (at is not { } time)
        {
            return -1;
        }

        var last = -1;
        for (var i = from; i < to && _touches.Ticks[i] <= time.UtcTicks; i++)
        {
            last = i;
        }

        return last;
    }

    private Touch[] Touches(int start, int end, int lead, int opportunity)
    {
        var list = new Touch[end - start];
        for (var i = start; i < end; i++)
        {
            list[i - start] = new Touch(At(_touches.Ticks[i]), _touches.Channels[i], _touches.Campaigns[i])
            {
                LeadCreation = i == lead,
                OpportunityCreation = i == opportunity,
            };
        }

        return list;
    }

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);
}

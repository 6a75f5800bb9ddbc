using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Views;

/// <summary>What the views take from single events: touchpoints, actors and the order of "first".</summary>
public static class Touchpoints
{
    /// <summary>A touchpoint (IMPORT.md): a session start, or any event with a channel.</summary>
    public static bool IsTouch(EventFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return fact.Type == EventType.SessionStart || fact.Channel is not null;
    }

    /// <summary>The traffic source an event carries.</summary>
    public static Touch TouchOf(EventFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new Touch(fact.Timestamp, fact.Channel, fact.Source, fact.Medium, fact.Campaign, fact.LandingPage);
    }

    /// <summary>The dimension values of an event, the key of the rollup with its day and type.</summary>
    public static EventDims DimsOf(EventFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new EventDims(fact.Channel, fact.Source, fact.Medium, fact.Campaign, fact.LandingPage,
            fact.Page, fact.Cta, fact.Form, fact.Field, fact.Variant, fact.Asset);
    }

    /// <summary>
    /// True when event (<paramref name="time"/>, <paramref name="id"/>) comes before
    /// (<paramref name="otherTime"/>, <paramref name="otherId"/>): by timestamp, then by event id
    /// in UTF-8 byte order (= code point order, as SQLite compares text), so "the earliest event"
    /// is one event even when timestamps tie.
    /// </summary>
    public static bool Earlier(DateTimeOffset time, string id, DateTimeOffset otherTime, string otherId)
    {
        var byTime = time.UtcTicks.CompareTo(otherTime.UtcTicks);
        return byTime != 0 ? byTime < 0 : CompareCodePoints(id, otherId) < 0;
    }

    private static int CompareCodePoints(string a, string b)
    {
        var ea = a.EnumerateRunes();
        var eb = b.EnumerateRunes();
        while (true)
        {
            var (hasA, hasB) = (ea.MoveNext(), eb.MoveNext());
            if (!hasA || !hasB)
            {
                return hasA.CompareTo(hasB);
            }

            var c = ea.Current.Value.CompareTo(eb.Current.Value);
            if (c != 0)
            {
                return c;
            }
        }
    }
}

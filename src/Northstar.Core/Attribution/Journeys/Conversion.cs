namespace Northstar.Core.Attribution.Journeys;

/// <summary>One conversion of a contact: when (UTC ticks), its value, and a tie-breaker (the deal id; "" for a stage).</summary>
internal readonly record struct Conversion(long Ticks, double Value, string Tie)
{
    /// <summary>Conversion order of one contact: by time, then deal id (ordinal).</summary>
    public static int Compare(Conversion a, Conversion b)
    {
        var byTime = a.Ticks.CompareTo(b.Ticks);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Tie, b.Tie);
    }
}

using System.Globalization;
using Northstar.Core.Attribution;

namespace Northstar.Testing.Contracts;

/// <summary>
/// A journey as one line the expectations are written in: contact, conversion time (or "open")
/// and value, then each touch as channel[/campaign]@MM-dd HH:mm, "+lead" / "+opp" when flagged.
/// </summary>
public static class JourneyText
{
    /// <summary>The journey as one line.</summary>
    public static string Of(Journey journey)
    {
        var end = journey.ConvertedAt is { } at ? Time(at) : "open";
        var touches = journey.Touches.Select(t =>
            t.Channel + (t.Campaign is null ? "" : "/" + t.Campaign) + "@" + Time(t.At)
            + (t.LeadCreation ? " +lead" : "") + (t.OpportunityCreation ? " +opp" : ""));
        return $"{journey.ContactId} {end} {journey.Value.ToString(CultureInfo.InvariantCulture)}: {string.Join(", ", touches)}";
    }

    /// <summary>Each journey as one line, in order.</summary>
    public static string[] Of(IEnumerable<Journey> journeys) => [.. journeys.Select(Of)];

    /// <summary>Every field to the tick (for comparing two builds), the value to the last digit.</summary>
    public static string[] Exact(IEnumerable<Journey> journeys) =>
    [
        .. journeys.Select(j => $"{j.ContactId} {j.ConvertedAt?.UtcTicks} {j.Value.ToString("R", CultureInfo.InvariantCulture)}: "
            + string.Join(", ", j.Touches.Select(t => $"{t.Channel}/{t.Campaign}@{t.At.UtcTicks}{(t.LeadCreation ? "+lead" : "")}{(t.OpportunityCreation ? "+opp" : "")}"))),
    ];

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
}

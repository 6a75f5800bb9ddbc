namespace Northstar.Core.Attribution.Heuristics;

/// <summary>
/// Credits converted journeys to channels (or campaigns) under a heuristic model. Each
/// converted journey hands out exactly one conversion and its value, split by
/// <see cref="TouchWeights.For"/>; non-converting journeys are skipped. The credits therefore
/// sum to the number of converted journeys and to their total value (up to rounding).
/// </summary>
public static class HeuristicAttribution
{
    /// <summary>The campaign key of a touch that carries none.</summary>
    public const string NoCampaign = "(none)";

    /// <summary>Credits per channel, ordered by channel (ordinal).</summary>
    /// <param name="journeys">Journeys; only converted ones count.</param>
    /// <param name="model">The heuristic model.</param>
    /// <param name="halfLife">Time-decay half-life; <see cref="TouchWeights.DefaultHalfLife"/> (7 days) when null.</param>
    public static IReadOnlyList<ChannelCredit> ByChannel(IEnumerable<Journey> journeys, HeuristicModel model, TimeSpan? halfLife = null) =>
        Credit(journeys, model, halfLife, static t => t.Channel);

    /// <summary>Credits per campaign (<see cref="NoCampaign"/> for touches without one), ordered by campaign; <see cref="ChannelCredit.Channel"/> holds the campaign.</summary>
    public static IReadOnlyList<ChannelCredit> ByCampaign(IEnumerable<Journey> journeys, HeuristicModel model, TimeSpan? halfLife = null) =>
        Credit(journeys, model, halfLife, static t => string.IsNullOrWhiteSpace(t.Campaign) ? NoCampaign : t.Campaign);

    private static List<ChannelCredit> Credit(IEnumerable<Journey> journeys, HeuristicModel model, TimeSpan? halfLife, Func<Touch, string> key)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var decay = halfLife ?? TouchWeights.DefaultHalfLife;
        var totals = new Dictionary<string, (double Conversions, double Value)>(StringComparer.Ordinal);
        foreach (var journey in journeys)
        {
            if (!journey.Converted)
            {
                continue;
            }

            var weights = TouchWeights.For(journey, model, decay);
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] == 0)
                {
                    continue;
                }

                var name = key(journey.Touches[i]);
                totals.TryGetValue(name, out var sum);
                totals[name] = (sum.Conversions + weights[i], sum.Value + (weights[i] * journey.Value));
            }
        }

        return [.. totals.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new ChannelCredit(p.Key, p.Value.Conversions, p.Value.Value))];
    }
}

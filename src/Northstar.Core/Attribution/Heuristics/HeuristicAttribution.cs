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
        Credit(journeys, model, halfLife, CampaignKey);

    /// <summary>
    /// Credits per channel from a path table's aggregated paths (each path's conversions and value
    /// split by <see cref="TouchWeights.ForPath"/>), ordered by channel; only the models for which
    /// <see cref="TouchWeights.RunsOnPaths"/> is true (the others throw <see cref="ArgumentException"/>).
    /// </summary>
    public static IReadOnlyList<ChannelCredit> ByPaths(IEnumerable<ChannelPath> paths, HeuristicModel model)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!TouchWeights.RunsOnPaths(model))
        {
            throw new ArgumentException($"{model} needs touch times or lead/opportunity touches: it runs on journeys, not on a path table", nameof(model));
        }

        return HeuristicPass.Paths(PathTableColumns.From(paths as IReadOnlyList<ChannelPath> ?? [.. paths]), [model]).ByModel[model];
    }

    /// <summary>
    /// Every heuristic model (and simplified Shapley over each journey's distinct channels) in one
    /// pass: the same credits as <see cref="ByChannel"/> per model, several times faster than calling it eight times.
    /// </summary>
    public static HeuristicCredits AllByChannel(IEnumerable<Journey> journeys, TimeSpan? halfLife = null) =>
        HeuristicPass.Journeys(journeys, Enum.GetValues<HeuristicModel>(), halfLife ?? TouchWeights.DefaultHalfLife, static t => t.Channel);

    /// <summary>As <see cref="AllByChannel"/>, per campaign (<see cref="NoCampaign"/> for touches without one).</summary>
    public static HeuristicCredits AllByCampaign(IEnumerable<Journey> journeys, TimeSpan? halfLife = null) =>
        HeuristicPass.Journeys(journeys, Enum.GetValues<HeuristicModel>(), halfLife ?? TouchWeights.DefaultHalfLife, CampaignKey);

    /// <summary>
    /// Every model a path table can drive (<see cref="TouchWeights.RunsOnPaths"/>) and simplified
    /// Shapley in one pass over the columns: the same credits as <see cref="ByPaths"/> and
    /// <see cref="ShapleyAttribution.Simplified"/>.
    /// </summary>
    public static HeuristicCredits AllByPaths(PathTableColumns paths) =>
        HeuristicPass.Paths(paths, [.. Enum.GetValues<HeuristicModel>().Where(TouchWeights.RunsOnPaths)]);

    internal static List<ChannelCredit> Sorted(Dictionary<string, (double Conversions, double Value)> totals) =>
        [.. totals.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new ChannelCredit(p.Key, p.Value.Conversions, p.Value.Value))];

    private static string CampaignKey(Touch touch) => string.IsNullOrWhiteSpace(touch.Campaign) ? NoCampaign : touch.Campaign;

    private static IReadOnlyList<ChannelCredit> Credit(IEnumerable<Journey> journeys, HeuristicModel model, TimeSpan? halfLife, Func<Touch, string> key) =>
        HeuristicPass.Journeys(journeys, [model], halfLife ?? TouchWeights.DefaultHalfLife, key).ByModel[model];
}

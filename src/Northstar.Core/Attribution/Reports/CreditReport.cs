using Northstar.Core.Attribution.Heuristics;
using Northstar.Core.Attribution.Markov;

namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// The one entry point over every model: credits by channel or campaign for a model, on
/// journeys or on a path table. Heuristic models run on the journeys (touch times, lead and
/// opportunity touches, campaigns) or, for the five that need none of those, on the paths;
/// Markov and Shapley run on the paths (by campaign: paths of the touches' campaigns).
/// </summary>
public static class CreditReport
{
    /// <summary>Why the model cannot run on this input by this dimension, or null when it can.</summary>
    public static string? Problem(AttributionInput input, AttributionModel model, AttributionDimension by)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(model);
        if (input.Journeys is not null)
        {
            return null;
        }

        if (!model.RunsOnPaths)
        {
            return $"model '{model.Name}' needs touch times and lead/opportunity touches, which a path table does not have: run it on the store's journeys (without --paths)";
        }

        return by == AttributionDimension.Campaign
            ? "a path table has channels only: --by campaign runs on the store's journeys (without --paths)"
            : null;
    }

    /// <summary>
    /// The model's credits; they add up to the input's conversions and value. Throws
    /// <see cref="ArgumentException"/> with <see cref="Problem"/>'s reason when the model cannot run on the input.
    /// </summary>
    public static CreditTable Compute(AttributionInput input, AttributionModel model, AttributionDimension by = AttributionDimension.Channel)
    {
        if (Problem(input, model, by) is { } problem)
        {
            throw new ArgumentException(problem, nameof(model));
        }

        if (model.Heuristic is { } heuristic)
        {
            var credits = Heuristic(input, heuristic, TimeSpan.FromDays(model.HalfLifeDays), by);
            return Table(input, model, by, credits);
        }

        var paths = by == AttributionDimension.Campaign ? CampaignPaths(input.Journeys!) : input.Paths;
        if (model.Kind == AttributionModelKind.Markov)
        {
            var markov = MarkovAttribution.Compute(paths, model.Markov);
            return Table(input, model, by, markov.Credits) with
            {
                RemovalEffects = markov.RemovalEffects,
                ConversionProbability = markov.ConversionProbability,
            };
        }

        var table = Table(input, model, by, ShapleyAttribution.Simplified(paths));
        return model.Kind == AttributionModelKind.ShapleyOrdered ? table with { Positions = ShapleyAttribution.Ordered(paths) } : table;
    }

    private static IReadOnlyList<ChannelCredit> Heuristic(AttributionInput input, HeuristicModel model, TimeSpan halfLife, AttributionDimension by)
    {
        if (input.Journeys is not { } journeys)
        {
            return HeuristicAttribution.ByPaths(input.Paths, model);
        }

        return by == AttributionDimension.Campaign
            ? HeuristicAttribution.ByCampaign(journeys, model, halfLife)
            : HeuristicAttribution.ByChannel(journeys, model, halfLife);
    }

    // The journeys' paths with each touch's campaign in place of its channel.
    private static IReadOnlyList<ChannelPath> CampaignPaths(IReadOnlyList<Journey> journeys) =>
        PathTable.Aggregate(journeys.Select(j => j with
        {
            Touches = [.. j.Touches.Select(t => t with { Channel = string.IsNullOrWhiteSpace(t.Campaign) ? HeuristicAttribution.NoCampaign : t.Campaign })],
        }));

    private static CreditTable Table(AttributionInput input, AttributionModel model, AttributionDimension by, IReadOnlyList<ChannelCredit> credits)
    {
        // Totals from the input, not the credits: a row sum that fell short would show as a gap.
        var conversions = input.Conversions;
        var value = input.Value;
        var rows = credits
            .Select(c => new CreditRow(c.Channel, c.Conversions, c.Value, Share(c.Conversions, conversions), Share(c.Value, value)))
            .OrderByDescending(r => r.Conversions).ThenByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return new CreditTable(model.Name, by, rows, conversions, value, input.UntouchedConversions, input.UntouchedValue);
    }

    internal static double Share(double part, double total) => total > 0 ? part / total : 0;
}

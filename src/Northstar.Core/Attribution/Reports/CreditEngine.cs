using Northstar.Core.Attribution.Heuristics;
using Northstar.Core.Attribution.Markov;

namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// Runs models on one input by one dimension, sharing the work between them: the campaign paths
/// are aggregated once, and when several heuristic models (or Shapley) are asked for, every
/// heuristic model and Shapley come from one pass (<see cref="HeuristicAttribution.AllByChannel"/>,
/// <see cref="HeuristicAttribution.AllByCampaign"/>, <see cref="HeuristicAttribution.AllByPaths"/>),
/// which gives each model the same digits as its own pass.
/// </summary>
internal sealed class CreditEngine(AttributionInput input, AttributionDimension by, bool onePass)
{
    private readonly Dictionary<double, HeuristicCredits> _passes = [];
    private PathTableColumns? _campaignPaths;

    /// <summary>An engine for the models: one pass for the heuristics when more than one of them (Shapley included) is asked for.</summary>
    public static CreditEngine For(AttributionInput input, IEnumerable<AttributionModel> models, AttributionDimension by) =>
        new(input, by, models.Count(m => m.Heuristic is not null || m.Kind is AttributionModelKind.Shapley or AttributionModelKind.ShapleyOrdered) > 1);

    /// <summary>The model's credits as a table (the caller has checked <see cref="CreditReport.Problem"/>).</summary>
    public CreditTable Compute(AttributionModel model)
    {
        if (model.Heuristic is { } heuristic)
        {
            return Table(model, Heuristic(model, heuristic));
        }

        if (model.Kind == AttributionModelKind.Markov)
        {
            var markov = MarkovAttribution.Compute(Paths(), model.Markov);
            return Table(model, markov.Credits) with
            {
                RemovalEffects = markov.RemovalEffects,
                ConversionProbability = markov.ConversionProbability,
            };
        }

        var table = Table(model, Shapley(model));
        return model.Kind == AttributionModelKind.ShapleyOrdered ? table with { Positions = ShapleyAttribution.Ordered(Paths().ToPaths()) } : table;
    }

    private IReadOnlyList<ChannelCredit> Heuristic(AttributionModel model, HeuristicModel heuristic)
    {
        if (onePass)
        {
            return Pass(model).ByModel[heuristic];
        }

        var halfLife = TimeSpan.FromDays(model.HalfLifeDays);
        return input.Journeys switch
        {
            null => HeuristicPass.Paths(input.Paths, [heuristic]).ByModel[heuristic],
            { } journeys when by == AttributionDimension.Campaign => HeuristicAttribution.ByCampaign(journeys, heuristic, halfLife),
            { } journeys => HeuristicAttribution.ByChannel(journeys, heuristic, halfLife),
        };
    }

    // Journeys: each converted journey split over its distinct keys (as the one pass does); a path table: each path.
    private IReadOnlyList<ChannelCredit> Shapley(AttributionModel model)
    {
        if (onePass)
        {
            return Pass(model).Shapley;
        }

        return input.Journeys is { } journeys
            ? HeuristicPass.Journeys(journeys, [], TouchWeights.DefaultHalfLife, Key).Shapley
            : HeuristicPass.Paths(input.Paths, []).Shapley;
    }

    private HeuristicCredits Pass(AttributionModel model)
    {
        if (!_passes.TryGetValue(model.HalfLifeDays, out var pass))
        {
            var halfLife = TimeSpan.FromDays(model.HalfLifeDays);
            pass = input.Journeys switch
            {
                null => HeuristicAttribution.AllByPaths(input.Paths),
                { } journeys when by == AttributionDimension.Campaign => HeuristicAttribution.AllByCampaign(journeys, halfLife),
                { } journeys => HeuristicAttribution.AllByChannel(journeys, halfLife),
            };
            _passes.Add(model.HalfLifeDays, pass);
        }

        return pass;
    }

    private string Key(Touch touch) => by == AttributionDimension.Campaign ? CampaignKey(touch) : touch.Channel;

    // The channel paths, or the journeys' paths with each touch's campaign in place of its channel.
    private PathTableColumns Paths()
    {
        if (by == AttributionDimension.Channel)
        {
            return input.Paths;
        }

        return _campaignPaths ??= PathTable.AggregateColumns(input.Journeys!.Select(j => j with
        {
            Touches = [.. j.Touches.Select(t => t with { Channel = CampaignKey(t) })],
        }));
    }

    private static string CampaignKey(Touch touch) => string.IsNullOrWhiteSpace(touch.Campaign) ? HeuristicAttribution.NoCampaign : touch.Campaign;

    private CreditTable Table(AttributionModel model, IReadOnlyList<ChannelCredit> credits)
    {
        // Totals from the input, not the credits: a row sum that fell short would show as a gap.
        var (conversions, value) = (input.Conversions, input.Value);
        var rows = credits
            .Select(c => new CreditRow(c.Channel, c.Conversions, c.Value, CreditReport.Share(c.Conversions, conversions), CreditReport.Share(c.Value, value)))
            .OrderByDescending(r => r.Conversions).ThenByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return new CreditTable(model.Name, by, rows, conversions, value, input.UntouchedConversions, input.UntouchedValue);
    }
}

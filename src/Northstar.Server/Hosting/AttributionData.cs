using Northstar.Core.Attribution.Journeys;
using Northstar.Core.Attribution.Reports;
using Northstar.Core.Facts;
using Northstar.Core.Metrics;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Server.Hosting;

/// <summary>
/// What the channels and attribution pages read (kept by <see cref="WorkspaceEngines.Attribution"/>): the journeys to new customers and to won deals in
/// a period, built together from one read of the touches (as <c>northstar attribution economics</c>
/// does), with the workspace's attribution settings.
/// </summary>
public sealed class AttributionData
{
    private AttributionData(AttributionConfig config, AttributionInput customers, AttributionInput won)
    {
        Config = config;
        Customers = customers;
        Won = won;
    }

    public AttributionConfig Config { get; }

    /// <summary>Journeys to contacts becoming customers in the period.</summary>
    public AttributionInput Customers { get; }

    /// <summary>Journeys to deals won in the period (valued by amount).</summary>
    public AttributionInput Won { get; }

    /// <summary>Builds both journey sets for the period with the workspace's attribution settings (<see cref="AttributionSettings.Load"/>).</summary>
    public static AttributionData Build(IFactStore store, AttributionConfig config, Workspace workspace, DateRange period)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(config);
        var sets = JourneyBuilder.Build(store, workspace, [config.Journeys(ConversionGoal.Entered(Stage.Customer), period), config.Journeys(ConversionGoal.Won, period)]);
        return new AttributionData(config, Input(sets[0]), Input(sets[1]));
    }

    /// <summary>The model named (any of <see cref="AttributionModel.Names"/>, markov_2...), or null with the reason.</summary>
    public AttributionModel? Model(string? name, out string? error)
    {
        var template = Config.Model(AttributionModelKind.Markov);
        if (AttributionModel.TryParse(string.IsNullOrWhiteSpace(name) ? "linear" : name, template, out var model, out var problem))
        {
            error = null;
            return model;
        }

        error = problem;
        return null;
    }

    private static AttributionInput Input(JourneySet set) => AttributionInput.FromJourneys(set.Journeys, set.UntouchedConversions, set.UntouchedValue);
}

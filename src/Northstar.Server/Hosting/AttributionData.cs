using Northstar.Core.Attribution.Reports;

namespace Northstar.Server.Hosting;

/// <summary>
/// What the channels and attribution pages read (<see cref="WorkspaceEngines.Attribution"/>, from its kept journeys): the journeys to new customers and to won deals in
/// a period, built together from one read of the touches (as <c>northstar attribution economics</c>
/// does), with the workspace's attribution settings.
/// </summary>
public sealed class AttributionData
{
    internal AttributionData(AttributionConfig config, AttributionInput customers, AttributionInput won)
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
}

namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// The one entry point over every model: credits by channel or campaign for a model, on
/// journeys or on a path table. Heuristic models run on the journeys (touch times, lead and
/// opportunity touches, campaigns) or, for the five that need none of those, on the paths;
/// Markov runs on the paths (by campaign: paths of the touches' campaigns); Shapley splits each
/// converted journey (or path) over its distinct channels. Several models at once:
/// <see cref="ModelComparisonReport.Compare"/>, which shares one pass between them.
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

        return CreditEngine.For(input, [model], by).Compute(model);
    }

    internal static double Share(double part, double total) => total > 0 ? part / total : 0;
}

using System.Globalization;
using Northstar.Core.Attribution.Heuristics;
using Northstar.Core.Attribution.Markov;
using Northstar.Core.Facts;

namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// One model with its settings, as the reports run it. Written as the CLI takes it:
/// <c>first</c>, <c>last</c>, <c>last_non_direct</c>, <c>linear</c>, <c>time_decay</c>,
/// <c>position</c>, <c>w_shaped</c>, <c>full_path</c>, <c>markov</c> (or <c>markov_2</c> for
/// a given order), <c>shapley</c>, <c>shapley_ordered</c>.
/// </summary>
/// <param name="Kind">Which model.</param>
/// <param name="Order">Markov order, 1 to <see cref="MaxOrder"/>.</param>
/// <param name="IncludeNulls">Markov: count the non-converting journeys.</param>
/// <param name="CollapseRepeats">Markov: merge consecutive repeats of a channel.</param>
/// <param name="HalfLifeDays">Time decay: the half-life in days.</param>
public sealed record AttributionModel(
    AttributionModelKind Kind,
    int Order = 1,
    bool IncludeNulls = true,
    bool CollapseRepeats = true,
    double HalfLifeDays = 7)
{
    /// <summary>The highest Markov order the reports run.</summary>
    public const int MaxOrder = 3;

    /// <summary>The names <see cref="TryParse"/> knows, in the order the help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = SnakeCaseNames<AttributionModelKind>.All;

    /// <summary>The CLI name: the kind's snake_case name; a Markov model of order 2 or 3 is <c>markov_2</c>, <c>markov_3</c>.</summary>
    public string Name => Kind == AttributionModelKind.Markov && Order != 1
        ? string.Create(CultureInfo.InvariantCulture, $"markov_{Order}")
        : SnakeCaseNames<AttributionModelKind>.Name(Kind);

    /// <summary>True for the models a path table can drive; the others need touch times or lead/opportunity touches.</summary>
    public bool RunsOnPaths => Kind is not (AttributionModelKind.TimeDecay or AttributionModelKind.WShaped or AttributionModelKind.FullPath);

    /// <summary>The heuristic model behind this one, or null for Markov and Shapley.</summary>
    public HeuristicModel? Heuristic => Kind switch
    {
        AttributionModelKind.First => HeuristicModel.FirstTouch,
        AttributionModelKind.Last => HeuristicModel.LastTouch,
        AttributionModelKind.LastNonDirect => HeuristicModel.LastNonDirectTouch,
        AttributionModelKind.Linear => HeuristicModel.Linear,
        AttributionModelKind.TimeDecay => HeuristicModel.TimeDecay,
        AttributionModelKind.Position => HeuristicModel.PositionBased,
        AttributionModelKind.WShaped => HeuristicModel.WShaped,
        AttributionModelKind.FullPath => HeuristicModel.FullPath,
        _ => null,
    };

    /// <summary>The Markov chain's options.</summary>
    public MarkovOptions Markov => new(Order, CollapseRepeats, IncludeNulls);

    /// <summary>
    /// Parses a model name; the order, null and repeat settings come from <paramref name="template"/>
    /// (a <c>markov_k</c> name sets the order). False with <paramref name="error"/> naming the
    /// choices when the name is unknown or the order is outside 1 to <see cref="MaxOrder"/>.
    /// </summary>
    public static bool TryParse(string text, AttributionModel template, out AttributionModel model, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(template);
        model = template;
        error = "";
        var name = text.Trim().ToLowerInvariant();
        var order = template.Order;
        if (name.StartsWith("markov_", StringComparison.Ordinal) && int.TryParse(name["markov_".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var k))
        {
            (name, order) = ("markov", k);
        }

        if (!SnakeCaseNames<AttributionModelKind>.TryParse(name, out var kind))
        {
            error = $"unknown model '{text}': expected one of {string.Join(", ", Names)} (markov_2, markov_3 for a Markov order)";
            return false;
        }

        if (kind == AttributionModelKind.Markov && order is < 1 or > MaxOrder)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"Markov order {order} is outside 1-{MaxOrder}");
            return false;
        }

        model = template with { Kind = kind, Order = order };
        return true;
    }

    /// <summary>The CLI name.</summary>
    public override string ToString() => Name;
}

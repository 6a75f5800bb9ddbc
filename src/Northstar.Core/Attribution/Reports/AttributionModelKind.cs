namespace Northstar.Core.Attribution.Reports;

/// <summary>Every attribution model the reports run, by the name the CLI takes (<see cref="AttributionModel.Name"/>).</summary>
public enum AttributionModelKind
{
    /// <summary><c>first</c>: all credit to the first touch.</summary>
    First,

    /// <summary><c>last</c>: all credit to the last touch.</summary>
    Last,

    /// <summary><c>last_non_direct</c>: all credit to the last touch that is not direct.</summary>
    LastNonDirect,

    /// <summary><c>linear</c>: equal credit to every touch.</summary>
    Linear,

    /// <summary><c>time_decay</c>: recent touches weigh more (half-life setting); needs touch times.</summary>
    TimeDecay,

    /// <summary><c>position</c>: U-shaped, 40% first, 40% last, 20% over the middle.</summary>
    Position,

    /// <summary><c>w_shaped</c>: 30% first, lead creation and opportunity creation, 10% the rest; needs journeys.</summary>
    WShaped,

    /// <summary><c>full_path</c>: 22.5% first, lead, opportunity and close, 10% the rest; needs journeys.</summary>
    FullPath,

    /// <summary><c>markov</c>: removal effects of the Markov chain (order 1-3), computed exactly.</summary>
    Markov,

    /// <summary><c>shapley</c>: simplified Shapley values (equal split over a path's distinct channels).</summary>
    Shapley,

    /// <summary><c>shapley_ordered</c>: the same credits, kept apart by the position a channel first appears at.</summary>
    ShapleyOrdered,
}

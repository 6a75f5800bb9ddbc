namespace Northstar.Core.Planning;

/// <summary>How a plan spreads its period's counts over months.</summary>
public enum PlanSplitMode
{
    /// <summary>Every whole month the same share (<see cref="TargetSplit.Even"/>).</summary>
    Even,

    /// <summary>Months weighted by the seasonality of history (<see cref="Seasonality"/>).</summary>
    Seasonal,
}

namespace Northstar.Core.Attribution.Journeys;

/// <summary>What ends a journey (<see cref="ConversionGoal"/>).</summary>
public enum ConversionKind
{
    /// <summary>The contact entered a lifecycle stage (lead, MQL, SQL, opportunity, customer...).</summary>
    Stage,

    /// <summary>A deal was created (pipeline): one conversion per deal, its amount the value.</summary>
    DealCreated,

    /// <summary>A deal was won: one conversion per won deal, its amount the value.</summary>
    DealWon,
}

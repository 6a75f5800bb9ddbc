namespace Northstar.Core.Metrics.Kpis;

/// <summary>How <see cref="DealAggregateKpi"/> combines its deals.</summary>
internal enum DealAggregate
{
    Mean,
    Median,

    /// <summary>Sum of the values / sum of the denominators.</summary>
    RatioOfSums,
}

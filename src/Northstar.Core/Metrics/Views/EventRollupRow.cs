using Northstar.Core.Facts;

namespace Northstar.Core.Metrics.Views;

/// <summary>
/// One row of the daily event rollup: the events of one type, on one day (in the workspace's
/// time zone), with the same dimension values.
/// </summary>
/// <param name="Day">The local day of the events' timestamps.</param>
/// <param name="Type">The event type.</param>
/// <param name="Dims">The dimension values the events share.</param>
/// <param name="Count">How many events.</param>
/// <param name="Value">The sum of their <c>value</c> column (events without one add nothing).</param>
public sealed record EventRollupRow(DateOnly Day, EventType Type, EventDims Dims, long Count, decimal Value);

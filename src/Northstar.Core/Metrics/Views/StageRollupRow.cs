namespace Northstar.Core.Metrics.Views;

/// <summary>
/// One row of the stage rollup: the contacts with the same values that reached one moment of
/// their lifecycle (entering a stage, being first known) on one local day.
/// </summary>
/// <param name="Day">The local day of the moment.</param>
/// <param name="Moment">Which moment.</param>
/// <param name="Dims">The values the contacts share.</param>
/// <param name="Count">How many contacts (each counted once: a lifecycle has one time per moment).</param>
public sealed record StageRollupRow(DateOnly Day, ContactMoment Moment, ContactDims Dims, long Count);

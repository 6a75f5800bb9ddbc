namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// Sourced against influenced pipeline per channel. Sourced adds up: the rows' sourced
/// pipeline plus <see cref="UntouchedPipeline"/> is <see cref="Pipeline"/>. Influenced does
/// not: a deal touched by three channels counts in full for each of them.
/// </summary>
/// <param name="Rows">Most sourced pipeline first, then most influenced, then by channel.</param>
/// <param name="Deals">Deals created in the period, untouched ones included.</param>
/// <param name="Pipeline">Their amount.</param>
/// <param name="UntouchedDeals">Deals without a touch in the look-back window.</param>
/// <param name="UntouchedPipeline">Their amount.</param>
public sealed record PipelineTable(IReadOnlyList<PipelineRow> Rows, long Deals, double Pipeline, long UntouchedDeals, double UntouchedPipeline);

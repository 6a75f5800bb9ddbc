namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// Sourced against influenced pipeline per channel. Sourced adds up: the rows' sourced pipeline
/// plus <see cref="UnsourcedPipeline"/> is <see cref="Pipeline"/>, and each row's sourced
/// pipeline is the <c>pipeline_created</c> KPI of that channel. Influenced does not: a deal
/// touched by three channels counts in full for each of them, and a channel may source deals
/// whose first touch lies before the look-back window (influenced below sourced).
/// </summary>
/// <param name="Rows">Most sourced pipeline first, then most influenced, then by channel.</param>
/// <param name="Deals">Deals created in the period.</param>
/// <param name="Pipeline">Their amount (the <c>pipeline_created</c> KPI).</param>
/// <param name="UnsourcedDeals">Deals without a known source: no contact, or a contact with neither a touch nor a channel on its row.</param>
/// <param name="UnsourcedPipeline">Their amount.</param>
/// <param name="UntouchedDeals">Deals without a touch in the look-back window: influenced by no channel.</param>
/// <param name="UntouchedPipeline">Their amount.</param>
public sealed record PipelineTable(
    IReadOnlyList<PipelineRow> Rows,
    long Deals,
    double Pipeline,
    long UnsourcedDeals,
    double UnsourcedPipeline,
    long UntouchedDeals,
    double UntouchedPipeline);

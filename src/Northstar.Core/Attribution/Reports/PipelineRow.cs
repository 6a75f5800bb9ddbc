namespace Northstar.Core.Attribution.Reports;

/// <summary>
/// One channel's pipeline: sourced (deals whose contact's original source is the channel, their
/// whole amount) and influenced (deals whose look-back journey touched the channel, their whole amount).
/// </summary>
/// <param name="Channel">The channel.</param>
/// <param name="SourcedDeals">Deals the channel sourced.</param>
/// <param name="SourcedPipeline">Their amount: the channel's <c>pipeline_created</c> by channel.</param>
/// <param name="InfluencedDeals">Deals with a touch of the channel in their journey.</param>
/// <param name="InfluencedPipeline">Their amount, each deal in full.</param>
/// <param name="SourcedShare">Sourced pipeline as a share of all pipeline (the shares of all channels and the unsourced add up to 1).</param>
/// <param name="InfluencedShare">Influenced pipeline as a share of all pipeline (these do not add up: a deal counts for every channel it touched).</param>
public sealed record PipelineRow(
    string Channel,
    long SourcedDeals,
    double SourcedPipeline,
    long InfluencedDeals,
    double InfluencedPipeline,
    double SourcedShare,
    double InfluencedShare);

using Northstar.Core.Attribution.Reports;

namespace Northstar.Server.Api;

/// <summary>The answer of <c>GET attribution/pipeline</c> (as <c>attribution pipeline --format json</c>).</summary>
/// <param name="Scope">What was attributed: the source, deal_created, the period, the lookback.</param>
/// <param name="Pipeline">Sourced and influenced pipeline per channel.</param>
public sealed record PipelineAnswer(AttributionScope Scope, PipelineTable Pipeline);

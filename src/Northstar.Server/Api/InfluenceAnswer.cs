using Northstar.Core.Attribution.Reports;

namespace Northstar.Server.Api;

/// <summary>The answer of <c>GET attribution/influence</c> (as <c>attribution influence --format json</c>).</summary>
/// <param name="Scope">What was attributed: the source, MQLs and won deals, the period, the lookback.</param>
/// <param name="Influence">Each channel's share of MQLs next to its share of won revenue.</param>
public sealed record InfluenceAnswer(AttributionScope Scope, InfluenceTable Influence);

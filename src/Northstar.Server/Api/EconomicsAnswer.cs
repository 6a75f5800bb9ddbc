using Northstar.Core.Attribution.Reports;

namespace Northstar.Server.Api;

/// <summary>The answer of <c>GET attribution/economics</c> (as <c>attribution economics --format json</c>).</summary>
/// <param name="Scope">What was attributed: the source, customers and won deals, the period, the lookback.</param>
/// <param name="Economics">ROI, ROAS and CAC per channel under the model.</param>
public sealed record EconomicsAnswer(AttributionScope Scope, EconomicsTable Economics);

using System.Text.Json.Serialization;
using Northstar.Core.Attribution.Reports;

namespace Northstar.Server.Api;

/// <summary>
/// The answer of <c>GET attribution</c> (as <c>attribution --format json</c>): the credits of one
/// model, or the models side by side when <c>compare</c> names several; the other is left out.
/// </summary>
/// <param name="Scope">What was attributed: the source, the conversion, the period, the lookback.</param>
/// <param name="Credits">The one model's credit table (absent when comparing).</param>
/// <param name="Comparison">The models side by side (absent for one model).</param>
public sealed record AttributionAnswer(
    AttributionScope Scope,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CreditTable? Credits,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ModelComparison? Comparison);

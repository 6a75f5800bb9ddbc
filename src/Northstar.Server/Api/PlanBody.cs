using System.Text.Json.Serialization;

namespace Northstar.Server.Api;

/// <summary>The body of <c>POST plan</c> and <c>PUT plan</c>: what <c>northstar plan</c>'s options take.</summary>
/// <param name="Revenue">The new-revenue goal of the period, e.g. 10000000.</param>
/// <param name="DealSize">Average new-customer revenue; from history (average_deal_size) when left out.</param>
/// <param name="Rates">Five rates, sessions->leads, leads->MQLs, MQLs->SQLs, SQLs->opportunities, opportunities->customers, e.g. "1.5%,20%,20%,40%,50%" (_ takes one from history; all from history when left out).</param>
/// <param name="Period">The plan's period: FY2026, 2026, 2026-H1, 2026-Q3, 2026-07 (default this-year).</param>
/// <param name="Split">even (default) or seasonal (month weights from the look-back's sessions).</param>
/// <param name="Lookback">History to read: 12m (default), 6m, or a period such as 2025.</param>
/// <param name="ByChannel">Also plan per channel.</param>
/// <param name="ForwardSessions">Planned sessions a month: run the funnel forwards and list the rate improvements that close the gap.</param>
/// <param name="RateBasis">period (default) or cohort.</param>
public sealed record PlanBody(
    [property: JsonPropertyName("revenue")] decimal? Revenue,
    [property: JsonPropertyName("deal_size")] decimal? DealSize = null,
    [property: JsonPropertyName("rates")] string? Rates = null,
    [property: JsonPropertyName("period")] string? Period = null,
    [property: JsonPropertyName("split")] string? Split = null,
    [property: JsonPropertyName("lookback")] string? Lookback = null,
    [property: JsonPropertyName("by_channel")] bool ByChannel = false,
    [property: JsonPropertyName("forward_sessions")] double? ForwardSessions = null,
    [property: JsonPropertyName("rate_basis")] string? RateBasis = null);

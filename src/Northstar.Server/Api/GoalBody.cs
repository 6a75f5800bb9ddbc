using System.Text.Json.Serialization;

namespace Northstar.Server.Api;

/// <summary>The body of <c>PUT goals/{id}</c>: what <c>goal set</c> takes.</summary>
/// <param name="Kpi">The KPI id, built-in or custom.</param>
/// <param name="Target">The value to reach by the period's end, above 0 (a ceiling for a KPI where lower is better).</param>
/// <param name="Period">2026, FY2026, 2026-H2, 2026-Q3, FY2026-Q1, 2026-07, this-year, ...</param>
/// <param name="Owner">Who answers for it.</param>
/// <param name="Description">What the goal is, in a sentence.</param>
/// <param name="BusinessGoal">The business goal it serves.</param>
/// <param name="Parent">The goal this one rolls up into.</param>
/// <param name="SubMetrics">KPIs watched under the goal's KPI (at most two advised).</param>
/// <param name="Split">even (default) or seasonal (by the KPI's months in the year before).</param>
/// <param name="MonthWeights">Twelve month weights, January first (a seasonal split typed in).</param>
public sealed record GoalBody(
    [property: JsonPropertyName("kpi")] string? Kpi,
    [property: JsonPropertyName("target")] double? Target,
    [property: JsonPropertyName("period")] string? Period,
    [property: JsonPropertyName("owner")] string? Owner = null,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("business_goal")] string? BusinessGoal = null,
    [property: JsonPropertyName("parent")] string? Parent = null,
    [property: JsonPropertyName("sub_metrics")] IReadOnlyList<string>? SubMetrics = null,
    [property: JsonPropertyName("split")] string? Split = null,
    [property: JsonPropertyName("month_weights")] IReadOnlyList<double>? MonthWeights = null);

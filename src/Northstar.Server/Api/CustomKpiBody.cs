using System.Text.Json.Serialization;

namespace Northstar.Server.Api;

/// <summary>The body of <c>PUT custom-kpis/{id}</c>: what <c>kpi define</c> takes.</summary>
/// <param name="Formula">e.g. <c>spend[channel = "paid_search"] / meetings_booked</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Unit">count, money, ratio, days or score: the unit the formula gives.</param>
/// <param name="Direction">up (higher is better), down or neutral.</param>
/// <param name="Description">One line saying what it measures (default: the formula).</param>
public sealed record CustomKpiBody(
    [property: JsonPropertyName("formula")] string? Formula,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("unit")] string? Unit,
    [property: JsonPropertyName("direction")] string? Direction,
    [property: JsonPropertyName("description")] string? Description);

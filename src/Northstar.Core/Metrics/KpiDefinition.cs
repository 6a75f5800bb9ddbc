namespace Northstar.Core.Metrics;

/// <summary>
/// What a KPI is, as the catalogue (KPIS.md), the UI and the API show it.
/// </summary>
/// <param name="Id">Stable snake_case id, e.g. <c>cost_per_lead</c>.</param>
/// <param name="Name">Display name, e.g. "Cost per lead".</param>
/// <param name="Unit">What the number measures.</param>
/// <param name="Direction">Whether up is good.</param>
/// <param name="Definition">One line saying exactly how it is computed, including any choice made.</param>
/// <param name="Dimensions">The dimensions it can be broken down and filtered by (ids of <see cref="Metrics.Dimensions"/>).</param>
public sealed record KpiDefinition(
    string Id,
    string Name,
    KpiUnit Unit,
    KpiDirection Direction,
    string Definition,
    IReadOnlyList<string> Dimensions)
{
    /// <summary>The formula of a custom KPI (null for a built-in one).</summary>
    public string? Formula { get; init; }

    /// <summary>True for a KPI a user defined.</summary>
    public bool IsCustom => Formula is not null;
}

using Northstar.Core.Workspaces;

namespace Northstar.Core.Metrics;

/// <summary>
/// Where a workspace keeps its custom KPIs and its metric settings (brand, fiscal year start,
/// cohort window...). Implemented by every store next to <see cref="Storage.IFactStore"/>.
/// </summary>
public interface ICustomKpiStore
{
    /// <summary>The workspace's custom KPIs (each with its <see cref="KpiDefinition.Formula"/>), by id.</summary>
    IReadOnlyList<KpiDefinition> ListCustomKpis(Workspace workspace);

    /// <summary>Saves a custom KPI, replacing one of the same id.</summary>
    void SaveCustomKpi(Workspace workspace, KpiDefinition kpi);

    /// <summary>Deletes a custom KPI; false when there was none of that id.</summary>
    bool DeleteCustomKpi(Workspace workspace, string id);

    /// <summary>A workspace setting (null when not set). Keys are snake_case, e.g. <c>brand</c>, <c>fiscal_year_start_month</c>.</summary>
    string? GetSetting(Workspace workspace, string key);

    /// <summary>Sets a workspace setting; null removes it.</summary>
    void SetSetting(Workspace workspace, string key, string? value);
}

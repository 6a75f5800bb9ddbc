using Northstar.Core.Metrics;
using Northstar.Core.Workspaces;

namespace Northstar.Testing;

/// <summary>Custom KPIs and settings, kept per workspace in dictionaries.</summary>
public sealed partial class InMemoryFactStore : ICustomKpiStore
{
    private readonly Dictionary<(long Workspace, string Id), KpiDefinition> _kpis = [];
    private readonly Dictionary<(long Workspace, string Key), string> _settings = [];

    public IReadOnlyList<KpiDefinition> ListCustomKpis(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_lock)
        {
            return [.. _kpis.Where(p => p.Key.Workspace == workspace.Id).OrderBy(p => p.Key.Id, StringComparer.Ordinal).Select(p => p.Value)];
        }
    }

    public void SaveCustomKpi(Workspace workspace, KpiDefinition kpi)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(kpi);
        if (kpi.Formula is null)
        {
            throw new ArgumentException("A custom KPI needs a formula.", nameof(kpi));
        }

        lock (_lock)
        {
            _kpis[(workspace.Id, kpi.Id)] = kpi with { Dimensions = [] };
        }
    }

    public bool DeleteCustomKpi(Workspace workspace, string id)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_lock)
        {
            return _kpis.Remove((workspace.Id, id));
        }
    }

    public string? GetSetting(Workspace workspace, string key)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_lock)
        {
            return _settings.GetValueOrDefault((workspace.Id, key));
        }
    }

    public void SetSetting(Workspace workspace, string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_lock)
        {
            if (value is null)
            {
                _settings.Remove((workspace.Id, key));
            }
            else
            {
                _settings[(workspace.Id, key)] = value;
            }
        }
    }
}

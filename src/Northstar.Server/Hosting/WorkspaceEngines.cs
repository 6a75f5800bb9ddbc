using Northstar.Core.Metrics;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Server.Hosting;

/// <summary>
/// The metrics engine of a workspace, with its settings and custom KPIs as they are now: what
/// the API and the dashboard compute KPIs with (the CLI's kpi command builds the same).
/// </summary>
public sealed class WorkspaceEngines(IFactStore store, ICustomKpiStore custom, TimeProvider time)
{
    /// <summary>A new engine for the workspace (settings and custom KPIs read now).</summary>
    public MetricsEngine For(Workspace workspace)
    {
        var options = MetricSettings.Load(custom, workspace);
        return new MetricsEngine(store, workspace, options, time, custom.ListCustomKpis(workspace));
    }
}

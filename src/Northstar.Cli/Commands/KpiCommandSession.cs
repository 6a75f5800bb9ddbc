using Northstar.Core.Metrics;
using Northstar.Core.Storage;
using Northstar.Core.Workspaces;

namespace Northstar.Cli.Commands;

/// <summary>
/// What the kpi, report and settings commands work on: the opened store, the workspace and one
/// <see cref="MetricsEngine"/> with the workspace's settings and custom KPIs.
/// </summary>
internal sealed class KpiCommandSession : IDisposable
{
    private KpiCommandSession(IFactStore store, Workspace workspace, MetricsEngine engine)
    {
        Store = store;
        Workspace = workspace;
        Engine = engine;
    }

    public IFactStore Store { get; }

    public Workspace Workspace { get; }

    public MetricsEngine Engine { get; }

    /// <summary>Where custom KPIs and settings live; null while the store does not keep them.</summary>
    public ICustomKpiStore? Custom => Store as ICustomKpiStore;

    /// <summary>The session, or null with the error printed (no database, no workspace, a broken custom KPI).</summary>
    public static KpiCommandSession? Open(string db, string workspaceName, CliContext context)
    {
        if (!StoreAccess.Exists(db))
        {
            context.Error.WriteLine($"error: no database at '{db}'. Run 'northstar demo' or 'northstar import' first.");
            return null;
        }

        var store = StoreAccess.Open(db);
        try
        {
            var workspace = StoreAccess.Existing(store, workspaceName, context);
            if (workspace is null)
            {
                store.Dispose();
                return null;
            }

            var custom = store as ICustomKpiStore;
            var options = custom is null ? new MetricOptions() : MetricSettings.Load(custom, workspace);
            var kpis = custom?.ListCustomKpis(workspace) ?? [];
            return new KpiCommandSession(store, workspace, new MetricsEngine(store, workspace, options, TimeProvider.System, kpis));
        }
        catch (InvalidOperationException e)
        {
            // A saved custom KPI whose formula no longer parses (a measure was renamed): say which, so it can be undefined.
            var hint = e.Message.StartsWith("Custom KPI", StringComparison.Ordinal) ? " (northstar kpi undefine <id> removes it)" : "";
            context.Error.WriteLine($"error: {e.Message}{hint}.");
            store.Dispose();
            return null;
        }
    }

    /// <summary>The store's custom KPI and settings table, or null with an error printed.</summary>
    public ICustomKpiStore? RequireCustom(CliContext context)
    {
        if (Custom is null)
        {
            context.Error.WriteLine("error: this database cannot keep custom KPIs or settings yet.");
        }

        return Custom;
    }

    public void Dispose() => Store.Dispose();
}

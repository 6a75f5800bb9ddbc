using Northstar.Core.Metrics;
using Northstar.Core.Workspaces;

namespace Northstar.Core.Planning;

/// <summary>
/// The one current plan of a workspace, kept as JSON under the setting <see cref="Key"/>. The key
/// is not in <see cref="MetricSettings.All"/>, so <c>settings set plan ...</c> refuses it rather
/// than storing text the report could not read.
/// </summary>
public static class SavedPlans
{
    /// <summary>The settings key the plan is kept under.</summary>
    public const string Key = "plan";

    /// <summary>Keeps <paramref name="plan"/> as the workspace's plan, replacing any before it.</summary>
    public static void Save(ICustomKpiStore store, Workspace workspace, SavedPlan plan)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.SetSetting(workspace, Key, SavedPlanJson.Write(plan));
    }

    /// <summary>The saved plan, or null (with <paramref name="error"/> set when one is kept but cannot be read).</summary>
    public static SavedPlan? Load(ICustomKpiStore store, Workspace workspace, out string? error)
    {
        ArgumentNullException.ThrowIfNull(store);
        error = null;
        return store.GetSetting(workspace, Key) is { Length: > 0 } json ? SavedPlanJson.Read(json, out error) : null;
    }

    /// <summary>Removes the workspace's plan; false when there was none.</summary>
    public static bool Clear(ICustomKpiStore store, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(store);
        var had = store.GetSetting(workspace, Key) is not null;
        store.SetSetting(workspace, Key, null);
        return had;
    }
}

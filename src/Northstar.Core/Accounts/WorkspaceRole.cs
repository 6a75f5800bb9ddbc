namespace Northstar.Core.Accounts;

/// <summary>What a user may do in one workspace; each role includes the ones below it.</summary>
public enum WorkspaceRole
{
    /// <summary>Reads KPIs, reports, attribution and the dashboard.</summary>
    Viewer = 1,

    /// <summary>Also defines custom KPIs, sets goals and plans, imports data.</summary>
    Editor = 2,

    /// <summary>Also manages the workspace's users, write keys and settings.</summary>
    Admin = 3,
}

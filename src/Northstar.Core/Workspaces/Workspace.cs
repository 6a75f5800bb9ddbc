namespace Northstar.Core.Workspaces;

/// <summary>
/// A tenant: every fact belongs to exactly one workspace and no read crosses between them.
/// </summary>
/// <param name="Id">The store's id of the workspace.</param>
/// <param name="Name">The name users type (<c>--workspace</c>).</param>
/// <param name="TimeZone">IANA zone for timestamps without an offset; UTC by default.</param>
public sealed record Workspace(long Id, string Name, string TimeZone = "UTC")
{
    /// <summary>The workspace used when none is named.</summary>
    public const string DefaultName = "default";
}

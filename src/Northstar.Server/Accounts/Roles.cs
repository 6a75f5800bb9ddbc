using Northstar.Core.Accounts;
using Northstar.Core.Facts;

namespace Northstar.Server.Accounts;

/// <summary>Roles as the API writes them: snake_case names (viewer, editor, admin).</summary>
internal static class Roles
{
    public static string Name(WorkspaceRole role) => SnakeCaseNames<WorkspaceRole>.Name(role);

    public static WorkspaceRole? Parse(string? text) =>
        text is not null && SnakeCaseNames<WorkspaceRole>.TryParse(text, out var role) ? role : null;
}

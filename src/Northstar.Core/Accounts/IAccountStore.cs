using Northstar.Core.Workspaces;

namespace Northstar.Core.Accounts;

/// <summary>
/// Users, their roles per workspace, API tokens and tracking write keys. Implemented by every
/// store next to <see cref="Storage.IFactStore"/>. Nothing here holds a password or a token in
/// plain text.
/// </summary>
public interface IAccountStore
{
    /// <summary>Creates a user; <see cref="InvalidOperationException"/> when the name is taken (case-insensitively).</summary>
    UserAccount CreateUser(string name, string passwordHash);

    /// <summary>The user of that login name (case-insensitive), or null.</summary>
    UserAccount? FindUser(string name);

    /// <summary>The user of that id, or null.</summary>
    UserAccount? GetUser(long id);

    /// <summary>Every user, by name.</summary>
    IReadOnlyList<UserAccount> ListUsers();

    /// <summary>Replaces a user's password hash (a rehash on login, a password change).</summary>
    void SetPasswordHash(long userId, string passwordHash);

    /// <summary>Deletes a user with its memberships and tokens; false when there was none.</summary>
    bool DeleteUser(long userId);

    /// <summary>Gives the user that role in the workspace; null removes the membership (and the user's tokens there).</summary>
    void SetRole(long userId, Workspace workspace, WorkspaceRole? role);

    /// <summary>The user's role in the workspace, or null when not a member.</summary>
    WorkspaceRole? GetRole(long userId, long workspaceId);

    /// <summary>The user's workspaces with the role in each, by workspace name.</summary>
    IReadOnlyList<Membership> ListMemberships(long userId);

    /// <summary>The workspace's members with their roles, by user name.</summary>
    IReadOnlyList<Membership> ListMembers(Workspace workspace);

    /// <summary>Stores a new API token (its secret's SHA-256 hash, hex) for the user in the workspace.</summary>
    ApiToken CreateApiToken(long userId, Workspace workspace, string name, string prefix, string secretHash, WorkspaceRole role);

    /// <summary>The token whose secret hashes to <paramref name="secretHash"/>, or null.</summary>
    ApiToken? FindApiToken(string secretHash);

    /// <summary>The workspace's API tokens, by name.</summary>
    IReadOnlyList<ApiToken> ListApiTokens(Workspace workspace);

    /// <summary>Deletes one of the workspace's tokens; false when it has none of that id.</summary>
    bool DeleteApiToken(Workspace workspace, long tokenId);

    /// <summary>Stores a new write key for the workspace.</summary>
    WriteKey CreateWriteKey(Workspace workspace, string name, string key);

    /// <summary>The key (revoked or not), or null.</summary>
    WriteKey? FindWriteKey(string key);

    /// <summary>The workspace's write keys, revoked ones included, by creation.</summary>
    IReadOnlyList<WriteKey> ListWriteKeys(Workspace workspace);

    /// <summary>Revokes one of the workspace's write keys; false when it has none of that id.</summary>
    bool RevokeWriteKey(Workspace workspace, long writeKeyId);
}

using Microsoft.Data.Sqlite;
using Northstar.Core.Accounts;
using Northstar.Core.Facts;
using Northstar.Core.Workspaces;
using Northstar.Storage.Sqlite.Accounts;
using Northstar.Storage.Sqlite.Sql;

namespace Northstar.Storage.Sqlite;

/// <summary>
/// Users, memberships, API tokens and write keys (schema step V4). Names are unique without
/// regard to case (<c>COLLATE NOCASE</c>); roles are TEXT snake_case; times unix microseconds.
/// A user's deletion takes its memberships and tokens with it, and leaving a workspace takes
/// the user's tokens of that workspace, in the same transaction.
/// </summary>
public sealed partial class SqliteFactStore : IAccountStore
{
    /// <summary>The clock that stamps new users, tokens and keys and revocations (the server sets its own).</summary>
    public TimeProvider AccountClock { get; set; } = TimeProvider.System;

    public UserAccount CreateUser(string name, string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        var now = AccountNow();
        try
        {
            var id = InsertReturningId(
                "INSERT INTO users(name, password_hash, created_at) VALUES ($name, $hash, $at) RETURNING id",
                ("$name", name), ("$hash", passwordHash), ("$at", StoreValues.ToMicros(now)));
            return new UserAccount(id, name, passwordHash, now);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new InvalidOperationException($"There is already a user named '{name}'.", e);
        }
    }

    public UserAccount? FindUser(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return AccountRows.Users(this, $"{AccountRows.UserSelect} WHERE name = $name", ("$name", name)).SingleOrDefault();
    }

    public UserAccount? GetUser(long id) =>
        AccountRows.Users(this, $"{AccountRows.UserSelect} WHERE id = $id", ("$id", id)).SingleOrDefault();

    public IReadOnlyList<UserAccount> ListUsers() =>
        AccountRows.Users(this, $"{AccountRows.UserSelect} ORDER BY name");

    public void SetPasswordHash(long userId, string passwordHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        if (Execute("UPDATE users SET password_hash = $hash WHERE id = $id", ("$hash", passwordHash), ("$id", userId)) == 0)
        {
            throw new InvalidOperationException($"There is no user {userId}.");
        }
    }

    public bool DeleteUser(long userId)
    {
        using var connection = OpenConnection();
        using var tx = connection.BeginTransaction(deferred: false);
        Run(connection, "DELETE FROM api_tokens WHERE user_id = $id", ("$id", userId));
        Run(connection, "DELETE FROM memberships WHERE user_id = $id", ("$id", userId));
        var deleted = Run(connection, "DELETE FROM users WHERE id = $id", ("$id", userId)) > 0;
        tx.Commit();
        return deleted;
    }

    public void SetRole(long userId, Workspace workspace, WorkspaceRole? role)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var connection = OpenConnection();
        using var tx = connection.BeginTransaction(deferred: false);
        if (role is { } r)
        {
            if (!Exists(connection, userId))
            {
                throw new InvalidOperationException($"There is no user {userId}.");
            }

            Run(
                connection,
                "INSERT INTO memberships(user_id, workspace_id, role) VALUES ($user, $ws, $role) ON CONFLICT(user_id, workspace_id) DO UPDATE SET role = excluded.role",
                ("$user", userId), ("$ws", workspace.Id), ("$role", SnakeCaseNames<WorkspaceRole>.Name(r)));
        }
        else
        {
            Run(connection, "DELETE FROM memberships WHERE user_id = $user AND workspace_id = $ws", ("$user", userId), ("$ws", workspace.Id));
            Run(connection, "DELETE FROM api_tokens WHERE user_id = $user AND workspace_id = $ws", ("$user", userId), ("$ws", workspace.Id));
        }

        tx.Commit();
    }

    public WorkspaceRole? GetRole(long userId, long workspaceId)
    {
        using var connection = OpenConnection();
        using var command = AccountRows.Command(
            connection, "SELECT role FROM memberships WHERE user_id = $user AND workspace_id = $ws", ("$user", userId), ("$ws", workspaceId));
        return command.ExecuteScalar() is string text ? EnumNames<WorkspaceRole>.Parse(text) : null;
    }

    public IReadOnlyList<Membership> ListMemberships(long userId) =>
        AccountRows.Memberships(this, "m.user_id = $id ORDER BY w.name", ("$id", userId));

    public IReadOnlyList<Membership> ListMembers(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return AccountRows.Memberships(this, "m.workspace_id = $id ORDER BY u.name", ("$id", workspace.Id));
    }

    public ApiToken CreateApiToken(long userId, Workspace workspace, string name, string prefix, string secretHash, WorkspaceRole role)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentException.ThrowIfNullOrEmpty(secretHash);
        var now = AccountNow();
        var id = InsertReturningId(
            "INSERT INTO api_tokens(user_id, workspace_id, name, prefix, secret_hash, role, created_at) VALUES ($user, $ws, $name, $prefix, $hash, $role, $at) RETURNING id",
            ("$user", userId), ("$ws", workspace.Id), ("$name", name), ("$prefix", prefix), ("$hash", secretHash),
            ("$role", SnakeCaseNames<WorkspaceRole>.Name(role)), ("$at", StoreValues.ToMicros(now)));
        return new ApiToken(id, userId, workspace.Id, name, prefix, role, now);
    }

    public ApiToken? FindApiToken(string secretHash)
    {
        ArgumentNullException.ThrowIfNull(secretHash);
        return AccountRows.Tokens(this, $"{AccountRows.TokenSelect} WHERE secret_hash = $hash", ("$hash", secretHash)).SingleOrDefault();
    }

    public IReadOnlyList<ApiToken> ListApiTokens(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return AccountRows.Tokens(this, $"{AccountRows.TokenSelect} WHERE workspace_id = $ws ORDER BY name, id", ("$ws", workspace.Id));
    }

    public bool DeleteApiToken(Workspace workspace, long tokenId)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Execute("DELETE FROM api_tokens WHERE workspace_id = $ws AND id = $id", ("$ws", workspace.Id), ("$id", tokenId)) > 0;
    }

    public WriteKey CreateWriteKey(Workspace workspace, string name, string key)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var now = AccountNow();
        var id = InsertReturningId(
            "INSERT INTO write_keys(workspace_id, name, key, created_at) VALUES ($ws, $name, $key, $at) RETURNING id",
            ("$ws", workspace.Id), ("$name", name), ("$key", key), ("$at", StoreValues.ToMicros(now)));
        return new WriteKey(id, workspace.Id, name, key, now, null);
    }

    public WriteKey? FindWriteKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return AccountRows.WriteKeys(this, $"{AccountRows.WriteKeySelect} WHERE key = $key", ("$key", key)).SingleOrDefault();
    }

    public IReadOnlyList<WriteKey> ListWriteKeys(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return AccountRows.WriteKeys(this, $"{AccountRows.WriteKeySelect} WHERE workspace_id = $ws ORDER BY created_at, id", ("$ws", workspace.Id));
    }

    public bool RevokeWriteKey(Workspace workspace, long writeKeyId)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        // Revoking twice keeps the first time: the key stopped working then.
        return Execute(
            "UPDATE write_keys SET revoked_at = coalesce(revoked_at, $at) WHERE workspace_id = $ws AND id = $id",
            ("$at", StoreValues.ToMicros(AccountClock.GetUtcNow())), ("$ws", workspace.Id), ("$id", writeKeyId)) > 0;
    }

    // Stored to the microsecond: the record returned holds the time as a later read gives it back.
    private DateTimeOffset AccountNow() => StoreValues.FromMicros(StoreValues.ToMicros(AccountClock.GetUtcNow()));

    private static bool Exists(SqliteConnection connection, long userId)
    {
        using var command = AccountRows.Command(connection, "SELECT count(*) FROM users WHERE id = $id", ("$id", userId));
        return (long)command.ExecuteScalar()! > 0;
    }

    private static int Run(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = AccountRows.Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private long InsertReturningId(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = OpenConnection();
        using var command = AccountRows.Command(connection, sql, parameters);
        return (long)command.ExecuteScalar()!;
    }
}

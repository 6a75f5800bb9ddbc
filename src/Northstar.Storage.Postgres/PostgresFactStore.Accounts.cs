using Northstar.Core.Accounts;
using Northstar.Core.Facts;
using Northstar.Core.Workspaces;
using Northstar.Storage.Postgres.Sql;
using Npgsql;

namespace Northstar.Storage.Postgres;

/// <summary>
/// Users, memberships, API tokens and write keys, as the SQLite store keeps them: user names
/// unique without regard to case (a unique index on <c>lower(name)</c>), roles as snake_case
/// text. Deleting a user takes its memberships and tokens with it, and leaving a workspace the
/// user's tokens of that workspace, in the same transaction.
/// </summary>
public sealed partial class PostgresFactStore
{
    private const string UserSelect = "SELECT id, name, password_hash, created_at FROM users";
    private const string TokenSelect = "SELECT id, user_id, workspace_id, name, prefix, role, created_at FROM api_tokens";
    private const string WriteKeySelect = "SELECT id, workspace_id, name, key, created_at, revoked_at FROM write_keys";
    private const string MembershipSelect = """
        SELECT u.id, u.name, u.password_hash, u.created_at, w.id, w.name, w.time_zone, m.role
        FROM memberships m JOIN users u ON u.id = m.user_id JOIN workspaces w ON w.id = m.workspace_id
        WHERE
        """;

    /// <summary>The clock that stamps new users, tokens and keys and revocations (the server sets its own).</summary>
    public TimeProvider AccountClock { get; set; } = TimeProvider.System;

    public UserAccount CreateUser(string name, string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        var now = AccountNow();
        try
        {
            var id = Run(c => (long)Db.Scalar(
                c, "INSERT INTO users(name, password_hash, created_at) VALUES ($1, $2, $3) RETURNING id", name, passwordHash, now.UtcDateTime)!);
            return new UserAccount(id, name, passwordHash, now);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException($"There is already a user named '{name}'.", e);
        }
    }

    public UserAccount? FindUser(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Query($"{UserSelect} WHERE lower(name) = lower($1)", ReadUser, name).SingleOrDefault();
    }

    public UserAccount? GetUser(long id) => Query($"{UserSelect} WHERE id = $1", ReadUser, id).SingleOrDefault();

    public IReadOnlyList<UserAccount> ListUsers() => Query($"{UserSelect} ORDER BY lower(name), name", ReadUser);

    public void SetPasswordHash(long userId, string passwordHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        if (Execute("UPDATE users SET password_hash = $1 WHERE id = $2", passwordHash, userId) == 0)
        {
            throw new InvalidOperationException($"There is no user {userId}.");
        }
    }

    public bool DeleteUser(long userId) => Run(c =>
    {
        using var tx = c.BeginTransaction();
        Db.Exec(c, "DELETE FROM api_tokens WHERE user_id = $1", userId);
        Db.Exec(c, "DELETE FROM memberships WHERE user_id = $1", userId);
        var deleted = Db.Exec(c, "DELETE FROM users WHERE id = $1", userId) > 0;
        tx.Commit();
        return deleted;
    });

    public void SetRole(long userId, Workspace workspace, WorkspaceRole? role)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        Run(c =>
        {
            using var tx = c.BeginTransaction();
            if (role is { } r)
            {
                if (Db.Scalar(c, "SELECT 1 FROM users WHERE id = $1 FOR SHARE", userId) is null)
                {
                    throw new InvalidOperationException($"There is no user {userId}.");
                }

                Db.Exec(
                    c,
                    "INSERT INTO memberships(user_id, workspace_id, role) VALUES ($1, $2, $3) ON CONFLICT (user_id, workspace_id) DO UPDATE SET role = excluded.role",
                    userId, workspace.Id, SnakeCaseNames<WorkspaceRole>.Name(r));
            }
            else
            {
                Db.Exec(c, "DELETE FROM memberships WHERE user_id = $1 AND workspace_id = $2", userId, workspace.Id);
                Db.Exec(c, "DELETE FROM api_tokens WHERE user_id = $1 AND workspace_id = $2", userId, workspace.Id);
            }

            tx.Commit();
        });
    }

    public WorkspaceRole? GetRole(long userId, long workspaceId) =>
        Run(c => Db.Scalar(c, "SELECT role FROM memberships WHERE user_id = $1 AND workspace_id = $2", userId, workspaceId), write: false) is string text
            ? ParseRole(text)
            : null;

    public IReadOnlyList<Membership> ListMemberships(long userId) =>
        Query($"{MembershipSelect} m.user_id = $1 ORDER BY w.name", ReadMembership, userId);

    public IReadOnlyList<Membership> ListMembers(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Query($"{MembershipSelect} m.workspace_id = $1 ORDER BY lower(u.name), u.name", ReadMembership, workspace.Id);
    }

    public ApiToken CreateApiToken(long userId, Workspace workspace, string name, string prefix, string secretHash, WorkspaceRole role)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentException.ThrowIfNullOrEmpty(secretHash);
        var now = AccountNow();
        var id = Run(c => (long)Db.Scalar(
            c,
            "INSERT INTO api_tokens(user_id, workspace_id, name, prefix, secret_hash, role, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            userId, workspace.Id, name, prefix, secretHash, SnakeCaseNames<WorkspaceRole>.Name(role), now.UtcDateTime)!);
        return new ApiToken(id, userId, workspace.Id, name, prefix, role, now);
    }

    public ApiToken? FindApiToken(string secretHash)
    {
        ArgumentNullException.ThrowIfNull(secretHash);
        return Query($"{TokenSelect} WHERE secret_hash = $1", ReadToken, secretHash).SingleOrDefault();
    }

    public IReadOnlyList<ApiToken> ListApiTokens(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Query($"{TokenSelect} WHERE workspace_id = $1 ORDER BY name, id", ReadToken, workspace.Id);
    }

    public bool DeleteApiToken(Workspace workspace, long tokenId)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Execute("DELETE FROM api_tokens WHERE workspace_id = $1 AND id = $2", workspace.Id, tokenId) > 0;
    }

    public WriteKey CreateWriteKey(Workspace workspace, string name, string key)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var now = AccountNow();
        var id = Run(c => (long)Db.Scalar(
            c, "INSERT INTO write_keys(workspace_id, name, key, created_at) VALUES ($1, $2, $3, $4) RETURNING id", workspace.Id, name, key, now.UtcDateTime)!);
        return new WriteKey(id, workspace.Id, name, key, now, null);
    }

    public WriteKey? FindWriteKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Query($"{WriteKeySelect} WHERE key = $1", ReadWriteKey, key).SingleOrDefault();
    }

    public IReadOnlyList<WriteKey> ListWriteKeys(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Query($"{WriteKeySelect} WHERE workspace_id = $1 ORDER BY created_at, id", ReadWriteKey, workspace.Id);
    }

    public bool RevokeWriteKey(Workspace workspace, long writeKeyId)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        // Revoking twice keeps the first time: the key stopped working then.
        return Execute(
            "UPDATE write_keys SET revoked_at = coalesce(revoked_at, $1) WHERE workspace_id = $2 AND id = $3",
            AccountNow().UtcDateTime, workspace.Id, writeKeyId) > 0;
    }

    // Stored to the microsecond: the record returned holds the time as a later read gives it back.
    private DateTimeOffset AccountNow() => Tables.Cells.Micro(AccountClock.GetUtcNow());

    private List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] args) =>
        Run(c => Db.Query(c, sql, read, args), write: false);

    private static UserAccount ReadUser(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.Time(3));

    private static ApiToken ReadToken(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetString(4), ParseRole(r.GetString(5)), r.Time(6));

    private static WriteKey ReadWriteKey(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.Time(4), r.TimeOrNull(5));

    private static Membership ReadMembership(NpgsqlDataReader r) =>
        new(ReadUser(r), new Workspace(r.GetInt64(4), r.GetString(5), r.GetString(6)), ParseRole(r.GetString(7)));

    private static WorkspaceRole ParseRole(string text) =>
        SnakeCaseNames<WorkspaceRole>.TryParse(text, out var role)
            ? role
            : throw new InvalidDataException($"'{text}' is not a known {nameof(WorkspaceRole)} in the database.");
}

using System.Text.Json;
using Northstar.Core.Accounts;
using Northstar.Core.Workspaces;

namespace Northstar.Storage.ClickHouse;

/// <summary>Users, memberships, API tokens and write keys, as records (a handful of rows each).</summary>
public sealed partial class ClickHouseFactStore : IAccountStore
{
    private const string Users = "user";
    private const string Members = "member";
    private const string Tokens = "token";
    private const string Keys = "write_key";

    public UserAccount CreateUser(string name, string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(passwordHash);
        lock (_gate)
        {
            if (FindUser(name) is not null)
            {
                throw new InvalidOperationException($"A user named '{name}' exists already.");
            }

            var user = new UserAccount(NextId(Users), name, passwordHash, Truncate(AccountClock.GetUtcNow()));
            PutRecord(Users, Key(user.Id), JsonSerializer.Serialize(user, Json));
            return user;
        }
    }

    public UserAccount? FindUser(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ListUsers().FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    public UserAccount? GetUser(long id) =>
        GetRecord(Users, Key(id)) is { } body ? JsonSerializer.Deserialize<UserAccount>(body, Json) : null;

    public IReadOnlyList<UserAccount> ListUsers() =>
        [.. ReadRecords(Users).Select(r => JsonSerializer.Deserialize<UserAccount>(r.Body, Json)!).OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)];

    public void SetPasswordHash(long userId, string passwordHash)
    {
        ArgumentNullException.ThrowIfNull(passwordHash);
        lock (_gate)
        {
            var user = GetUser(userId) ?? throw new InvalidOperationException($"There is no user {userId}.");
            PutRecord(Users, Key(userId), JsonSerializer.Serialize(user with { PasswordHash = passwordHash }, Json));
        }
    }

    public bool DeleteUser(long userId)
    {
        lock (_gate)
        {
            foreach (var m in StoredMembers().Where(m => m.UserId == userId))
            {
                DeleteRecord(Members, MemberKey(m.UserId, m.WorkspaceId));
            }

            foreach (var t in StoredTokens().Where(t => t.Token.UserId == userId))
            {
                DeleteRecord(Tokens, Key(t.Token.Id));
            }

            return DeleteRecord(Users, Key(userId));
        }
    }

    public void SetRole(long userId, Workspace workspace, WorkspaceRole? role)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_gate)
        {
            if (role is { } r)
            {
                _ = GetUser(userId) ?? throw new InvalidOperationException($"There is no user {userId}.");
                PutRecord(Members, MemberKey(userId, workspace.Id), JsonSerializer.Serialize(new StoredMember(userId, workspace.Id, r), Json));
                return;
            }

            DeleteRecord(Members, MemberKey(userId, workspace.Id));
            foreach (var t in StoredTokens().Where(t => t.Token.UserId == userId && t.Token.WorkspaceId == workspace.Id))
            {
                DeleteRecord(Tokens, Key(t.Token.Id));
            }
        }
    }

    public WorkspaceRole? GetRole(long userId, long workspaceId) =>
        GetRecord(Members, MemberKey(userId, workspaceId)) is { } body ? JsonSerializer.Deserialize<StoredMember>(body, Json)!.Role : null;

    public IReadOnlyList<Membership> ListMemberships(long userId)
    {
        if (GetUser(userId) is not { } user)
        {
            return [];
        }

        var workspaces = ListWorkspaces().ToDictionary(w => w.Id);
        return [.. StoredMembers()
            .Where(m => m.UserId == userId && workspaces.ContainsKey(m.WorkspaceId))
            .Select(m => new Membership(user, workspaces[m.WorkspaceId], m.Role))
            .OrderBy(m => m.Workspace.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyList<Membership> ListMembers(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var users = ListUsers().ToDictionary(u => u.Id);
        return [.. StoredMembers()
            .Where(m => m.WorkspaceId == workspace.Id && users.ContainsKey(m.UserId))
            .Select(m => new Membership(users[m.UserId], workspace, m.Role))
            .OrderBy(m => m.User.Name, StringComparer.Ordinal)];
    }

    public ApiToken CreateApiToken(long userId, Workspace workspace, string name, string prefix, string secretHash, WorkspaceRole role)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_gate)
        {
            if (FindApiToken(secretHash) is not null)
            {
                throw new InvalidOperationException("An API token with that secret exists already.");
            }

            var token = new ApiToken(NextId(Tokens), userId, workspace.Id, name, prefix, role, Truncate(AccountClock.GetUtcNow()));
            PutRecord(Tokens, Key(token.Id), JsonSerializer.Serialize(new StoredToken(token, secretHash), Json));
            return token;
        }
    }

    public ApiToken? FindApiToken(string secretHash) =>
        StoredTokens().FirstOrDefault(t => string.Equals(t.SecretHash, secretHash, StringComparison.Ordinal))?.Token;

    public IReadOnlyList<ApiToken> ListApiTokens(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return [.. StoredTokens().Select(t => t.Token).Where(t => t.WorkspaceId == workspace.Id).OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    public bool DeleteApiToken(Workspace workspace, long tokenId)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_gate)
        {
            return StoredTokens().Any(t => t.Token.Id == tokenId && t.Token.WorkspaceId == workspace.Id) && DeleteRecord(Tokens, Key(tokenId));
        }
    }

    public WriteKey CreateWriteKey(Workspace workspace, string name, string key)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_gate)
        {
            var writeKey = new WriteKey(NextId(Keys), workspace.Id, name, key, Truncate(AccountClock.GetUtcNow()), null);
            PutRecord(Keys, Key(writeKey.Id), JsonSerializer.Serialize(writeKey, Json));
            return writeKey;
        }
    }

    public WriteKey? FindWriteKey(string key) => StoredWriteKeys().FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.Ordinal));

    public IReadOnlyList<WriteKey> ListWriteKeys(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return [.. StoredWriteKeys().Where(k => k.WorkspaceId == workspace.Id).OrderBy(k => k.Id)];
    }

    public bool RevokeWriteKey(Workspace workspace, long writeKeyId)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_gate)
        {
            if (StoredWriteKeys().FirstOrDefault(k => k.Id == writeKeyId && k.WorkspaceId == workspace.Id) is not { } key)
            {
                return false;
            }

            PutRecord(Keys, Key(writeKeyId), JsonSerializer.Serialize(key with { RevokedAt = key.RevokedAt ?? Truncate(AccountClock.GetUtcNow()) }, Json));
            return true;
        }
    }

    private static string MemberKey(long userId, long workspaceId) => $"{Key(userId)}|{Key(workspaceId)}";

    // Account times are kept to the microsecond, as every stored instant.
    private static DateTimeOffset Truncate(DateTimeOffset t) => Facts.Values.Instant(Facts.Values.Micros(t));

    private IEnumerable<StoredMember> StoredMembers() => ReadRecords(Members).Select(r => JsonSerializer.Deserialize<StoredMember>(r.Body, Json)!);

    private IEnumerable<StoredToken> StoredTokens() => ReadRecords(Tokens).Select(r => JsonSerializer.Deserialize<StoredToken>(r.Body, Json)!);

    private IEnumerable<WriteKey> StoredWriteKeys() => ReadRecords(Keys).Select(r => JsonSerializer.Deserialize<WriteKey>(r.Body, Json)!);

    private sealed record StoredMember(long UserId, long WorkspaceId, WorkspaceRole Role);

    private sealed record StoredToken(ApiToken Token, string SecretHash);
}
